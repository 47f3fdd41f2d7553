// Year-over-year change of each indicator a fiscal year's manifestos measure: last year's
// value (its actual, else the baseline a document reports for it, as the indicator series
// reads it) against this year's actual, with this year's target beside them.
import type { IndicatorTargetRow } from "../../db/repositories/planning-dashboard.ts";
import { differenceFromTarget, nearlyEqual } from "../../domain/assessment/target-status.ts";
import type { IndicatorChange } from "../../domain/dashboard.ts";
import { COMPARATORS, type Comparator } from "../../domain/manifesto/schema.ts";
import { type SeriesTarget, seriesYears } from "../get-indicator-series.ts";

function isComparator(value: string | null): value is Comparator {
  return value !== null && (COMPARATORS as readonly string[]).includes(value);
}

// As in the assessment: equal within its tolerance is no change, and 12 significant digits
// drop the noise of decimal subtraction (49.4 − 51.3 = −1.8999999999999986).
const changeBetween = (current: number, previous: number) =>
  nearlyEqual(current, previous) ? 0 : Number((current - previous).toPrecision(12));

function trendOf(
  comparator: string | null | undefined,
  current: number,
  previous: number,
): IndicatorChange["trend"] {
  if (comparator === undefined || !isComparator(comparator) || comparator === "=") return null;
  // The comparator says which direction is better: the same sign as a target's margin.
  const difference = differenceFromTarget(comparator, current, previous);
  return difference > 0 ? "better" : difference < 0 ? "worse" : "same";
}

function toSeriesTarget(r: IndicatorTargetRow): SeriesTarget {
  return {
    fiscalYear: r.fiscalYear,
    department: r.departmentName,
    goalNumber: r.goalNumber,
    comparator: r.comparator,
    target: r.targetValue,
    actual: r.actual,
    baseline:
      r.baselineValue !== null && r.baselineYear !== null
        ? { value: r.baselineValue, fiscalYear: r.baselineYear }
        : null,
  };
}

/** Rows of `fiscalYear` and the year before; one change per indicator measured this year. */
export function indicatorChanges(
  rows: readonly IndicatorTargetRow[],
  fiscalYear: number,
): IndicatorChange[] {
  const byIndicator = new Map<number, IndicatorTargetRow[]>();
  for (const r of rows) {
    const list = byIndicator.get(r.indicatorId) ?? [];
    list.push(r);
    byIndicator.set(r.indicatorId, list);
  }
  const measuredThisYear = [
    ...new Set(rows.filter((r) => r.fiscalYear === fiscalYear).map((r) => r.indicatorId)),
  ];
  return measuredThisYear.map((id) => {
    const list = byIndicator.get(id) ?? [];
    const thisYear = list.filter((r) => r.fiscalYear === fiscalYear);
    const years = seriesYears(list.map(toSeriesTarget));
    const prev = years.find((y) => y.fiscalYear === fiscalYear - 1);
    const cur = years.find((y) => y.fiscalYear === fiscalYear && y.source === "actual");
    const first = thisYear.find((r) => r.comparator !== null && r.targetValue !== null);
    const target =
      first?.comparator != null && first.targetValue !== null
        ? { comparator: first.comparator, value: first.targetValue }
        : null;
    const both = prev !== undefined && cur !== undefined;
    const head = thisYear[0] ?? list[0];
    return {
      indicator: { key: head?.key ?? "", name: head?.name ?? "", unit: head?.unit ?? "" },
      previous: prev
        ? { fiscalYear: prev.fiscalYear, value: prev.value, source: prev.source }
        : null,
      current: cur ? { value: cur.value } : null,
      target,
      change: both ? changeBetween(cur.value, prev.value) : null,
      trend: both ? trendOf(target?.comparator, cur.value, prev.value) : null,
      targets: thisYear.map((r) => ({
        manifestoId: r.manifestoId,
        department: r.departmentName,
        goalNumber: r.goalNumber,
        target: r.position,
        comparator: r.comparator,
        targetValue: r.targetValue,
        actual: r.actual,
      })),
    };
  });
}
