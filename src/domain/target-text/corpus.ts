// Real-style target texts, as departments write them in their manifestos (wording modelled on
// published documents of several cities: full-width digits, era years, a baseline in a
// parenthesis, ranks, ratios, 割, 万). Each with what a careful reader takes from it; `null`
// for a text that states no number to measure (a milestone). Used by the parser's test.
import type { Comparator } from "../manifesto/schema.ts";

export interface CorpusEntry {
  text: string;
  expected: null | {
    comparator: Comparator;
    target: number;
    unit: string;
    baseline?: { value: number; fiscalYear?: number };
    targetFiscalYear?: number;
  };
}

export const TARGET_TEXT_CORPUS: readonly CorpusEntry[] = [
  {
    text: "令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）",
    expected: {
      comparator: ">=",
      target: 55,
      unit: "%",
      baseline: { value: 51.3, fiscalYear: 2022 },
      targetFiscalYear: 2023,
    },
  },
  {
    text: "eモニターを活用したアンケート・パブリックコメントの実施数：15件（令和４年度14件）",
    expected: {
      comparator: ">=",
      target: 15,
      unit: "件",
      baseline: { value: 14, fiscalYear: 2022 },
    },
  },
  {
    text: "地域ブランド調査による伊賀市の情報接触度230位以内（令和４年度全国で251位）",
    expected: {
      comparator: "<=",
      target: 230,
      unit: "位",
      baseline: { value: 251, fiscalYear: 2022 },
    },
  },
  {
    text: "令和６年度の土木技術職の応募者数を前年度比１．５倍にする。",
    expected: { comparator: ">=", target: 1.5, unit: "倍", targetFiscalYear: 2024 },
  },
  {
    text: "階層別研修後の受講者アンケート項目の活用度平均７０％以上",
    expected: { comparator: ">=", target: 70, unit: "%" },
  },
  {
    text: "男性職員の育児休業取得率を過去５年平均で20％とする。",
    expected: { comparator: ">=", target: 20, unit: "%" },
  },
  {
    text: "高ストレス判定かつ医師の面談を希望する職員のうち、職場環境に起因する者の割合を10％減少させる。",
    expected: { comparator: ">=", target: 10, unit: "%減" },
  },
  {
    text: "指定管理者制度の導入、継続を指定管理者選定委員会で審査する手続を確立する。",
    expected: null,
  },
  { text: "総合評価方式等発注基準について検証を行い、見直す。", expected: null },
  { text: "工事書類の適正化・簡素化についてマニュアルを策定し、庁内周知を図る。", expected: null },
  {
    text: "待機児童数　０人（令和４年４月１日現在　１２人）",
    expected: {
      comparator: "<=",
      target: 0,
      unit: "人",
      baseline: { value: 12, fiscalYear: 2022 },
    },
  },
  {
    text: "特定健康診査の受診率を６割以上にする（R4実績 52.1%）",
    expected: {
      comparator: ">=",
      target: 60,
      unit: "%",
      baseline: { value: 52.1, fiscalYear: 2022 },
    },
  },
  {
    text: "市ホームページの年間閲覧数　1,200,000件以上（令和3年度　1,034,512件）",
    expected: {
      comparator: ">=",
      target: 1200000,
      unit: "件",
      baseline: { value: 1034512, fiscalYear: 2021 },
    },
  },
  {
    text: "ふるさと納税の寄附額を１億５千万円以上とする（令和４年度 1億2,300万円）",
    expected: {
      comparator: ">=",
      target: 150000000,
      unit: "円",
      baseline: { value: 123000000, fiscalYear: 2022 },
    },
  },
  {
    text: "観光入込客数 120万人（2022年度 98.5万人）",
    expected: {
      comparator: ">=",
      target: 1200000,
      unit: "人",
      baseline: { value: 985000, fiscalYear: 2022 },
    },
  },
  {
    text: "救急車の現場到着までの平均所要時間を8.5分以内とする",
    expected: { comparator: "<=", target: 8.5, unit: "分" },
  },
  {
    text: "市税の収納率　98.5％超（令和元年度　97.9％）",
    expected: {
      comparator: ">",
      target: 98.5,
      unit: "%",
      baseline: { value: 97.9, fiscalYear: 2019 },
    },
  },
  {
    text: "刑法犯認知件数を年間５００件未満に抑える（平成30年度612件）",
    expected: {
      comparator: "<",
      target: 500,
      unit: "件",
      baseline: { value: 612, fiscalYear: 2018 },
    },
  },
  {
    text: "自主防災組織による防災訓練の実施回数：年３回以上",
    expected: { comparator: ">=", target: 3, unit: "回" },
  },
  {
    text: "令和７年度までに市道の舗装補修延長を累計12.5kmとする",
    expected: { comparator: ">=", target: 12.5, unit: "km", targetFiscalYear: 2025 },
  },
  {
    text: "公共施設の長寿命化計画（第２期）を策定する",
    expected: null,
  },
  {
    text: "窓口の平均待ち時間　１５分以内（現状：令和4年度 22分）",
    expected: {
      comparator: "<=",
      target: 15,
      unit: "分",
      baseline: { value: 22, fiscalYear: 2022 },
    },
  },
  {
    text: "住みやすいと感じる市民の割合　80％（令和4年度市民意識調査　76.2％）",
    expected: {
      comparator: ">=",
      target: 80,
      unit: "%",
      baseline: { value: 76.2, fiscalYear: 2022 },
    },
  },
  {
    text: "ごみの１人１日当たり排出量を850g以下にする（R3：873g）",
    expected: {
      comparator: "<=",
      target: 850,
      unit: "g",
      baseline: { value: 873, fiscalYear: 2021 },
    },
  },
  {
    text: "地域おこし協力隊の定住率　５割以上",
    expected: { comparator: ">=", target: 50, unit: "%" },
  },
  {
    text: "子育て支援センターの利用者数　延べ２万５千人（令和４年度　延べ２万１千人）",
    expected: {
      comparator: ">=",
      target: 25000,
      unit: "人",
      baseline: { value: 21000, fiscalYear: 2022 },
    },
  },
  {
    text: "電子申請で手続できる行政手続の数を200手続以上に拡大する（令和4年度末 134手続）",
    expected: {
      comparator: ">=",
      target: 200,
      unit: "手続",
      baseline: { value: 134, fiscalYear: 2022 },
    },
  },
  {
    text: "DXに関する職員研修の受講者数：100人（2023年度）",
    expected: { comparator: ">=", target: 100, unit: "人", targetFiscalYear: 2023 },
  },
  {
    text: "職員の時間外勤務時間を前年度比10％削減する",
    expected: { comparator: ">=", target: 10, unit: "%減" },
  },
  {
    text: "空き家バンクの成約件数　年間30件（令和４年度実績：24件）",
    expected: {
      comparator: ">=",
      target: 30,
      unit: "件",
      baseline: { value: 24, fiscalYear: 2022 },
    },
  },
  {
    text: "図書館の貸出冊数　市民１人当たり５．２冊以上（令和3年度 4.8冊）",
    expected: {
      comparator: ">=",
      target: 5.2,
      unit: "冊",
      baseline: { value: 4.8, fiscalYear: 2021 },
    },
  },
  {
    text: "移住相談会を開催し、関係機関と連携した相談体制を構築する。",
    expected: null,
  },
  {
    text: "交通事故死者数ゼロを目指す",
    expected: { comparator: "<=", target: 0, unit: "人" },
  },
  {
    text: "市内企業の新規雇用者数を３年間で150人以上創出する（平成31年度～）",
    expected: { comparator: ">=", target: 150, unit: "人" },
  },
  {
    text: "財政調整基金残高を標準財政規模の10％以上に維持する",
    expected: { comparator: ">=", target: 10, unit: "%" },
  },
  {
    text: "実質公債費比率　8.0％以下（令和4年度決算 9.2％）",
    expected: {
      comparator: "<=",
      target: 8,
      unit: "%",
      baseline: { value: 9.2, fiscalYear: 2022 },
    },
  },
  {
    text: "国民健康保険税の現年度分収納率95.0％以上",
    expected: { comparator: ">=", target: 95, unit: "%" },
  },
  {
    text: "全国学力・学習状況調査の平均正答率で全国平均を上回る",
    expected: null,
  },
  {
    text: "市民協働事業の提案件数を10件まで増やす（令和4年度：6件）",
    expected: {
      comparator: ">=",
      target: 10,
      unit: "件",
      baseline: { value: 6, fiscalYear: 2022 },
    },
  },
  {
    text: "がん検診（胃・肺・大腸）受診率を各20%以上とする。",
    expected: { comparator: ">=", target: 20, unit: "%" },
  },
  {
    text: "水道管路の耐震化率　５２％（H30年度：４５％）",
    expected: {
      comparator: ">=",
      target: 52,
      unit: "%",
      baseline: { value: 45, fiscalYear: 2018 },
    },
  },
  {
    text: "本庁舎の電気使用量を平成25年度比で２０％削減",
    expected: { comparator: ">=", target: 20, unit: "%減" },
  },
  {
    text: "放課後児童クラブの待機児童解消に向け、民間事業者と協議を進める。",
    expected: null,
  },
  {
    text: "ふれあいサロンの設置数を65か所以上にする（令和4年度末60か所）",
    expected: {
      comparator: ">=",
      target: 65,
      unit: "か所",
      baseline: { value: 60, fiscalYear: 2022 },
    },
  },
  {
    text: "市の魅力度ランキング　上位１００位以内（令和4年度　132位）",
    expected: {
      comparator: "<=",
      target: 100,
      unit: "位",
      baseline: { value: 132, fiscalYear: 2022 },
    },
  },
  {
    text: "申請から交付までの処理日数　平均５日以内",
    expected: { comparator: "<=", target: 5, unit: "日" },
  },
  {
    text: "SNS（LINE公式アカウント）の登録者数：3万人（R5.3末 2.4万人）",
    expected: {
      comparator: ">=",
      target: 30000,
      unit: "人",
      baseline: { value: 24000, fiscalYear: 2022 },
    },
  },
  {
    text: "令和８年度に向けて、第３次総合計画後期基本計画を策定する",
    expected: null,
  },
  {
    text: "特定保健指導の実施率を令和5年度に４５％まで引き上げる（令和３年度３８．７％）",
    expected: {
      comparator: ">=",
      target: 45,
      unit: "%",
      baseline: { value: 38.7, fiscalYear: 2021 },
      targetFiscalYear: 2023,
    },
  },
  {
    text: "消防団員の充足率90%以上を維持する（令和４年度　91.3%）",
    expected: {
      comparator: ">=",
      target: 90,
      unit: "%",
      baseline: { value: 91.3, fiscalYear: 2022 },
    },
  },
  {
    text: "農地の集積率　65％以上（令和2年度 58％）",
    expected: {
      comparator: ">=",
      target: 65,
      unit: "%",
      baseline: { value: 58, fiscalYear: 2020 },
    },
  },
  {
    text: "ICT支援員の学校訪問回数を１校あたり月２回以上とする",
    expected: { comparator: ">=", target: 2, unit: "回" },
  },
  {
    text: "公共交通（コミュニティバス）の年間利用者数　８万５千人（令和４年度 ７万９，８５０人）",
    expected: {
      comparator: ">=",
      target: 85000,
      unit: "人",
      baseline: { value: 79850, fiscalYear: 2022 },
    },
  },
  {
    text: "要介護認定率を17.5％以下に抑制する",
    expected: { comparator: "<=", target: 17.5, unit: "%" },
  },
  {
    text: "市営住宅の入居率　９５％（令和４年度　８９．５％）",
    expected: {
      comparator: ">=",
      target: 95,
      unit: "%",
      baseline: { value: 89.5, fiscalYear: 2022 },
    },
  },
  {
    text: "若手職員によるプロジェクトチームを設置し、業務改善提案を取りまとめる。",
    expected: null,
  },
  {
    text: "企業誘致件数　令和５年度　２社",
    expected: { comparator: ">=", target: 2, unit: "社", targetFiscalYear: 2023 },
  },
  {
    text: "健康ポイント事業の参加者数を1,500人から2,000人に増やす",
    expected: { comparator: ">=", target: 2000, unit: "人", baseline: { value: 1500 } },
  },
  {
    text: "認知症サポーター養成講座の受講者数　累計12,000人以上（令和4年度末 10,642人）",
    expected: {
      comparator: ">=",
      target: 12000,
      unit: "人",
      baseline: { value: 10642, fiscalYear: 2022 },
    },
  },
  {
    text: "会議録のオープンデータ化を進め、市ホームページで公開する。",
    expected: null,
  },
  {
    text: "温室効果ガス排出量　２３，０００ｔ－ＣＯ２以下（平成２５年度　３１，２００ｔ－ＣＯ２）",
    expected: {
      comparator: "<=",
      target: 23000,
      unit: "t-CO2",
      baseline: { value: 31200, fiscalYear: 2013 },
    },
  },
  {
    text: "市民の健康寿命を延伸する（男性80.1歳、女性84.3歳を上回る）",
    expected: { comparator: ">", target: 80.1, unit: "歳" },
  },
  {
    text: "防災メールの登録者数　１０，０００人以上",
    expected: { comparator: ">=", target: 10000, unit: "人" },
  },
];
