// A manifesto's progress report as a use case finds it: the manifesto loaded in the caller's
// scope (404 outside it), its goals, its reports and what the caller may do with them.
import type { Db } from "../../db/repositories/municipalities.ts";
import { listProgressReports } from "../../db/repositories/progress-reports.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import type { Goal } from "../../domain/manifesto/schema.ts";
import {
  type ProgressReportPermissions,
  progressReportPermissions,
} from "../../domain/permissions-progress.ts";
import { isProgressState, type ProgressState } from "../../domain/progress-report/report.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export async function loadProgressTarget(ctx: StaffContext, db: Db, manifestoId: number) {
  const found = await findManifestoInScope(db, scopeOf(ctx.user), manifestoId);
  if (!found) throw new NotFoundError(`no manifesto ${manifestoId}`);
  const reports = await listProgressReports(db, manifestoId);
  const latest = reports[0];
  const state: ProgressState | null = latest && isProgressState(latest.state) ? latest.state : null;
  const goals = goalsOf(found.document);
  const allowed: ProgressReportPermissions = progressReportPermissions(ctx.user, {
    municipalityCode: found.municipalityCode,
    departmentId: found.departmentId,
    state,
  });
  return { manifesto: found, reports, latest, state, goals, allowed };
}

/** The goals as the stored (validated) document has them. */
export function goalsOf(document: unknown): Goal[] {
  const goals = (document as { goals?: unknown } | null)?.goals;
  return Array.isArray(goals) ? (goals as Goal[]) : [];
}
