// The checks that need last year's manifesto of the same department (the service loads it):
// a target last year's actual already meets, a target less ambitious than last year's, an
// indicator that disappeared. Indicators are the same when their names agree after NFKC
// (docs/FORMAT.md), and only compared when the unit agrees too.
import type { Comparator, ManifestoDocument, NumericMeasure } from "../manifesto/schema.ts";
import { comparisonKey } from "../text.ts";
import { formatQuantity, formatTargetValue, targetName } from "./messages.ts";
import {
  indicatorDroppedMessage,
  targetBelowLastActualMessage,
  targetLoweredMessage,
} from "./plan-messages.ts";
import { numericStatus } from "./target-status.ts";
import type { Finding, LastYearIndicator } from "./types.ts";

/** Last year's numeric targets, read from last year's document of the department. */
export function lastYearFromDocument(doc: ManifestoDocument): {
  fiscalYear: number;
  indicators: LastYearIndicator[];
} {
  const indicators: LastYearIndicator[] = [];
  for (const goal of doc.goals) {
    for (const t of goal.targets ?? []) {
      if (t.measure?.kind !== "numeric") continue;
      indicators.push({
        goal: goal.number,
        indicator: t.measure.indicator,
        measure: t.measure,
        ...(t.result?.actual !== undefined && { actual: t.result.actual }),
      });
    }
  }
  return { fiscalYear: doc.fiscalYear, indicators };
}

/** By indicator key; the first target of an indicator wins. */
export function indicatorsByKey(
  indicators: readonly LastYearIndicator[],
): Map<string, LastYearIndicator> {
  const out = new Map<string, LastYearIndicator>();
  for (const i of indicators) {
    const key = comparisonKey(i.indicator);
    if (!out.has(key)) out.set(key, i);
  }
  return out;
}

const direction = (c: Comparator) =>
  c === ">=" || c === ">" ? 1 : c === "<=" || c === "<" ? -1 : 0;

/** Findings of one target against last year's same indicator. */
export function historyFindings(
  measure: NumericMeasure,
  ref: { index: number; label?: string; count: number },
  last: LastYearIndicator | undefined,
  lastYear: number,
  options: { baselineAlreadyMeets: boolean },
): Finding[] {
  if (last === undefined) return [];
  if (comparisonKey(last.measure.unit) !== comparisonKey(measure.unit)) return [];
  const name = targetName(
    { index: ref.index, ...(ref.label !== undefined && { label: ref.label }) },
    ref.count,
  );
  const target = formatTargetValue(measure.target, measure.comparator, measure.unit);
  const findings: Finding[] = [];
  // The baseline is usually last year's actual: one warning says it, not two.
  if (
    last.actual !== undefined &&
    !options.baselineAlreadyMeets &&
    measure.comparator !== "=" &&
    numericStatus(measure.comparator, last.actual, measure.target) === "met"
  ) {
    findings.push({
      code: "target_below_last_actual",
      severity: "warning",
      target: ref.index,
      message: targetBelowLastActualMessage(
        name,
        lastYear,
        formatQuantity(last.actual, measure.unit),
        target,
      ),
    });
  }
  const d = direction(measure.comparator);
  if (d !== 0 && d === direction(last.measure.comparator)) {
    const lowered =
      d > 0 ? measure.target < last.measure.target : measure.target > last.measure.target;
    if (lowered) {
      findings.push({
        code: "target_lowered",
        severity: "notice",
        target: ref.index,
        message: targetLoweredMessage(
          name,
          lastYear,
          formatTargetValue(last.measure.target, last.measure.comparator, last.measure.unit),
          target,
        ),
      });
    }
  }
  return findings;
}

/** Last year's indicators no target of this year's document measures any more. */
export function droppedIndicators(
  doc: ManifestoDocument,
  last: ReadonlyMap<string, LastYearIndicator>,
): LastYearIndicator[] {
  const kept = new Set<string>();
  for (const goal of doc.goals) {
    for (const t of goal.targets ?? []) {
      if (t.measure?.kind === "numeric") kept.add(comparisonKey(t.measure.indicator));
    }
  }
  return [...last.entries()].filter(([key]) => !kept.has(key)).map(([, v]) => v);
}

export function indicatorDroppedFinding(lastYear: number, dropped: LastYearIndicator): Finding {
  return {
    code: "indicator_dropped",
    severity: "notice",
    message: indicatorDroppedMessage(lastYear, dropped.goal, dropped.indicator),
  };
}
