// The accessibility test result that the portal publishes (みんなの公共サイト運用ガイドライン
// 2016): every success criterion of JIS X 8341-3:2016 (= WCAG 2.0) levels A and AA, and the
// WCAG 2.1 additions for reference, each with its result on the public portal and on the
// staff workspace and the tests that check it. `conformance.test.ts` holds this list to the
// tests themselves: a criterion said to be checked by a spec must be named in that spec, and
// one checked by axe must be in a spec that runs axe, so the published checklist cannot claim
// a test that does not exist.

export type Level = "A" | "AA";
/** 適合: met and tested; 適用なし: nothing on the pages it applies to; 不適合: not met. */
export type Result = "適合" | "適用なし" | "不適合";

export interface Check {
  /** "axe": the spec runs axe-core on every page kind; "spec": the spec names the criterion
   * and tests it; "review": checked by a person on the date of the test. */
  kind: "axe" | "spec" | "review";
  file?: string;
}

export interface Criterion {
  id: string;
  name: string;
  level: Level;
  /** JIS X 8341-3:2016 (WCAG 2.0) or one of the additions of WCAG 2.1. */
  source: "JIS" | "WCAG 2.1";
  portal: Result;
  staff: Result;
  checks: Check[];
  /** Why it does not apply, or what is not met yet. */
  note?: string;
}

const PORTAL_AXE: Check = { kind: "axe", file: "e2e/accessibility.spec.ts" };
const STAFF_AXE: Check = { kind: "axe", file: "e2e/staff-accessibility.spec.ts" };
const AXE = [PORTAL_AXE, STAFF_AXE];
const STAFF_WCAG: Check = { kind: "spec", file: "e2e/staff-wcag.spec.ts" };
const PORTAL_WCAG: Check = { kind: "spec", file: "e2e/portal-wcag.spec.ts" };
const KEYBOARD: Check = { kind: "spec", file: "e2e/staff-keyboard.spec.ts" };
const EDITING: Check = { kind: "spec", file: "e2e/staff-editing-wcag.spec.ts" };
const REVIEW: Check = { kind: "review" };
const NO_MEDIA = "音声・映像のコンテンツを掲載していません。";

function c(
  id: string,
  name: string,
  level: Level,
  checks: Check[],
  extra: Partial<Pick<Criterion, "portal" | "staff" | "note" | "source">> = {},
): Criterion {
  return { id, name, level, source: "JIS", portal: "適合", staff: "適合", checks, ...extra };
}
const notApplicable = (note: string) => ({ portal: "適用なし", staff: "適用なし", note }) as const;

