// The entry sheets of the template: their columns, the help a person sees on each header,
// and how each column maps to the format. The writer and the reader both work from here, so
// they cannot drift apart.
import type { Goal, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import {
  type Field,
  groupField,
  hiddenField,
  linesField,
  numberCell,
  numberField,
  optionalTexts,
  parseInteger,
  parseNumber,
  parseText,
  refsField,
  requiredTextCell,
  textCells,
  textField,
} from "./fields.ts";

export interface Column {
  key: string;
  header: string;
  width: number;
  help: string;
  /** A drop-down of allowed words; `levels` is filled from the scale when the sheet is written. */
  list?: readonly string[] | "levels";
  numeric?: boolean;
  /**
   * Added with the format's extensions: a workbook from an older template, without this
   * column, is read as before (no "missing column" problem).
   */
  optional?: boolean;
}

/** The hidden column that carries exact values (overrides.ts) on every row sheet. */
export const EXACT_COLUMN: Column = {
  key: "exact",
  header: "（システム用・編集しないでください）",
  width: 10,
  help: "Tassei が元の値を正確に戻すための情報です。編集・削除しないでください。",
};

// ---- 基本情報: one row per item, label in column A, value in column B -------------------

export const HEADER_ROWS: readonly Column[] = [
  {
    key: "code",
    header: "全国地方公共団体コード",
    width: 0,
    help: "6桁（検査数字付き）。例: 242161",
  },
  { key: "prefecture", header: "都道府県名", width: 0, help: "例: 三重県" },
  { key: "municipality", header: "市区町村名", width: 0, help: "例: 伊賀市" },
  {
    key: "fiscalYear",
    header: "年度（西暦）",
    width: 0,
    help: "年度が始まる年を西暦で。例: 2023",
    numeric: true,
  },
  { key: "title", header: "文書名", width: 0, help: "例: 部局マニフェスト（空欄なら市の設定）" },
  { key: "subtitle", header: "副題", width: 0, help: "例: 私たちの組織使命と目標" },
  { key: "department", header: "部局名", width: 0, help: "例: 総務部" },
  { key: "departmentCode", header: "部局コード", width: 0, help: "市の部局コード（任意）" },
  { key: "headTitle", header: "役職", width: 0, help: "例: 部長" },
  { key: "headName", header: "氏名", width: 0, help: "部局長の氏名" },
  { key: "phone", header: "電話番号", width: 0, help: "例: 0595-22-9601" },
  { key: "extension", header: "内線", width: 0, help: "例: 2721" },
  { key: "email", header: "メールアドレス", width: 0, help: "任意" },
];

export const headerFields: readonly Field<ManifestoDocument>[] = [
  textField("code", ["municipality", "code"]),
  textField("prefecture", ["municipality", "prefecture"]),
  textField("municipality", ["municipality", "name"]),
  numberField("fiscalYear", ["fiscalYear"], "年度", true),
  textField("title", ["documentTitle"]),
  textField("subtitle", ["documentSubtitle"]),
  textField("department", ["department", "name"]),
  textField("departmentCode", ["department", "code"]),
  // The second scale and the tag vocabularies have no cells (exact copy only).
  hiddenField(["scoreScale"]),
  hiddenField(["tagVocabularies"]),
  groupField({
    key: "department.head",
    cols: ["headTitle", "headName"],
    path: ["department", "head"],
    paths: [
      ["department.head.title", "headTitle"],
      ["department.head.name", "headName"],
      ["department.head", "headTitle"],
    ],
    render: (v) => textCells(v, ["title", "name"]),
    parse: (cells) => optionalTexts(["title", "name"], cells),
  }),
  groupField({
    key: "department.contact",
    cols: ["phone", "extension", "email"],
    path: ["department", "contact"],
    paths: [
      ["department.contact.phone", "phone"],
      ["department.contact.extension", "extension"],
      ["department.contact.email", "email"],
      ["department.contact", "phone"],
    ],
    render: (v) => textCells(v, ["phone", "extension", "email"]),
    parse: (cells) => optionalTexts(["phone", "extension", "email"], cells),
  }),
];

// ---- 目標: one row per goal ---------------------------------------------------------------

export const GOAL_COLUMNS: readonly Column[] = [
  {
    key: "number",
    header: "目標番号",
    width: 9,
    help: "部局目標の番号（1, 2, 3 …）。文書内で重複しないこと。",
    numeric: true,
  },
  {
    key: "mission",
    header: "組織使命",
    width: 30,
    help: "複数の目標で同じ使命を書いてもかまいません。",
  },
  { key: "title", header: "組織使命達成に向けての目標", width: 30, help: "部局目標の名前。" },
  {
    key: "policyRefs",
    header: "関連の施策・基本事業No",
    width: 16,
    help: "総合計画の番号を「、」で区切って入力。例: 7-1-①、7-1-②",
  },
  {
    key: "currentState",
    header: "現在の状態",
    width: 40,
    help: "1行に1項目（セル内の改行は Alt+Enter）。先頭の「・」は不要です。",
  },
  { key: "desiredState", header: "目標が達成した状態", width: 40, help: "※目標が達成した状態" },
  {
    key: "means",
    header: "目標を達成するための手段",
    width: 40,
    help: "1行に1項目（セル内の改行は Alt+Enter）。",
  },
  {
    key: "level",
    header: "自己評価",
    width: 9,
    help: "年度末に評価尺度の段階を選択（評価尺度シート参照）。",
    list: "levels",
    numeric: true,
  },
  {
    key: "reason",
    header: "理由",
    width: 50,
    help: "自己評価の理由。改行はそのまま公表されます。",
  },
  // The format's extensions (FORMAT.md "Extensions"), after every older column.
  {
    key: "ownerUnit",
    header: "担当所属",
    width: 16,
    help: "目標ごとの所属（工程表の所属）。空欄なら部局。",
    optional: true,
  },
  { key: "ownerHeadTitle", header: "所属長の役職", width: 10, help: "例: 課長", optional: true },
  { key: "ownerHeadName", header: "所属長の氏名", width: 12, help: "所属長の氏名", optional: true },
  {
    key: "ownerPhone",
    header: "所属の電話番号",
    width: 14,
    help: "例: 059-224-2388",
    optional: true,
  },
  {
    key: "plan",
    header: "今年度の目標",
    width: 40,
    help: "現在の状態・目標が達成した状態の代わりに公表する 今年度の目標。",
    optional: true,
  },
  {
    key: "tags",
    header: "タグ",
    width: 20,
    help: "「、」区切り。例: sdg:12、indicator:outcome（SDGs は sdg:1〜sdg:17）",
    optional: true,
  },
  {
    key: "score",
    header: "第二の評価",
    width: 9,
    help: "自己評価と別に公表する評価（例: 達成度 0〜10）。",
    numeric: true,
    optional: true,
  },
  {
    key: "evalAsOf",
    header: "評価日",
    width: 12,
    help: "評価を行った日。YYYY-MM-DD",
    optional: true,
  },
  {
    key: "evalResult",
    header: "成果・実績",
    width: 40,
    help: "目標全体の成果・実績の文。",
    optional: true,
  },
  { key: "issues", header: "課題", width: 40, help: "年度末の課題。", optional: true },
  { key: "nextSteps", header: "今後の取組", width: 40, help: "今後の取組。", optional: true },
];

export const goalFields: readonly Field<Goal>[] = [
  numberField("number", ["number"], "目標番号", true),
  textField("mission", ["mission"]),
  textField("title", ["title"]),
  refsField("policyRefs", ["policyRefs"]),
  linesField("currentState", ["currentState"]),
  textField("desiredState", ["desiredState"]),
  linesField("means", ["means"]),
  groupField({
    key: "evaluation",
    cols: ["level", "reason", "score", "evalAsOf", "evalResult", "issues", "nextSteps"],
    path: ["evaluation"],
    paths: [
      ["evaluation.level", "level"],
      ["evaluation.reason", "reason"],
      ["evaluation.score", "score"],
      ["evaluation.asOf", "evalAsOf"],
      ["evaluation.result", "evalResult"],
      ["evaluation.issues", "issues"],
      ["evaluation.nextSteps", "nextSteps"],
      ["evaluation", "level"],
    ],
    render: (v) => [
      numberCell(v.level),
      ...textCells(v, ["reason"]),
      numberCell(v.score),
      ...textCells(v, ["asOf", "result", "issues", "nextSteps"]),
    ],
    parse: ([level, reason, score, ...rest], report) => {
      const out: Record<string, unknown> = { reason: requiredTextCell(reason) };
      const n = parseInteger(level, "level", report, "自己評価");
      if (n !== undefined) out.level = n;
      else if (level === undefined)
        report("level", "理由を書いたときは自己評価の段階も選んでください");
      const s = parseNumber(score, "score", report, "第二の評価");
      if (s !== undefined) out.score = s;
      Object.assign(out, optionalTexts(["asOf", "result", "issues", "nextSteps"], rest));
      return out;
    },
  }),
  groupField({
    key: "owner",
    cols: ["ownerUnit", "ownerHeadTitle", "ownerHeadName", "ownerPhone"],
    path: ["owner"],
    paths: [
      ["owner.unit", "ownerUnit"],
      ["owner.head.title", "ownerHeadTitle"],
      ["owner.head.name", "ownerHeadName"],
      ["owner.contact.phone", "ownerPhone"],
      ["owner", "ownerUnit"],
    ],
    render: (v) => {
      const head = (v.head ?? {}) as Record<string, unknown>;
      const contact = (v.contact ?? {}) as Record<string, unknown>;
      return [
        ...textCells(v, ["unit"]),
        ...textCells(head, ["title", "name"]),
        ...textCells(contact, ["phone"]),
      ];
    },
    parse: ([unit, title, name, phone]) => {
      const out: Record<string, unknown> = {};
      if (parseText(unit) !== undefined) out.unit = parseText(unit);
      const head = optionalTexts(["title", "name"], [title, name]);
      if (Object.keys(head).length > 0) out.head = head;
      if (parseText(phone) !== undefined) out.contact = { phone: parseText(phone) };
      return out;
    },
  }),
  textField("plan", ["plan"]),
  refsField("tags", ["tags"]),
  // Without cells: the owner's extension and e-mail, the budget (exact copy only).
  hiddenField(["owner", "contact", "extension"]),
  hiddenField(["owner", "contact", "email"]),
  hiddenField(["budget"]),
];
