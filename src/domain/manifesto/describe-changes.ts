// What changed between two published revisions, in the words of the page a citizen reads
// (「目標2 の 達成目標 ① を変更」, old → new) rather than as JSON paths. Built on
// diffDocuments, so a change is reported at the same place as in the staff history.
import { diffDocuments } from "./diff.ts";

export type ChangeKind = "added" | "removed" | "changed";

export interface ReadableChange {
  /** Where, as the page names it: 「目標2 の 達成目標 ①」, 「部局長の氏名」. */
  where: string;
  kind: ChangeKind;
  /** The value before and after as plain text; undefined where it did not exist. */
  old: string | undefined;
  new: string | undefined;
}

export const CHANGE_VERBS: Record<ChangeKind, string> = {
  added: "追加",
  removed: "削除",
  changed: "変更",
};

const TOP_LEVEL: Record<string, string> = {
  format: "形式",
  municipality: "団体",
  "municipality.code": "団体コード",
  "municipality.name": "団体名",
  "municipality.prefecture": "都道府県",
  fiscalYear: "年度",
  documentTitle: "文書の名称",
  documentSubtitle: "副題",
  department: "部局",
  "department.name": "部局名",
  "department.code": "部局コード",
  "department.head": "部局長",
  "department.head.title": "部局長の役職",
  "department.head.name": "部局長の氏名",
  "department.contact": "連絡先",
  "department.contact.phone": "電話番号",
  "department.contact.extension": "内線",
  "department.contact.email": "メールアドレス",
  evaluationScale: "自己評価の基準",
  goals: "目標",
};

const GOAL_FIELDS: Record<string, string> = {
  number: "番号",
  mission: "組織使命",
  title: "目標",
  policyRefs: "関連の施策・基本事業",
  currentState: "現在の状態",
  targets: "達成目標",
  desiredState: "目標が達成した状態",
  means: "目標を達成するための手段",
  progress: "中間報告",
  evaluation: "自己評価",
  "evaluation.level": "自己評価",
  "evaluation.reason": "自己評価の理由",
};

const TARGET_FIELDS: Record<string, string> = {
  label: "番号の表記",
  text: "",
  measure: "数値目標",
  "measure.kind": "測り方",
  "measure.indicator": "指標",
  "measure.unit": "単位",
  "measure.comparator": "目標の向き",
  "measure.target": "目標値",
  "measure.baseline": "基準値",
  "measure.baseline.value": "基準値",
  "measure.baseline.fiscalYear": "基準値の年度",
  result: "実績",
  "result.actual": "実績値",
  "result.status": "達成状況",
  "result.text": "実績",
};

const WORDS: Record<string, string> = {
  ">=": "以上",
  ">": "超",
  "<=": "以下",
  "<": "未満",
  "=": "と同じ",
  numeric: "数値",
  milestone: "達成・未達成の判断",
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
};

type Segment = string | number;

/** `goals[1].targets[0].measure.target` → ["goals", 1, "targets", 0, "measure", "target"]. */
export function pathSegments(path: string): Segment[] {
  if (path === "$") return [];
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function at(doc: unknown, segments: readonly Segment[]): unknown {
  let v: unknown = doc;
  for (const s of segments) {
    if (typeof s === "number") v = Array.isArray(v) ? v[s] : undefined;
    else v = isRecord(v) ? v[s] : undefined;
  }
  return v;
}

/** A value as a citizen would read it. */
export function plainText(value: unknown, field?: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "";
  if (typeof value === "string") {
    return field === "measure.comparator" || field === "measure.kind" || field === "result.status"
      ? (WORDS[value] ?? value)
      : value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => plainText(v) ?? "").join("、");
  if (isRecord(value)) {
    if (typeof value.title === "string" && typeof value.number === "number") {
      return `目標${value.number} ${value.title}`;
    }
    if (typeof value.text === "string") return value.text;
    if (typeof value.reason === "string" && typeof value.level === "number") {
      return `${value.level}（${value.reason}）`;
    }
    return Object.values(value)
      .map((v) => plainText(v))
      .filter((t) => t !== undefined && t !== "")
      .join(" / ");
  }
  return String(value);
}

function goalName(index: number, before: unknown, after: unknown): string {
  const n = at(after, ["goals", index, "number"]) ?? at(before, ["goals", index, "number"]);
  return typeof n === "number" ? `目標${n}` : `${index + 1}番目の目標`;
}

function targetName(goal: number, index: number, before: unknown, after: unknown): string {
  const path = ["goals", goal, "targets", index, "label"];
  const label = at(after, path) ?? at(before, path);
  return typeof label === "string" && label.trim() !== ""
    ? `達成目標 ${label}`
    : `達成目標（${index + 1}番目）`;
}

/** Where a change is, and the field whose words apply to its value. */
function locate(
  segments: readonly Segment[],
  before: unknown,
  after: unknown,
): { where: string; field?: string } {
  const [head, goal, field, item, ...rest] = segments;
  if (head !== "goals" || typeof goal !== "number") {
    const key = segments.filter((s) => typeof s === "string").join(".");
    return { where: TOP_LEVEL[key] ?? TOP_LEVEL[String(head)] ?? key };
  }
  const g = goalName(goal, before, after);
  if (field === undefined) return { where: g };
  if (field === "targets" && typeof item === "number") {
    const t = targetName(goal, item, before, after);
    const sub = rest.filter((s) => typeof s === "string").join(".");
    const label = sub === "" ? "" : (TARGET_FIELDS[sub] ?? sub);
    return { where: `${g} の ${t}${label ? ` の ${label}` : ""}`, field: sub };
  }
  const sub = [field, ...(typeof item === "string" ? [item] : [])].join(".");
  const label = GOAL_FIELDS[sub] ?? GOAL_FIELDS[String(field)] ?? String(field);
  const nth = typeof item === "number" ? `（${item + 1}項目め）` : "";
  return { where: `${g} の ${label}${nth}`, field: sub };
}

/** The changes from one published document to the next, in document order. */
export function describeChanges(before: unknown, after: unknown): ReadableChange[] {
  return diffDocuments(before, after).map((c) => {
    const { where, field } = locate(pathSegments(c.path), before, after);
    const kind: ChangeKind =
      c.old === undefined ? "added" : c.new === undefined ? "removed" : "changed";
    return { where, kind, old: plainText(c.old, field), new: plainText(c.new, field) };
  });
}
