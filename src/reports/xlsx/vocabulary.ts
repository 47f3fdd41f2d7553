// The words a person picks from the template's drop-down lists, and what they mean in the
// format. The importer also accepts the format's own words (`>=`, `numeric` …) and a few
// spellings people use, so a pasted value is not refused for its form.
import type { Comparator, Meaning } from "../../domain/manifesto/schema.ts";
import { comparisonKey } from "../../domain/text.ts";

export const SHEETS = {
  form: "マニフェスト",
  list: "達成目標一覧",
  details: "目標の補足",
  header: "基本情報",
  goals: "目標",
  targets: "達成目標",
  progress: "中間報告",
  scale: "評価尺度",
  marker: "_tassei",
} as const;

/** Written in the hidden marker sheet: how the importer knows the workbook is ours. */
export const TEMPLATE_MARK = "tassei.manifesto/v1 xlsx";

export const COMPARATOR_WORDS: Record<Comparator, string> = {
  ">=": "以上",
  ">": "超",
  "<=": "以下",
  "<": "未満",
  "=": "等しい",
};
const COMPARATOR_ALIASES: Record<string, Comparator> = { 以内: "<=", "≧": ">=", "≦": "<=" };

export const KIND_WORDS = { numeric: "数値目標", milestone: "定性目標" } as const;
const KIND_ALIASES: Record<string, keyof typeof KIND_WORDS> = {
  数値: "numeric",
  定性: "milestone",
  マイルストーン: "milestone",
};

export const STATUS_WORDS = {
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
} as const;
export type ResultStatus = keyof typeof STATUS_WORDS;

export const MEANING_WORDS: Record<Meaning, string> = {
  advanced: "先進的な成果",
  exceeded: "目標を上回った",
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
  not_attempted: "取り組まなかった",
  unassessable: "評価不能",
};

function lookup<K extends string>(
  words: Record<K, string>,
  aliases: Record<string, K>,
  input: string,
): K | undefined {
  const key = comparisonKey(input);
  for (const [k, w] of Object.entries(words) as [K, string][]) {
    if (key === comparisonKey(w) || key === k) return k;
  }
  return aliases[key];
}

export const comparatorOf = (s: string) => lookup(COMPARATOR_WORDS, COMPARATOR_ALIASES, s);
export const kindOf = (s: string) => lookup(KIND_WORDS, KIND_ALIASES, s);
export const statusOf = (s: string) => lookup(STATUS_WORDS, {}, s);
export const meaningOfWord = (s: string) => lookup(MEANING_WORDS, {}, s);

/** `"a,b,c"` as Excel wants a literal list in a data validation (commas inside are not allowed). */
export function listFormula(words: readonly string[]): string {
  return `"${words.map((w) => w.replaceAll(",", "，").replaceAll('"', "”")).join(",")}"`;
}
