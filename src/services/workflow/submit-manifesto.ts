// The department sends its draft for review: an editor's submission waits for the head's
// approval; a head's own submission carries that approval (domain/workflow.ts). A year-end
// evaluation goes only complete: every goal rated, every numeric target with an actual value
// or a text saying why not (issue #11); otherwise the list of what is missing comes back.
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import { missingForEvaluationSubmission } from "../../domain/assessment/evaluation-completeness.ts";
import { manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import { scopeOf } from "../../domain/roles.ts";
import { ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function submitManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "submit", input, async (move) => {
    if (move.from !== "evaluation_draft") return;
    // Read under the row lock: the revision checked is the one submitted.
    const current = await findManifestoInScope(move.tx, scopeOf(ctx.user), id);
    const doc = manifestoDocumentSchema.safeParse(current?.document);
    if (!doc.success) return;
    const missing = missingForEvaluationSubmission(doc.data);
    if (missing.length > 0) {
      throw new ValidationError(
        `評価を提出する前に、記入が必要な項目が${missing.length}件あります`,
        missing,
      );
    }
  });
}
