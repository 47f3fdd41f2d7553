// Published content is frozen in every phase (PRODUCT.md). Which parts of a document a
// normal save may change depends on the manifesto's state:
// - the plan's draft (before its publication): everything;
// - the evaluation's draft (the plan is published): only what the evaluation writes — each
//   target's result, each goal's evaluation (level and reason) and its progress;
// - any other state: nothing (review states are read-only; published content changes only
//   by a correction: planning, with a note, listed in 訂正の履歴).
import type { ManifestoState } from "../workflow.ts";
import { diffDocuments } from "./diff.ts";
import type { Goal, ManifestoDocument } from "./schema.ts";

const EVALUATION_PATH = /^goals\[\d+\]\.(evaluation|progress|targets\[\d+\]\.result)($|[.[])/;

/** Whether a change at this path (as diff.ts writes paths) belongs to the evaluation. */
export function isEvaluationPath(path: string): boolean {
  return EVALUATION_PATH.test(path);
}

/** Whether a normal save in this state may change what is at this path. */
export function mayChangeIn(state: ManifestoState, path: string): boolean {
  if (state === "draft") return true;
  if (state === "evaluation_draft") return isEvaluationPath(path);
  return false;
}

/** The changed paths a normal save in this state may not make; empty when it may save. */
export function frozenChanges(state: ManifestoState, before: unknown, after: unknown): string[] {
  return diffDocuments(before, after)
    .map((c) => c.path)
    .filter((path) => !mayChangeIn(state, path));
}

/** Whether two documents differ only in what the evaluation writes. */
export function samePlan(a: unknown, b: unknown): boolean {
  return diffDocuments(a, b).every((c) => isEvaluationPath(c.path));
}

/**
 * The plan of `plan` with the evaluation's parts of `evaluation` (goal by goal, target by
 * target at the same place): what the public may read when a published plan is corrected
 * while its evaluation is still being written.
 */
export function planWithEvaluationOf(
  plan: ManifestoDocument,
  evaluation: ManifestoDocument,
): ManifestoDocument {
  const goals = plan.goals.map((goal, i): Goal => {
    const from = evaluation.goals[i];
    const { evaluation: _e, progress: _p, ...rest } = goal;
    const out: Goal = { ...rest };
    if (from?.evaluation !== undefined) out.evaluation = from.evaluation;
    if (from?.progress !== undefined) out.progress = from.progress;
    if (goal.targets !== undefined) {
      out.targets = goal.targets.map((target, j) => {
        const { result: _r, ...t } = target;
        const result = from?.targets?.[j]?.result;
        return result === undefined ? t : { ...t, result };
      });
    }
    return out;
  });
  return { ...plan, goals };
}
