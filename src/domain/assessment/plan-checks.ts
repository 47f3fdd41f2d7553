// The checks made when a target is set, before any evaluation (issue #11): a number in the
// text with no measure, a baseline that already meets the target, a text that says something
// else than its measure (what a rollover leaves behind). Codes: see FindingCode in types.ts.
import type { Comparator, NumericMeasure, Target } from "../manifesto/schema.ts";
import { type ParsedTargetText, parseTargetText } from "../target-text/parse.ts";
import { comparisonKey } from "../text.ts";
import { formatQuantity, formatTargetValue, targetName } from "./messages.ts";
import {
  targetEqualsBaselineMessage,
  targetMetByBaselineMessage,
  targetNotStructuredMessage,
  textDisagreesMessage,
} from "./plan-messages.ts";
import { nearlyEqual, numericStatus } from "./target-status.ts";
import type { Finding, FindingProposal } from "./types.ts";

interface TargetRef {
  index: number;
  label?: string;
  count: number;
}

function nameOf(ref: TargetRef): string {
  return targetName(
    { index: ref.index, ...(ref.label !== undefined && { label: ref.label }) },
    ref.count,
  );
}

// The same texts are assessed again and again (every page, every review, every save): each
// is read once. Bounded: cleared when full, so a long-running server does not grow with it.
const READ_TEXTS = new Map<string, ParsedTargetText | undefined>();
const READ_TEXTS_MAX = 20_000;

export function readTargetText(text: string): ParsedTargetText | undefined {
  if (READ_TEXTS.has(text)) return READ_TEXTS.get(text);
  if (READ_TEXTS.size >= READ_TEXTS_MAX) READ_TEXTS.clear();
  const parsed = parseTargetText(text);
  READ_TEXTS.set(text, parsed);
  return parsed;
}

/** The measure a text proposes; the baseline only when the text gives its year too. */
export function proposalFrom(parsed: ParsedTargetText): FindingProposal {
  const b = parsed.baseline;
  return {
    kind: "numeric",
    indicator: parsed.indicator,
    unit: parsed.unit,
    comparator: parsed.comparator,
    target: parsed.target,
    ...(b?.fiscalYear !== undefined && { baseline: { value: b.value, fiscalYear: b.fiscalYear } }),
  };
}

/** 万人 counts in tens of thousands: the value a text writes as 3万人 is 30,000 人. */
function unitScale(unit: string): { base: string; factor: number } {
  const u = comparisonKey(unit);
  const prefix = /^(億|万|千)(.+)$/u.exec(u);
  if (prefix === null) return { base: u, factor: 1 };
  const factor = prefix[1] === "億" ? 1e8 : prefix[1] === "万" ? 1e4 : 1e3;
  return { base: prefix[2] ?? "", factor };
}

const sameValue = (a: number, b: number) => nearlyEqual(a, b);

function baselineFindings(
  measure: Pick<NumericMeasure, "comparator" | "target" | "unit"> & {
    baseline?: { value: number; fiscalYear?: number };
  },
  ref: TargetRef,
): Finding[] {
  const baseline = measure.baseline;
  if (baseline === undefined) return [];
  const target = formatTargetValue(measure.target, measure.comparator, measure.unit);
  if (sameValue(baseline.value, measure.target)) {
    return [
      {
        code: "target_equals_baseline",
        severity: "notice",
        target: ref.index,
        message: targetEqualsBaselineMessage(nameOf(ref), target),
      },
    ];
  }
  if (numericStatus(measure.comparator, baseline.value, measure.target) !== "met") return [];
  return [
    {
      code: "target_met_by_baseline",
      severity: "warning",
      target: ref.index,
      message: targetMetByBaselineMessage(nameOf(ref), baseline, target, measure.unit),
    },
  ];
}

const COMPARATOR_TEXT: Record<Comparator, string> = {
  ">=": "以上",
  ">": "超",
  "<=": "以下",
  "<": "未満",
  "=": "ちょうど",
};

