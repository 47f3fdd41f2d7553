// Planning (or an administrator) sets, moves or clears the due date of a phase of a
// municipality's fiscal year; the audit event records the old and new date.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  deleteDeadline,
  deleteDepartmentDeadline,
  listDeadlines,
  listDepartmentDeadlines,
  upsertDeadline,
  upsertDepartmentDeadline,
} from "../../db/repositories/deadlines.ts";
import { findDepartmentById } from "../../db/repositories/staff-manifestos.ts";
import type { Phase } from "../../domain/workflow.ts";
import { AppError, ValidationError } from "../../errors.ts";
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
    /** A department's own deadline, overriding the municipality's for it (issue 14). */
    departmentId?: number | undefined;
  },
): Promise<{
  municipalityCode: string;
  fiscalYear: number;
  phase: Phase;
  dueDate: string | null;
  departmentId?: number;
}> {
  const { municipality, allowed } = await municipalityInScope(ctx, input.municipalityCode);
  if (!allowed.setDeadlines) {
    throw new AppError("forbidden", "締切を設定できるのは企画課と管理者だけです");
  }
  const key = { municipalityCode: municipality.code, fiscalYear: input.fiscalYear };
  if (input.departmentId !== undefined) {
    const department = await findDepartmentById(ctx.db, input.departmentId);
    if (department?.municipalityCode !== municipality.code) {
      throw new ValidationError("この自治体の部局ではありません", [
        { path: "department", message: `must be a department of ${municipality.code}` },
      ]);
    }
    await setDepartmentDeadline(ctx, {
      ...key,
      departmentId: department.id,
      phase: input.phase,
      dueDate: input.dueDate,
    });
    return { ...key, phase: input.phase, dueDate: input.dueDate, departmentId: department.id };
  }
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

async function setDepartmentDeadline(
  ctx: StaffContext,
  d: {
    municipalityCode: string;
    fiscalYear: number;
    departmentId: number;
    phase: Phase;
    dueDate: string | null;
  },
): Promise<void> {
  const key = {
    municipalityCode: d.municipalityCode,
    fiscalYear: d.fiscalYear,
    departmentId: d.departmentId,
    phase: d.phase,
  };
  await ctx.db.transaction().execute(async (tx) => {
    const before = (
      await listDepartmentDeadlines(tx, d.municipalityCode, d.fiscalYear, d.departmentId)
    ).find((x) => x.phase === d.phase);
    if (d.dueDate === null) {
      if (!(await deleteDepartmentDeadline(tx, key))) return;
    } else {
      if (before?.dueDate === d.dueDate) return;
      await upsertDepartmentDeadline(tx, { ...key, dueDate: d.dueDate, by: ctx.actor });
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: d.dueDate === null ? "deadline.department_cleared" : "deadline.department_set",
      municipalityCode: d.municipalityCode,
      detail: {
        fiscalYear: d.fiscalYear,
        departmentId: d.departmentId,
        phase: d.phase,
        from: before?.dueDate ?? null,
        to: d.dueDate,
      },
    });
  });
}
