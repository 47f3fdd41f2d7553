// A manifesto's progress reports as the staff page shows them: the goals with their numeric
// targets (what values can be reported), the municipality's status words, every report
// (newest first, revisions counted), the comments, whether one is due, and what the caller
// may do.
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import {
  countProgressRevisions,
  listProgressComments,
} from "../../db/repositories/progress-reports.ts";
import { tokyoDate } from "../../domain/deadlines.ts";
import { type ProgressDue, progressReportsDue } from "../../domain/progress-report/due.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import {
  type ProgressSettings,
  progressSettingsFrom,
} from "../../domain/progress-report/settings.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { loadProgressTarget } from "./access.ts";

export async function getProgressReport(ctx: StaffContext, manifestoId: number, now: Date) {
  const t = await loadProgressTarget(ctx, ctx.db, manifestoId);
  const municipality = await findMunicipality(ctx.db, t.manifesto.municipalityCode);
  const settings: ProgressSettings = progressSettingsFrom(municipality?.progressSettings);
  const comments = await listProgressComments(ctx.db, manifestoId);
  const reports = await Promise.all(
    t.reports.map(async (r) => ({
      ...r,
      entries: r.entries as ProgressEntry[],
      revisions: await countProgressRevisions(ctx.db, r.id),
    })),
  );
  const due: ProgressDue | undefined = progressReportsDue(
    t.manifesto.departmentId,
    [
      {
        manifestoId,
        departmentId: t.manifesto.departmentId,
        fiscalYear: t.manifesto.fiscalYear,
        state: t.manifesto.state,
        reportStates: t.reports.map((r) => r.state),
      },
    ],
    settings,
    tokyoDate(now),
  )[0];
  return {
    manifesto: {
      id: manifestoId,
      municipalityCode: t.manifesto.municipalityCode,
      fiscalYear: t.manifesto.fiscalYear,
      departmentName: t.manifesto.departmentName,
      state: t.manifesto.state,
    },
    goals: t.goals.map((g) => ({
      number: g.number,
      title: g.title,
      targets: (g.targets ?? []).map((target, index) => ({
        index,
        label: target.label ?? null,
        text: target.text,
        numeric:
          target.measure?.kind === "numeric"
            ? { indicator: target.measure.indicator, unit: target.measure.unit }
            : null,
      })),
    })),
    statuses: settings.statuses,
    reports,
    comments,
    due: due ? { status: due.status, dueDate: due.dueDate } : null,
    allowed: t.allowed,
  };
}

export type ProgressReportView = Awaited<ReturnType<typeof getProgressReport>>;
