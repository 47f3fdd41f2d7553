// The progress report's path: the department submits its draft; planning acknowledges it
// (確認済み: from then on the portal shows it) or returns it to the draft. A comment given with
// the move is kept with the report. One transaction under the report's row lock: state,
// comment, audit event, and for an acknowledgment the note to the public pages' cache.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  insertProgressComment,
  lockProgressReport,
  setProgressReportState,
} from "../../db/repositories/progress-reports.ts";
import { notifyPublicChange } from "../../db/repositories/public-changes.ts";
import { progressReportPermissions } from "../../domain/permissions-progress.ts";
import {
  isProgressState,
  nextProgressState,
  PROGRESS_ACTION_LABELS,
  PROGRESS_STATE_LABELS,
  type ProgressAction,
  type ProgressState,
} from "../../domain/progress-report/report.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { commentText, WorkflowConflictError } from "../workflow/move-manifesto.ts";
import { loadProgressTarget } from "./access.ts";

export interface ProgressMoveInput {
  reportId: number;
  action: ProgressAction;
  /** The report's revision the caller saw. */
  revision: number;
  comment?: string | undefined;
}

const AUDIT_ACTIONS: Record<ProgressAction, string> = {
  submit: "progress_report.submitted",
  acknowledge: "progress_report.acknowledged",
  return: "progress_report.returned",
};

const PERMISSION = { submit: "submit", acknowledge: "acknowledge", return: "return" } as const;

export async function moveProgressReport(
  ctx: StaffContext,
  manifestoId: number,
  input: ProgressMoveInput,
): Promise<{ reportId: number; state: ProgressState; revision: number; updatedAt: Date }> {
  const target = await loadProgressTarget(ctx, ctx.db, manifestoId);
  if (!target.reports.some((r) => r.id === input.reportId)) {
    throw new NotFoundError(`no progress report ${input.reportId}`);
  }
  const label = PROGRESS_ACTION_LABELS[input.action];
  const comment = commentText(input.comment, "comment");
  return ctx.db.transaction().execute(async (tx) => {
    const report = await lockProgressReport(tx, manifestoId, input.reportId);
    if (!report) throw new NotFoundError(`no progress report ${input.reportId}`);
    const from = report.state;
    const current = { state: from, revision: report.revision };
    if (!isProgressState(from)) throw new WorkflowConflictError(`${label}できません`, current);
    const permissionIn = (state: ProgressState) =>
      progressReportPermissions(ctx.user, {
        municipalityCode: target.manifesto.municipalityCode,
        departmentId: target.manifesto.departmentId,
        state,
      })[PERMISSION[input.action]];
    // Not this person's step in any state: forbidden; their step but not now: a conflict.
    if (!permissionIn(input.action === "submit" ? "draft" : "submitted")) {
      throw new AppError("forbidden", `この中間報告の${label}はできません`);
    }
    const to = nextProgressState(from, input.action);
    if (to === null || !permissionIn(from)) {
      throw new WorkflowConflictError(
        `現在の状態（${PROGRESS_STATE_LABELS[from]}）では${label}できません`,
        current,
      );
    }
    if (report.revision !== input.revision) {
      throw new WorkflowConflictError(
        "他の人がこの中間報告を更新しました。最新の内容を読み込んでからやり直してください。",
        current,
      );
    }
    const updatedAt = await setProgressReportState(tx, report.id, to, ctx.actor);
    if (comment !== undefined) {
      await insertProgressComment(tx, { reportId: report.id, author: ctx.actor, body: comment });
    }
    if (to === "acknowledged") {
      await notifyPublicChange(tx, target.manifesto.municipalityCode);
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: AUDIT_ACTIONS[input.action],
      municipalityCode: target.manifesto.municipalityCode,
      manifestoId,
      detail: {
        reportId: report.id,
        from,
        to,
        revision: report.revision,
        ...(comment !== undefined && { comment }),
      },
    });
    return { reportId: report.id, state: to, revision: report.revision, updatedAt };
  });
}
