// The planning division's overview of a municipality's fiscal year: every department
// expected to write a manifesto (one this year or last), in the municipality's order, with
// its manifesto's phase and state, the phase's deadline and whether it is late, the last
// change and who made it, the assessment's warnings, and what the caller may do. Department
// roles get their own department's row only (the query is scoped, not filtered after).
import { listDeadlines, listDepartmentDeadlines } from "../../db/repositories/deadlines.ts";
import {
  lastChangeActors,
  listFiscalYears,
  listYearOverview,
} from "../../db/repositories/fiscal-years.ts";
import { listPlanItems } from "../../db/repositories/plan-items.ts";
import { assessManifesto } from "../../domain/assessment/index.ts";
import { isOverdue, phaseOfState, tokyoDate } from "../../domain/deadlines.ts";
import { fiscalYearOf } from "../../domain/era.ts";
import { manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import {
  type FiscalYearPermissions,
  type ManifestoPermissions,
  manifestoPermissions,
  noManifestoPermissions,
} from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { isManifestoState, type Phase, STATE_LABELS } from "../../domain/workflow.ts";
import { lastYearByDepartment, lastYearOf } from "../assess-manifestos.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import {
  knownScales,
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "../municipality-scale.ts";
import { namesOfActors } from "../workflow/actor-names.ts";
import { municipalityInScope } from "./year-in-scope.ts";

export interface OverviewDepartment {
  department: { id: number; code: string | null; name: string };
  manifesto: { id: number; revision: number } | null;
  /** null for a state this build does not know. */
  phase: Phase | null;
  state: string | null;
  stateLabel: string | null;
  /** The due date of the row's phase, `YYYY-MM-DD`: the department's own, else the municipality's. */
  deadline: string | null;
  /** Whether `deadline` is the department's own (issue 14). */
  ownDeadline: boolean;
  overdue: boolean;
  lastChange: { at: Date; by: string | null; byName: string | null } | null;
  /** Assessment warnings (null: no manifesto, or a stored document this build cannot read). */
  warnings: number | null;
  notices: number | null;
  allowed: ManifestoPermissions;
}

export interface YearOverview {
  municipality: { code: string; name: string };
  fiscalYear: number;
  /** Years with manifestos the caller may see, newest first. */
  fiscalYears: number[];
  deadlines: Record<Phase, string | null>;
  /** Tokyo's calendar day the overdue flags are computed for. */
  today: string;
  departments: OverviewDepartment[];
  allowed: FiscalYearPermissions;
}

function lastYearOption(
  history: Awaited<ReturnType<typeof lastYearByDepartment>>,
  departmentId: number,
  fiscalYear: number,
) {
  const lastYear = lastYearOf(history, departmentId, fiscalYear);
  return lastYear === undefined ? {} : { lastYear };
}

export async function getYearOverview(
  ctx: StaffContext,
  input: { municipalityCode?: string | undefined; fiscalYear?: number | undefined },
  now: Date,
): Promise<YearOverview> {
  const { municipality, allowed } = await municipalityInScope(ctx, input.municipalityCode);
  const scope = scopeOf(ctx.user);
  const own = scope.kind === "department" ? { departmentId: scope.departmentId } : {};
  const fiscalYears = await listFiscalYears(ctx.db, {
    municipalityCode: municipality.code,
    ...own,
  });
  const fiscalYear = input.fiscalYear ?? fiscalYears[0] ?? fiscalYearOf(now);
  const rows = await listYearOverview(ctx.db, {
    municipalityCode: municipality.code,
    fiscalYear,
    ...own,
  });
  const dueDates = await listDeadlines(ctx.db, municipality.code, fiscalYear);
  const deadlines: Record<Phase, string | null> = {
    plan: dueDates.find((d) => d.phase === "plan")?.dueDate ?? null,
    evaluation: dueDates.find((d) => d.phase === "evaluation")?.dueDate ?? null,
  };
  const ownDeadlines = await listDepartmentDeadlines(ctx.db, municipality.code, fiscalYear);
  const ownDeadline = (departmentId: number, phase: Phase) =>
    ownDeadlines.find((d) => d.departmentId === departmentId && d.phase === phase)?.dueDate ?? null;
  const ids = rows.flatMap((r) => (r.manifesto ? [r.manifesto.id] : []));
  const actors = await lastChangeActors(ctx.db, ids);
  const names = await namesOfActors(ctx.db, [...actors.values()]);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  const planCodes = (await listPlanItems(ctx.db, municipality.code)).map((p) => p.code);
  // The counts include the checks against last year's targets, as `tassei assess` does.
  const history = await lastYearByDepartment(ctx, {
    municipalityCode: municipality.code,
    fiscalYear,
    ...own,
  });
  const today = tokyoDate(now);

  const departments = rows.map((row): OverviewDepartment => {
    const m = row.manifesto;
    const state = m?.state ?? null;
    const phase = phaseOfState(state);
    const parsed = m ? manifestoDocumentSchema.safeParse(m.document) : undefined;
    const summary = parsed?.success
      ? assessManifesto(parsed.data, {
          ...(scale && { scale }),
          knownScales: knownScales(scale),
          planCodes,
          ...(levelRules && { levelRules }),
          ...(scoreScale && { scoreScale }),
          ...lastYearOption(history, row.departmentId, fiscalYear),
        }).summary
      : undefined;
    const by = m ? (actors.get(m.id) ?? null) : null;
    const own = phase === null ? null : ownDeadline(row.departmentId, phase);
    const deadline = phase === null ? null : (own ?? deadlines[phase]);
    return {
      department: { id: row.departmentId, code: row.departmentCode, name: row.departmentName },
      manifesto: m ? { id: m.id, revision: m.revision } : null,
      phase,
      state,
      stateLabel: state !== null && isManifestoState(state) ? STATE_LABELS[state] : null,
      deadline,
      ownDeadline: own !== null,
      overdue: phase !== null && isOverdue(state, deadline, today),
      lastChange: m
        ? { at: m.updatedAt, by, byName: by === null ? null : (names.get(by) ?? null) }
        : null,
      warnings: summary?.warnings ?? null,
      notices: summary?.notices ?? null,
      allowed: m
        ? manifestoPermissions(ctx.user, {
            municipalityCode: municipality.code,
            departmentId: row.departmentId,
            state: m.state,
          })
        : noManifestoPermissions(),
    };
  });
  return {
    municipality: { code: municipality.code, name: municipality.name },
    fiscalYear,
    fiscalYears,
    deadlines,
    today,
    departments,
    allowed,
  };
}
