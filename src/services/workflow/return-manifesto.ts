// 差戻し: a submission goes back to the draft of its phase, and the editor must be told why.
// A return rests on a comment: the one it brings (kept as a thread on the whole manifesto,
// so the editor finds it with the others) or a thread already open, per goal say.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { countOpenThreads, insertComment } from "../../db/repositories/workflow.ts";
import { ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function returnManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "return", input, async (move) => {
    if (move.comment === undefined) {
      if ((await countOpenThreads(move.tx, move.manifestoId)) > 0) return;
      throw new ValidationError("差戻しにはコメントが必要です", [
        { path: "comment", message: "is required when no comment is open" },
      ]);
    }
    const comment = await insertComment(move.tx, {
      manifestoId: move.manifestoId,
      goalNumber: null,
      parentId: null,
      revision: move.revision,
      author: ctx.actor,
      body: move.comment,
    });
    await recordAuditEvent(move.tx, {
      actor: ctx.actor,
      action: "manifesto.comment_added",
      municipalityCode: move.municipalityCode,
      manifestoId: move.manifestoId,
      detail: { commentId: comment.id, goalNumber: null, parentId: null, withReturn: true },
    });
  });
}
