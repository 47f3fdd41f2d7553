// One target against its result: met / not met / unknown, and how far past or short.
import type { Comparator, NumericMeasure, Target } from "../manifesto/schema.ts";
import type { TargetAssessment, TargetStatus } from "./types.ts";

/**
 * Values typed as 0.3 and computed as 0.1 + 0.2 must compare equal. Relative, because the
 * units range from ratios (1.5倍) to counts in the tens of thousands; two zeros are equal.
 */
const RELATIVE_TOLERANCE = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * How far the actual value is past (+) or short (−) of the target, in the unit, for the
 * better direction the comparator implies. For `=` any distance is short. A distance within
 * the tolerance is 0, so that the sign of the difference always agrees with the status.
 */
export function differenceFromTarget(
  comparator: Comparator,
  actual: number,
  target: number,
): number {
  if (nearlyEqual(actual, target)) return 0;
  switch (comparator) {
    case ">=":
    case ">":
      return actual - target;
    case "<=":
    case "<":
      return target - actual;
    case "=":
      return -Math.abs(actual - target);
  }
}

/** Strict comparators need the target beaten; the others are met at equality too. */
export function isMetByDifference(comparator: Comparator, difference: number): boolean {
  return comparator === ">" || comparator === "<" ? difference > 0 : difference >= 0;
}

export function numericStatus(
  comparator: Comparator,
  actual: number,
  target: number,
): TargetStatus {
  return isMetByDifference(comparator, differenceFromTarget(comparator, actual, target))
    ? "met"
    : "not_met";
}

// Subtraction of decimals leaves noise (55 − 49.4 = 5.600000000000001) that would show in
// every JSON output; 12 significant digits keep all a document can state and drop the noise.
function withoutFloatNoise(n: number): number {
  return Number(n.toPrecision(12));
}

function assessNumeric(
  measure: NumericMeasure,
  actual: number | undefined,
  base: TargetAssessment,
): TargetAssessment {
  const described = {
    target: measure.target,
    comparator: measure.comparator,
    unit: measure.unit,
  };
  if (actual === undefined) return { ...base, kind: "numeric", ...described };
  const difference = withoutFloatNoise(
    differenceFromTarget(measure.comparator, actual, measure.target),
  );
  return {
    ...base,
    status: isMetByDifference(measure.comparator, difference) ? "met" : "not_met",
    kind: "numeric",
    actual,
    ...described,
    difference,
    ...(measure.target !== 0 && {
      margin: withoutFloatNoise(difference / Math.abs(measure.target)),
    }),
  };
}

/**
 * A numeric measure is judged by `result.actual`, a milestone by `result.status` (achieved =
 * met; partial and not_achieved = not met); anything else cannot be judged here.
 */
export function assessTarget(target: Target, index: number): TargetAssessment {
  const label = target.label?.trim() ? target.label : undefined;
  const base: TargetAssessment = {
    index,
    ...(label !== undefined && { label }),
    status: "unknown",
    kind: "none",
  };
  const measure = target.measure;
  if (measure?.kind === "numeric") return assessNumeric(measure, target.result?.actual, base);
  if (measure?.kind === "milestone") {
    const resultStatus = target.result?.status;
    if (resultStatus === undefined) return { ...base, kind: "milestone" };
    return { ...base, kind: "milestone", status: resultStatus === "achieved" ? "met" : "not_met" };
  }
  return base;
}
