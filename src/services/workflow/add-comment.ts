// A review comment on a manifesto: on one goal or on the whole of it, or an answer in a
// thread (which stays on the goal its thread is about).
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import {
  type CommentRow,
  countComments,
  findComment,
  goalNumbersOf,
  insertComment,
} from "../../db/repositories/workflow.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { notifyComment } from "../notifications/notify-comment.ts";
import { commentText } from "./move-manifesto.ts";

/**
 * A review of one manifesto runs to tens of comments; a thousand is far beyond any real one
 * and keeps the comment list (read whole on every look) bounded.
 */
export const COMMENTS_PER_MANIFESTO_MAX = 1000;

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
    if ((await countComments(tx, manifestoId)) >= COMMENTS_PER_MANIFESTO_MAX) {
      throw new AppError(
        "conflict",
        `このマニフェストのコメントは ${COMMENTS_PER_MANIFESTO_MAX} 件までです。解決済みのやり取りは担当者と整理してください`,
      );
    }
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
    await notifyComment(tx, {
      actor: ctx.actor,
      actorIsOfDepartment: ctx.user.departmentId === found.departmentId,
      comment,
      manifesto: {
        id: manifestoId,
        municipalityCode: found.municipalityCode,
        departmentId: found.departmentId,
        departmentName: found.departmentName,
        fiscalYear: found.fiscalYear,
      },
    });
    return comment;
  });
}
