// The head approves the department's submission; planning approves what the head approved.
import type { StaffContext } from "../auth/staff-context.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function approveManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "approve", input);
}
