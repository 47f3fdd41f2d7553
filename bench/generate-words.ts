// The words and sentence patterns of the data generator, and its seeded random source.
// Patterns are written after the published manifestos (lengths near the seed document's).

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from any key (FNV-1a), so each document's randomness depends only on its key. */
export function seedOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }
  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(...pool.splice(Math.floor(this.next() * pool.length), 1));
    }
    return out;
  }
}

export interface DepartmentProfile {
  name: string;
  themes: readonly [string, string, string, string];
}

export const DEPARTMENTS: readonly DepartmentProfile[] = [
  { name: "総務部", themes: ["広報広聴", "人材育成", "職場環境", "契約事務"] },
  { name: "企画振興部", themes: ["総合計画", "移住定住", "地域公共交通", "広域連携"] },
  { name: "財務部", themes: ["財政運営", "市税収納", "公有財産", "ふるさと納税"] },
  { name: "人権生活環境部", themes: ["人権啓発", "ごみ減量", "環境保全", "消費生活"] },
  { name: "健康福祉部", themes: ["健康づくり", "地域福祉", "高齢者支援", "障がい者支援"] },
  { name: "こども未来部", themes: ["子育て支援", "保育", "児童虐待防止", "放課後児童クラブ"] },
  { name: "産業振興部", themes: ["企業誘致", "中小企業支援", "雇用促進", "商店街活性化"] },
  { name: "農林部", themes: ["農業振興", "森林保全", "鳥獣害対策", "地産地消"] },
  { name: "観光交流部", themes: ["観光誘客", "文化財活用", "国際交流", "シティプロモーション"] },
  { name: "建設部", themes: ["道路整備", "橋梁長寿命化", "公園管理", "住宅政策"] },
  { name: "都市計画部", themes: ["都市計画", "空き家対策", "景観形成", "立地適正化"] },
  { name: "上下水道部", themes: ["水道事業", "下水道整備", "管路耐震化", "経営健全化"] },
  { name: "消防本部", themes: ["救急体制", "火災予防", "消防団", "防災啓発"] },
  { name: "教育委員会事務局", themes: ["学力向上", "不登校対策", "学校施設", "ICT教育"] },
  { name: "生涯学習部", themes: ["生涯学習", "図書館サービス", "公民館活動", "青少年育成"] },
  { name: "文化スポーツ部", themes: ["スポーツ振興", "文化芸術", "施設運営", "大会誘致"] },
  { name: "危機管理部", themes: ["防災体制", "避難所運営", "自主防災組織", "防犯対策"] },
  {
    name: "デジタル推進部",
    themes: ["行政DX", "オンライン申請", "情報セキュリティ", "マイナンバーカード"],
  },
  { name: "市民生活部", themes: ["窓口サービス", "戸籍住民事務", "交通安全", "地域自治"] },
  { name: "保険年金部", themes: ["国民健康保険", "特定健診", "医療費適正化", "後期高齢者医療"] },
  { name: "環境部", themes: ["脱炭素", "再生可能エネルギー", "リサイクル", "不法投棄対策"] },
  { name: "会計課", themes: ["会計事務", "支出審査", "公金管理", "電子決裁"] },
  { name: "議会事務局", themes: ["議会広報", "議会改革", "議会図書室", "議会中継"] },
  { name: "監査委員事務局", themes: ["監査", "内部統制", "決算審査", "例月出納検査"] },
  { name: "市民病院", themes: ["地域医療", "医師確保", "病院経営", "救急医療"] },
];

export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;

export const PLACE_HEADS = [
  "伊",
  "松",
  "高",
  "東",
  "西",
  "南",
  "北",
  "新",
  "大",
  "小",
  "岡",
  "川",
  "山",
  "田",
  "長",
  "福",
  "豊",
  "宮",
  "若",
  "春",
  "桜",
  "緑",
  "青",
  "白",
  "石",
  "鈴",
  "吉",
  "美",
  "朝",
  "富",
] as const;
export const PLACE_TAILS = [
  "賀",
  "阪",
  "崎",
  "山",
  "川",
  "田",
  "野",
  "原",
  "浜",
  "島",
  "沢",
  "津",
  "岡",
  "谷",
  "浦",
  "見",
  "瀬",
  "松",
  "井",
  "尾",
  "倉",
  "部",
  "庭",
  "代",
  "根",
  "江",
  "坂",
  "森",
  "里",
  "宮",
] as const;