export const CRITERIA: readonly Criterion[] = [
  c("1.1.1", "非テキストコンテンツ", "A", AXE),
  c("1.2.1", "音声のみ及び映像のみ（収録済み）", "A", [REVIEW], notApplicable(NO_MEDIA)),
  c("1.2.2", "キャプション（収録済み）", "A", [REVIEW], notApplicable(NO_MEDIA)),
  c(
    "1.2.3",
    "音声解説、又はメディアに対する代替（収録済み）",
    "A",
    [REVIEW],
    notApplicable(NO_MEDIA),
  ),
  c("1.2.4", "キャプション（ライブ）", "AA", [REVIEW], notApplicable(NO_MEDIA)),
  c("1.2.5", "音声解説（収録済み）", "AA", [REVIEW], notApplicable(NO_MEDIA)),
  c("1.3.1", "情報及び関係性", "A", AXE),
  c("1.3.2", "意味のある順序", "A", [...AXE, REVIEW]),
  c("1.3.3", "感覚的な特徴", "A", [REVIEW]),
  c("1.4.1", "色の使用", "A", [...AXE, STAFF_WCAG]),
  c("1.4.2", "音声の制御", "A", [REVIEW], notApplicable("自動で再生される音声はありません。")),
  c("1.4.3", "コントラスト（最低限レベル）", "AA", AXE),
  c("1.4.4", "テキストのサイズ変更", "AA", [...AXE, PORTAL_WCAG, STAFF_WCAG]),
  c("1.4.5", "文字画像", "AA", [REVIEW]),
  c("2.1.1", "キーボード", "A", [KEYBOARD]),
  c("2.1.2", "キーボードトラップなし", "A", [KEYBOARD, REVIEW]),
  c("2.2.1", "タイミング調整可能", "A", [{ kind: "spec", file: "e2e/staff-timeout.spec.ts" }], {
    portal: "適用なし",
    note: "公開ページに時間制限はありません。職員用画面は操作のない時間が8時間続くとログインが切れますが、5分前に予告し、ボタン一つで延長できます。切れた後はログイン画面で理由を示します。",
  }),
  c(
    "2.2.2",
    "一時停止、停止及び非表示",
    "A",
    [REVIEW],
    notApplicable("動く・点滅する・自動更新される内容はありません。"),
  ),
  c(
    "2.3.1",
    "3回のせん（閃）光、又はしきい（閾）値以下",
    "A",
    [REVIEW],
    notApplicable("点滅する内容はありません。"),
  ),
  c("2.4.1", "ブロックスキップ", "A", AXE),
  c("2.4.2", "ページタイトル", "A", [...AXE, PORTAL_WCAG]),
  c("2.4.3", "フォーカス順序", "A", [KEYBOARD, STAFF_WCAG]),
  c("2.4.4", "リンクの目的（コンテキスト内）", "A", AXE),
  c("2.4.5", "複数の手段", "AA", [{ kind: "spec", file: "e2e/search.spec.ts" }, REVIEW]),
  c("2.4.6", "見出し及びラベル", "AA", [...AXE, REVIEW]),
  c("2.4.7", "フォーカスの可視化", "AA", [STAFF_WCAG, REVIEW]),
  c("3.1.1", "ページの言語", "A", AXE),
  c("3.1.2", "一部分の言語", "AA", [...AXE, REVIEW]),
  c("3.2.1", "フォーカス時", "A", [REVIEW]),
  c("3.2.2", "入力時", "A", [EDITING, REVIEW]),
  c("3.2.3", "一貫したナビゲーション", "AA", [REVIEW]),
  c("3.2.4", "一貫した識別性", "AA", [REVIEW]),
  c("3.3.1", "エラーの特定", "A", [STAFF_WCAG], {
    portal: "適用なし",
    note: "公開ページの入力は検索語だけで、誤りになる入力はありません。",
  }),
  c("3.3.2", "ラベル又は説明", "A", [...AXE, STAFF_WCAG]),
  c("3.3.3", "エラー修正の提案", "AA", [STAFF_WCAG], {
    portal: "適用なし",
    note: "公開ページの入力は検索語だけです。",
  }),
  c(
    "3.3.4",
    "エラー回避（法的、金融及びデータ）",
    "AA",
    [{ kind: "spec", file: "e2e/staff-workflow.spec.ts" }],
    {
      portal: "適用なし",
      note: "職員用画面の提出・公表は確認してから実行し、差戻しで取り消せます。",
    },
  ),
  c("4.1.1", "構文解析", "A", AXE),
  c("4.1.2", "名前（name）、役割（role）及び値（value）", "A", AXE),
  // WCAG 2.1 additions: not part of JIS X 8341-3:2016, tested as well.
  ...[
    c("1.3.4", "表示の向き", "AA", [REVIEW]),
    c("1.3.5", "入力目的の特定", "AA", AXE),
    c("1.4.10", "リフロー（幅320 CSSピクセル）", "AA", [PORTAL_WCAG, STAFF_WCAG]),
    c("1.4.11", "非テキストのコントラスト", "AA", [STAFF_WCAG]),
    c("1.4.12", "テキストの間隔", "AA", [PORTAL_WCAG, STAFF_WCAG]),
    c(
      "1.4.13",
      "ホバー又はフォーカスで表示されるコンテンツ",
      "AA",
      [REVIEW],
      notApplicable("ホバーやフォーカスで現れる内容はありません。"),
    ),
    c("2.1.4", "文字キーのショートカット", "A", [REVIEW], {
      portal: "適用なし",
      note: "ショートカットは Ctrl+S（保存）だけです。",
    }),
    c("2.5.1", "ポインタのジェスチャ", "A", [REVIEW]),
    c("2.5.2", "ポインタのキャンセル", "A", [REVIEW]),
    c("2.5.3", "ラベルを含む名前（名前のラベル）", "A", [STAFF_WCAG]),
    c(
      "2.5.4",
      "動きによる起動",
      "A",
      [REVIEW],
      notApplicable("端末の動きで操作する機能はありません。"),
    ),
    c("4.1.3", "ステータスメッセージ", "AA", [...AXE, STAFF_WCAG, EDITING, REVIEW]),
  ].map((x) => ({ ...x, source: "WCAG 2.1" as const })),
];

