// Planning (or an administrator) sets, moves or clears the due date of a phase of a
// municipality's fiscal year; the audit event records the old and new date.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { deleteDeadline, listDeadlines, upsertDeadline } from "../../db/repositories/deadlines.ts";
import type { Phase } from "../../domain/workflow.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityInScope } from "./year-in-scope.ts";

export async function setDeadline(
  ctx: StaffContext,
  input: {
    municipalityCode?: string | undefined;
    fiscalYear: number;
    phase: Phase;
    /** `YYYY-MM-DD`; null clears the deadline. */
    dueDate: string | null;
  },
): Promise<{ municipalityCode: string; fiscalYear: number; phase: Phase; dueDate: string | null }> {
  const { municipality, allowed } = await municipalityInScope(ctx, input.municipalityCode);
  if (!allowed.setDeadlines) {
    throw new AppError("forbidden", "締切を設定できるのは企画課と管理者だけです");
  }
  const key = { municipalityCode: municipality.code, fiscalYear: input.fiscalYear };
  await ctx.db.transaction().execute(async (tx) => {
    const before = (await listDeadlines(tx, key.municipalityCode, key.fiscalYear)).find(
      (d) => d.phase === input.phase,
    );
    if (input.dueDate === null) {
      if (!(await deleteDeadline(tx, { ...key, phase: input.phase }))) return;
    } else {
      if (before?.dueDate === input.dueDate) return;
      await upsertDeadline(tx, {
        ...key,
        phase: input.phase,
        dueDate: input.dueDate,
        by: ctx.actor,
      });
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: input.dueDate === null ? "deadline.cleared" : "deadline.set",
      municipalityCode: key.municipalityCode,
      detail: {
        fiscalYear: key.fiscalYear,
        phase: input.phase,
        from: before?.dueDate ?? null,
        to: input.dueDate,
      },
    });
  });
  return { ...key, phase: input.phase, dueDate: input.dueDate };
}