/** What the text states differently from the measure, each said in a few words. */
export function differencesFromMeasure(
  parsed: ParsedTargetText,
  measure: NumericMeasure,
  documentYear: number,
): string[] {
  const out: string[] = [];
  const { base, factor } = unitScale(measure.unit);
  // A text whose number has another unit speaks of another quantity: nothing to compare.
  const comparable = comparisonKey(parsed.unit) === base;
  if (comparable && !sameValue(parsed.target, measure.target * factor)) {
    out.push(
      `目標値（文章 ${formatQuantity(parsed.target, parsed.unit)}、測定方法 ${formatQuantity(measure.target, measure.unit)}）`,
    );
  }
  if (comparable && parsed.comparatorStated && parsed.comparator !== measure.comparator) {
    out.push(
      `比較（文章「${COMPARATOR_TEXT[parsed.comparator]}」、測定方法「${COMPARATOR_TEXT[measure.comparator]}」）`,
    );
  }
  const pb = parsed.baseline;
  const mb = measure.baseline;
  // A value in parentheses may name a long-term target or a reference value of the measure
  // (「880g以下（令和7年度 850g）」, FORMAT.md "Extensions"), not the baseline.
  const others = [
    ...(measure.longTerm ?? []).map((l) => ({ value: l.target, fiscalYear: l.fiscalYear })),
    ...(measure.references ?? []),
  ];
  const namesOther =
    pb !== undefined &&
    others.some(
      (o) =>
        sameValue(pb.value, o.value * factor) &&
        (pb.fiscalYear === undefined || pb.fiscalYear === o.fiscalYear),
    );
  if (comparable && pb !== undefined && mb !== undefined && !namesOther) {
    if (!sameValue(pb.value, mb.value * factor)) {
      out.push(
        `基準値（文章 ${formatQuantity(pb.value, parsed.unit)}、測定方法 ${formatQuantity(mb.value, measure.unit)}）`,
      );
    }
    if (pb.fiscalYear !== undefined && pb.fiscalYear !== mb.fiscalYear) {
      out.push(`基準年度（文章 ${pb.fiscalYear}年度、測定方法 ${mb.fiscalYear}年度）`);
    }
  }
  if (parsed.targetFiscalYear !== undefined && parsed.targetFiscalYear < documentYear) {
    out.push(
      `文章の年度（${parsed.targetFiscalYear}年度）が計画の年度（${documentYear}年度）より前`,
    );
  }
  return out;
}

/** Every plan-time finding of one target. */
export function planFindings(target: Target, ref: TargetRef, documentYear: number): Finding[] {
  const measure = target.measure;
  if (measure?.kind === "milestone") return [];
  const parsed = readTargetText(target.text);
  if (measure === undefined) {
    if (parsed === undefined) return [];
    const proposal = proposalFrom(parsed);
    return [
      {
        code: "target_not_structured",
        severity: "notice",
        target: ref.index,
        message: targetNotStructuredMessage(nameOf(ref), proposal),
        proposal,
      },
      // The text alone can already show a target its baseline meets.
      ...baselineFindings({ ...parsed }, ref),
    ];
  }
  const findings = baselineFindings(measure, ref);
  if (parsed !== undefined) {
    const differences = differencesFromMeasure(parsed, measure, documentYear);
    if (differences.length > 0) {
      findings.push({
        code: "text_disagrees_with_measure",
        severity: "warning",
        target: ref.index,
        message: textDisagreesMessage(nameOf(ref), differences),
      });
    }
  }
  return findings;
}

/** The targets without a measure whose text states a number (kept as written, flagged). */
export function unstructuredTargets(doc: {
  goals: readonly { targets?: readonly Target[] | undefined }[];
}): string[] {
  const out: string[] = [];
  doc.goals.forEach((goal, g) => {
    (goal.targets ?? []).forEach((t, i) => {
      if (t.measure === undefined && readTargetText(t.text) !== undefined) {
        out.push(`goals[${g}].targets[${i}]`);
      }
    });
  });
  return out;
}