export type Scope = "portal" | "staff";

/** 準拠 when every criterion of the standard (A and AA) that applies is met; 一部準拠
 * otherwise (the test was made and the unmet criteria are listed). */
export function conformanceOf(scope: Scope): "準拠" | "一部準拠" {
  const failed = CRITERIA.some((x) => x.source === "JIS" && x[scope] === "不適合");
  return failed ? "一部準拠" : "準拠";
}

/** The test: when, against what, by which tools. */
export const TEST_RESULT = {
  testedOn: "2026-12-06",
  standard: "JIS X 8341-3:2016",
  targetLevel: "AA",
  policyDate: "2026-12-06",
  targetDate: "2027-03-31",
  tools: "Playwright と Debian の Chromium、axe-core（WCAG 2.0・2.1 の A/AA 規則）、目視による確認",
  technologies: [
    "HTML",
    "CSS",
    "SVG（グラフ）",
    "JavaScript（職員用画面のみ。公開ページは使いません）",
    "WAI-ARIA（職員用画面）",
  ],
} as const;

/** The pages tested: one of each kind, on the test data of the browser tests (伊賀市 2023,
 * 名張市 2024 for the staff workspace). All page kinds are tested, not a sample. */
export const TESTED_PAGES: readonly { scope: Scope; kind: string; path: string }[] = [
  { scope: "portal", kind: "トップ", path: "/" },
  { scope: "portal", kind: "自治体", path: "/242161" },
  { scope: "portal", kind: "年度", path: "/242161/2023" },
  { scope: "portal", kind: "部局のマニフェスト", path: "/242161/2023/総務部" },
  { scope: "portal", kind: "部局の推移", path: "/242161/departments/総務部" },
  { scope: "portal", kind: "指標の一覧", path: "/242161/indicators" },
  { scope: "portal", kind: "検索結果", path: "/242161/search?q=防災" },
  { scope: "portal", kind: "全自治体の検索", path: "/search?q=ＳＮＳ" },
  { scope: "portal", kind: "ウェブアクセシビリティ方針", path: "/accessibility" },
  { scope: "portal", kind: "見つからないページ", path: "/242161/2023/存在しない部" },
  { scope: "staff", kind: "ログイン（誤りの表示を含む）", path: "/staff/" },
  { scope: "staff", kind: "マニフェスト一覧", path: "/staff/manifestos" },
  { scope: "staff", kind: "マニフェストの編集・提出の確認", path: "/staff/manifestos/{番号}" },
  { scope: "staff", kind: "変更履歴", path: "/staff/manifestos/{番号}/history" },
  { scope: "staff", kind: "取り込み", path: "/staff/import" },
  { scope: "staff", kind: "パスワード変更", path: "/staff/password" },
  { scope: "staff", kind: "全体状況", path: "/staff/overview" },
  { scope: "staff", kind: "ダッシュボード", path: "/staff/dashboard" },
  { scope: "staff", kind: "ユーザー管理・ユーザーの追加", path: "/staff/users" },
];
