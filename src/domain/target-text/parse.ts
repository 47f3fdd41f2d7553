// Reads a Japanese target text (「…満足度55％以上（令和４年度51.3％）」) into a proposed numeric
// measure: comparator, target value, unit, the baseline from the parenthesis and the target
// year where the text names one. Nothing for a text that states no number (a milestone).
// Only a proposal: people confirm it (the editor's 「数値目標として登録」); the text stays as
// written. NFKC is used for reading only (src/domain/text.ts).
import type { Comparator } from "../manifesto/schema.ts";
import {
  fiscalYearAt,
  normaliseForReading,
  type Quantity,
  readQuantities,
  stripYears,
  yearMentions,
} from "./tokens.ts";

export interface ParsedTargetText {
  /** The text before the number, without years and particles, read through NFKC (ＤＸ → DX): a proposal for `indicator`, which compares by NFKC anyway. */
  indicator: string;
  comparator: Comparator;
  /** Whether the text wrote the comparator (以上, 以内…) or it was assumed (a bare number). */
  comparatorStated: boolean;
  target: number;
  unit: string;
  baseline?: { value: number; fiscalYear?: number };
  /** The fiscal year the target is for, when the text names one outside the parenthesis. */
  targetFiscalYear?: number;
}

function comparatorAfter(rest: string): Comparator | undefined {
  const t = rest.replace(/^\s+/u, "");
  if (/^を?(?:超|上回)/u.test(t)) return ">";
  if (/^を?下回/u.test(t)) return "<";
  if (t.startsWith("以上")) return ">=";
  if (t.startsWith("未満")) return "<";
  if (/^(?:以内|以下)/u.test(t)) return "<=";
  // 「10件まで増やす」 is a floor to reach; 「15分まで」 alone is a ceiling.
  if (t.startsWith("まで")) {
    return /^まで(?:に)?\s*(?:増|引き上|向上|高め|伸ば|拡大|上げ)/u.test(t) ? ">=" : "<=";
  }
  return undefined;
}

/** A reduction target (10％削減, 20％減少させる) is a positive amount of decrease: `%減`, >=. */
function isReduction(rest: string): boolean {
  return /^\s*(?:の?削減|減少|減|低減)/u.test(rest);
}

const PARTICLES = /[\s、，,：:・を がはので]+$/u;
const LEADING = /^[\s、，,：:・のでに]+/u;

function indicatorFrom(before: string): string {
  const withoutYears = stripYears(before)
    .replace(/(?:年間|年|月|１校あたり|1校あたり|平均|累計|延べ|各)\s*$/u, "")
    .replace(/(?:上位|全国で|市民1人当たり)\s*$/u, "");
  return withoutYears.replace(PARTICLES, "").replace(LEADING, "").trim();
}

function baselineIn(parenthesis: string): ParsedTargetText["baseline"] {
  const quantities = readQuantities(parenthesis);
  const value = quantities.at(-1);
  if (value === undefined) return undefined;
  // 「令和元年度72％、令和４年度58％」: the last value, with the year written before it.
  const fiscalYear =
    fiscalYearAt(lastYearClause(parenthesis, value.start)) ?? fiscalYearAt(parenthesis);
  return { value: value.value, ...(fiscalYear !== undefined && { fiscalYear }) };
}

function lastYearClause(s: string, end: number): string {
  const mentions = yearMentions(s).filter((y) => y.end <= end);
  const last = mentions.at(-1);
  return last === undefined ? "" : s.slice(last.start, end);
}

/** The quantity the target is: the one a comparator follows, else the last one. */
function chooseTarget(quantities: readonly Quantity[], main: string): Quantity | undefined {
  return (
    quantities.find((q) => comparatorAfter(main.slice(q.end)) !== undefined) ?? quantities.at(-1)
  );
}

export function parseTargetText(text: string): ParsedTargetText | undefined {
  const normalised = normaliseForReading(text);
  // Parentheses hold the baseline (令和４年度51.3％) or an aside; the target is outside.
  const parentheses = [...normalised.matchAll(/\(([^()]*)\)/gu)].map((m) => m[1] ?? "");
  const main = normalised.replace(/\([^()]*\)/gu, " ");
  let quantities = readQuantities(main);
  let inParenthesis = false;
  if (quantities.length === 0) {
    // 「…健康寿命を延伸する（男性80.1歳…を上回る）」: the only numbers are in the parenthesis.
    const aside = parentheses.find(
      (p) => readQuantities(p).length > 0 && fiscalYearAt(p) === undefined,
    );
    if (aside === undefined) return zeroTarget(main);
    quantities = readQuantities(aside);
    inParenthesis = true;
  }
  const source = inParenthesis
    ? (parentheses.find((p) => readQuantities(p).length > 0) ?? main)
    : main;
  const chosen = chooseTarget(quantities, source);
  if (chosen === undefined) return undefined;
  const after = source.slice(chosen.end);
  const stated = comparatorAfter(after);
  let comparator: Comparator = stated ?? (chosen.value === 0 ? "<=" : ">=");
  let unit = chosen.unit;
  if (stated === undefined && unit.startsWith("%") && isReduction(after)) unit = "%減";
  if (unit === "位" && stated === undefined) comparator = "<=";

  // 「1,500人から2,000人に」: the number before から is where it starts from.
  const from = quantities.find(
    (q) => q.end <= chosen.start && /^\s*から/u.test(source.slice(q.end)),
  );
  const baseline =
    parentheses.map(baselineIn).find((b) => b !== undefined && !inParenthesis) ??
    (from ? { value: from.value } : undefined);
  // 「受講者数：100人（2023年度）」: a parenthesis with a year and no number names the target year.
  const yearOnly = parentheses.find((p) => readQuantities(p).length === 0);
  const targetFiscalYear = inParenthesis
    ? undefined
    : (fiscalYearAt(main, { ignoreFrom: true }) ??
      (yearOnly === undefined ? undefined : fiscalYearAt(yearOnly, { ignoreFrom: true })));
  const indicator =
    indicatorFrom(source.slice(0, from?.start ?? chosen.start)) || indicatorFrom(main);
  return {
    indicator: indicator === "" ? normalised.trim() : indicator,
    comparator,
    comparatorStated: stated !== undefined,
    target: chosen.value,
    unit,
    ...(baseline !== undefined && { baseline }),
    ...(targetFiscalYear !== undefined && { targetFiscalYear }),
  };
}

/** 「交通事故死者数ゼロ」: zero of people, things, cases. */
function zeroTarget(main: string): ParsedTargetText | undefined {
  const m = /^(.*?数)\s*(?:を)?ゼロ/u.exec(main);
  if (m === null) return undefined;
  const before = m[1] ?? "";
  const unit = /(?:者|人|児童)数$/u.test(before) ? "人" : "件";
  return {
    indicator: indicatorFrom(before),
    comparator: "<=",
    comparatorStated: false,
    target: 0,
    unit,
  };
}
