// Opening a fiscal year: last year's manifesto becomes the starting draft of the next one
// (PRODUCT.md "The cycle"). Departments carry their missions, goals, targets and means
// forward and rewrite what changed; what belonged to last year alone — its interim reports,
// results and self-evaluation — is left behind. A numeric target that has a result from last
// year takes that result as its baseline, so the new plan starts from where things stand.
import type { Goal, ManifestoDocument, Target } from "./schema.ts";

export class NoNextFiscalYearError extends RangeError {
  constructor(fiscalYear: number) {
    super(`fiscal year ${fiscalYear} is the last one the format allows`);
    this.name = "NoNextFiscalYearError";
  }
}

/** The last fiscal year the format allows (docs/FORMAT.md: 1989–2100). */
export const LAST_FISCAL_YEAR = 2100;

function carryTarget(target: Target, previousYear: number): Target {
  const { result, ...rest } = target;
  const measure = rest.measure;
  if (measure?.kind === "numeric" && result?.actual !== undefined) {
    return {
      ...rest,
      measure: { ...measure, baseline: { value: result.actual, fiscalYear: previousYear } },
    };
  }
  return rest;
}

function carryGoal(goal: Goal, previousYear: number): Goal {
  const { progress: _progress, evaluation: _evaluation, targets, ...rest } = goal;
  return {
    ...rest,
    ...(targets !== undefined && { targets: targets.map((t) => carryTarget(t, previousYear)) }),
  };
}

/**
 * The draft for the fiscal year after `previous`'s. A valid document gives a valid one
 * (a property test holds it to that); the input is not changed.
 */
export function nextYearDraft(previous: ManifestoDocument): ManifestoDocument {
  if (previous.fiscalYear >= LAST_FISCAL_YEAR) throw new NoNextFiscalYearError(previous.fiscalYear);
  return {
    ...structuredClone(previous),
    fiscalYear: previous.fiscalYear + 1,
    goals: previous.goals.map((g) => carryGoal(structuredClone(g), previous.fiscalYear)),
  };
}
