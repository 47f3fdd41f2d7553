// A review comment on a manifesto: on one goal or on the whole of it, or an answer in a
// thread (which stays on the goal its thread is about).
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import {
  type CommentRow,
  findComment,
  goalNumbersOf,
  insertComment,
} from "../../db/repositories/workflow.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { commentText } from "./move-manifesto.ts";

export interface NewComment {
  goalNumber?: number | undefined;
  parentId?: number | undefined;
  body: string;
}

export async function addComment(
  ctx: StaffContext,
  manifestoId: number,
  input: NewComment,
): Promise<CommentRow> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), manifestoId);
  if (!found) throw new NotFoundError(`no manifesto ${manifestoId}`);
  if (!manifestoPermissions(ctx.user, found).comment) {
    throw new AppError("forbidden", "このマニフェストにコメントする権限がありません");
  }
  const body = commentText(input.body, "body");
  if (body === undefined) {
    throw new ValidationError("コメントを入力してください", [
      { path: "body", message: "must not be empty" },
    ]);
  }
  let goalNumber = input.goalNumber ?? null;
  if (input.parentId !== undefined) {
    const parent = await findComment(ctx.db, manifestoId, input.parentId);
    if (!parent) {
      throw new ValidationError("返信先のコメントがありません", [
        { path: "parentId", message: "must be a comment on this manifesto" },
      ]);
    }
    if (input.goalNumber !== undefined && input.goalNumber !== parent.goalNumber) {
      throw new ValidationError("返信は返信先と同じ目標へのコメントです", [
        { path: "goalNumber", message: "must be the goal of the comment answered, or left out" },
      ]);
    }
    goalNumber = parent.goalNumber;
  } else if (
    goalNumber !== null &&
    !(await goalNumbersOf(ctx.db, manifestoId)).includes(goalNumber)
  ) {
    throw new ValidationError("この番号の目標はありません", [
      { path: "goalNumber", message: "must be the number of a goal of this manifesto" },
    ]);
  }

  return ctx.db.transaction().execute(async (tx) => {
    const comment = await insertComment(tx, {
      manifestoId,
      goalNumber,
      parentId: input.parentId ?? null,
      revision: found.revision,
      author: ctx.actor,
      body,
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "manifesto.comment_added",
      municipalityCode: found.municipalityCode,
      manifestoId,
      detail: { commentId: comment.id, goalNumber, parentId: comment.parentId },
    });
    return comment;
  });
}
