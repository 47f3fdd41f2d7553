// Planning starts the results phase of a published plan. The published plan stays what the
// public pages show (manifesto_publications) while the department writes its results.
import type { StaffContext } from "../auth/staff-context.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function openEvaluation(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "open_evaluation", input);
}
