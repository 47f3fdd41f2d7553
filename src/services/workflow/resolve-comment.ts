// Closing a thread once its point is dealt with. Threads are resolved as a whole, at the
// comment that opened them; resolving one twice leaves the first resolution in place.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import {
  type CommentRow,
  findComment,
  markCommentResolved,
} from "../../db/repositories/workflow.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export async function resolveComment(
  ctx: StaffContext,
  manifestoId: number,
  commentId: number,
): Promise<CommentRow> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), manifestoId);
  if (!found) throw new NotFoundError(`no manifesto ${manifestoId}`);
  const comment = await findComment(ctx.db, manifestoId, commentId);
  if (!comment) throw new NotFoundError(`no comment ${commentId} on manifesto ${manifestoId}`);
  if (!manifestoPermissions(ctx.user, found).comment) {
    throw new AppError("forbidden", "このコメントを解決する権限がありません");
  }
  if (comment.parentId !== null) {
    throw new ValidationError("スレッドは最初のコメントで解決してください", [
      { path: "commentId", message: "must be the first comment of its thread" },
    ]);
  }
  if (comment.resolvedAt !== null) return comment;
  return ctx.db.transaction().execute(async (tx) => {
    const resolved = await markCommentResolved(tx, commentId, ctx.actor);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "manifesto.comment_resolved",
      municipalityCode: found.municipalityCode,
      manifestoId,
      detail: { commentId },
    });
    return resolved;
  });
}