export const FAMILY_NAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "森",
  "池田",
  "月井",
  "髙橋",
  "山﨑",
] as const;
export const GIVEN_NAMES = [
  "敦子",
  "健一",
  "誠",
  "裕子",
  "浩二",
  "直美",
  "隆",
  "明美",
  "和也",
  "恵子",
  "修",
  "由美",
  "博之",
  "真由美",
  "剛",
  "久美子",
  "聡",
  "智子",
  "大輔",
  "陽子",
] as const;

export const MISSIONS = [
  (t: string) => `${t}の充実により、市民が安心して暮らし続けられるまちづくりを進めます。`,
  (t: string) => `${t}を着実に推進し、持続可能で魅力ある地域社会の実現を目指します。`,
  (t: string) => `市民との協働による${t}の推進で、誰もが住み続けたいと思えるまちをつくります。`,
  (t: string) => `${t}の質を高め、市民の期待に応えられる効率的な行政運営に取り組みます。`,
];

export const TITLE_ACTIONS = ["推進", "充実", "強化", "見直し", "効率化", "促進", "体制整備"];
export const TITLE_EXTRAS = ["", "と市民サービスの向上", "による地域の活性化", "と担い手の確保"];

export const CURRENT_STATES = [
  (t: string) => `${t}に関する市民ニーズが多様化しており、従来の取組では十分に対応できていない。`,
  (t: string) => `${t}の担い手が不足しており、今後の事業の継続に課題がある。`,
  (t: string) => `${t}に係る事務の多くが紙で処理されており、効率化が求められている。`,
  (t: string) => `近年、${t}に関する相談件数が増加傾向にあり、体制の強化が必要である。`,
  (t: string) => `${t}の取組について、市民への周知が十分とは言えない状況がみられる。`,
  (t: string) => `国の制度改正に伴い、${t}の進め方を見直す必要が生じている。`,
];

export const MEANS = [
  (t: string) =>
    `関係機関や地域団体と連携し、${t}に関する情報共有と課題解決に向けた協議の場を設ける。`,
  (t: string) =>
    `${t}の現状を分析し、他自治体の先進事例を参考にしながら効果的な施策を検討・実施する。`,
  (t: string) => `ＳＮＳや広報紙などの多様な媒体を活用し、${t}の取組を市民に分かりやすく発信する。`,
  (t: string) => `職員研修を実施し、${t}に携わる職員の専門性と対応力の向上を図る。`,
  (t: string) =>
    `デジタル技術を活用して${t}に係る手続を見直し、市民の利便性の向上と業務の効率化を図る。`,
  (t: string) => `${t}に関するアンケートを実施し、市民の意見を次年度の事業計画に反映させる。`,
];

export const DESIRED_STATES = [
  (t: string) =>
    `${t}の取組が着実に進み、市民が必要なサービスを必要な時に受けられる状態になっている。`,
  (t: string) => `${t}について市民の理解と参加が広がり、地域と行政が一体となって取り組んでいる。`,
  (t: string) => `${t}に係る業務が効率化され、生み出された時間で市民に寄り添った対応ができている。`,
];

export const REASON_SENTENCES = [
  (t: string) => `${t}について、関係団体と連携しながら計画どおり事業を実施した。`,
  () => "年度途中に課題の洗い出しを行い、取組内容を見直したことで一定の成果が得られた。",
  (t: string) => `${t}に関する説明会を市内各地で開催し、延べ多くの市民の参加を得た。`,
  () => "目標の達成には至らなかった項目もあるが、次年度に向けた改善策を整理した。",
  (t: string) => `専門家の助言を受けながら${t}の方針を策定し、庁内への周知を図った。`,
  () => "国や県の補助制度を活用し、財源を確保したうえで事業を前倒しで実施した。",
];

export const MILESTONES = [
  (t: string) => `${t}に関する基本方針を策定し、庁内周知を図る。`,
  (t: string) => `${t}の実施手順をマニュアル化し、関係課で運用を開始する。`,
  (t: string) => `${t}の課題を検証する庁内検討会議を設置し、見直し案をまとめる。`,
];

export const INTERIM_STATUSES = ["順調", "概ね順調", "強化要", "困難"] as const;

/** Writes ASCII digits full-width, as many published documents do in running text. */
export function fullWidthDigits(s: string): string {
  return s.replace(/[0-9.]/g, (c) =>
    c === "." ? "．" : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}
