// The planning division's view of progress across a municipality's year (issue 14 items 5
// and 6): for each department its latest progress per goal (from reports it has sent:
// submitted or acknowledged), goals whose progress is out of date (older than 90 days, or
// none) or behind schedule marked, when each goal was last updated, and whether the report
// is due or late. Planning and administrators of the municipality, as the dashboard.
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import { listYearProgress } from "../../db/repositories/progress-reports.ts";
import { tokyoDate } from "../../domain/deadlines.ts";
import { dashboardPermissions } from "../../domain/permissions.ts";
import { goalProgressMarks, progressReportsDue } from "../../domain/progress-report/due.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import { progressSettingsFrom } from "../../domain/progress-report/settings.ts";
import { isManifestoState, phaseOf } from "../../domain/workflow.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { goalsOf } from "./access.ts";

export async function getProgressOverview(
  ctx: StaffContext,
  municipalityCode: string,
  fiscalYear: number,
  now: Date,
) {
  const municipality = await findMunicipality(ctx.db, municipalityCode);
  const own = ctx.user.municipalityCode === municipalityCode || ctx.user.municipalityCode === null;
  if (!municipality || !own) throw new NotFoundError(`no municipality ${municipalityCode}`);
  if (!dashboardPermissions(ctx.user, municipalityCode).read) {
    throw new AppError("forbidden", "部局の進捗一覧は企画課と管理者が見られます");
  }
  const settings = progressSettingsFrom(municipality.progressSettings);
  const today = tokyoDate(now);
  const rows = await listYearProgress(ctx.db, municipalityCode, fiscalYear);
  const departments = rows.map((m) => {
    const sent = m.reports.filter((r) => r.state === "submitted" || r.state === "acknowledged");
    const due = progressReportsDue(
      m.departmentId,
      [{ ...m, fiscalYear, reportStates: m.reports.map((r) => r.state) }],
      settings,
      today,
    )[0];
    // Progress is asked of a published plan (and on into its evaluation); a plan still being
    // written has none to be out of date.
    const reporting =
      isManifestoState(m.state) && (m.state === "published" || phaseOf(m.state) === "evaluation");
    const goals = goalsOf(m.document).map((g) => {
      const from = sent.find((r) => entriesOf(r.entries).some((e) => e.goal === g.number));
      const entry = from && entriesOf(from.entries).find((e) => e.goal === g.number);
      const touched = m.reports.find((r) => entriesOf(r.entries).some((e) => e.goal === g.number));
      const lastUpdated =
        touched && touched.updatedAt > m.updatedAt ? touched.updatedAt : m.updatedAt;
      const latest = entry
        ? {
            asOf: entry.asOf,
            status: entry.status ?? null,
            note: entry.note ?? null,
            reportState: from.state,
          }
        : null;
      return {
        number: g.number,
        title: g.title,
        latest,
        lastUpdated: lastUpdated.toISOString(),
        ...goalProgressMarks(
          entry ? { asOf: entry.asOf, status: entry.status } : null,
          settings,
          today,
        ),
        ...(!reporting && entry === undefined && { stale: false }),
      };
    });
    const newest = m.reports[0];
    return {
      manifestoId: m.manifestoId,
      departmentId: m.departmentId,
      name: m.departmentName,
      state: m.state,
      report: newest ? { id: newest.id, state: newest.state } : null,
      due: due ? { status: due.status, dueDate: due.dueDate } : null,
      goals,
    };
  });
  return { municipality: { code: municipalityCode }, fiscalYear, today, departments };
}

function entriesOf(raw: unknown): ProgressEntry[] {
  return Array.isArray(raw) ? (raw as ProgressEntry[]) : [];
}

export type ProgressOverview = Awaited<ReturnType<typeof getProgressOverview>>;
