// The department sends its draft for review: an editor's submission waits for the head's
// approval; a head's own submission carries that approval (domain/workflow.ts).
import type { StaffContext } from "../auth/staff-context.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function submitManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "submit", input);
}
