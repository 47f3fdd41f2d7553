// A comment on a progress report, by the department or planning, outside a move.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  insertProgressComment,
  type ProgressCommentRow,
} from "../../db/repositories/progress-reports.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { commentText } from "../workflow/move-manifesto.ts";
import { loadProgressTarget } from "./access.ts";

export async function commentOnProgressReport(
  ctx: StaffContext,
  manifestoId: number,
  input: { reportId: number; body: string },
): Promise<ProgressCommentRow> {
  const target = await loadProgressTarget(ctx, ctx.db, manifestoId);
  if (!target.reports.some((r) => r.id === input.reportId)) {
    throw new NotFoundError(`no progress report ${input.reportId}`);
  }
  if (!target.allowed.comment) {
    throw new AppError("forbidden", "この中間報告にコメントする権限がありません");
  }
  const body = commentText(input.body, "body");
  if (body === undefined) {
    throw new ValidationError("コメントを入力してください", [
      { path: "body", message: "コメント: 入力してください" },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const comment = await insertProgressComment(tx, {
      reportId: input.reportId,
      author: ctx.actor,
      body,
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "progress_report.comment_added",
      municipalityCode: target.manifesto.municipalityCode,
      manifestoId,
      detail: { reportId: input.reportId, commentId: comment.id },
    });
    return comment;
  });
}
