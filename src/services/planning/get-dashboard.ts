// The planning division's dashboard of one municipality and fiscal year: for each
// department's manifesto (current revision, drafts included) the distribution of its goals'
// self-evaluation levels, its targets met / not met / unknown and the assessment's warnings,
// then the year-over-year change of each indicator. Targets and findings come from the
// assessment itself (src/domain/assessment), the levels are counted on the municipality's scale.
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import { listPlanItems } from "../../db/repositories/plan-items.ts";
import { listIndicatorTargets } from "../../db/repositories/planning-dashboard.ts";
import {
  assessManifesto,
  consistencyFigures,
  type GoalAssessment,
} from "../../domain/assessment/index.ts";
import type {
  DashboardDepartment,
  DashboardWarning,
  GoalTally,
  PlanningDashboard,
} from "../../domain/dashboard.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import type { EvaluationScale, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { dashboardPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { lastYearByDepartment, lastYearOf } from "../assess-manifestos.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { loadManifestos } from "../find-manifestos.ts";
import {
  knownScales,
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "../municipality-scale.ts";
import { indicatorChanges } from "./indicator-changes.ts";

function emptyTally(scale: EvaluationScale): GoalTally {
  return {
    goals: 0,
    levels: scale.levels.map((l) => ({ level: l.level, label: l.label, count: 0 })),
    unevaluated: 0,
    otherLevels: 0,
    targets: { met: 0, not_met: 0, unknown: 0 },
    warnings: 0,
    notices: 0,
  };
}

function countLevels(tally: GoalTally, doc: ManifestoDocument): void {
  for (const goal of doc.goals) {
    tally.goals += 1;
    const level = goal.evaluation?.level;
    if (level === undefined) {
      tally.unevaluated += 1;
      continue;
    }
    const entry = tally.levels.find((l) => l.level === level);
    if (entry) entry.count += 1;
    else tally.otherLevels += 1;
  }
}

function addInto(total: GoalTally, part: GoalTally): void {
  total.goals += part.goals;
  part.levels.forEach((l, i) => {
    const entry = total.levels[i];
    if (entry) entry.count += l.count;
  });
  total.unevaluated += part.unevaluated;
  total.otherLevels += part.otherLevels;
  total.targets.met += part.targets.met;
  total.targets.not_met += part.targets.not_met;
  total.targets.unknown += part.targets.unknown;
  total.warnings += part.warnings;
  total.notices += part.notices;
}

/**
 * Who may see which municipality's dashboard: outside the caller's municipality it does not
 * exist (404); inside it, only the planning division and administrators may open it (403).
 */
async function requireDashboard(ctx: StaffContext, municipalityCode: string) {
  const scope = scopeOf(ctx.user);
  const visible = scope.kind === "installation" || scope.municipalityCode === municipalityCode;
  const municipality = visible ? await findMunicipality(ctx.db, municipalityCode) : undefined;
  if (!municipality) throw new NotFoundError(`自治体 ${municipalityCode} は見つかりません`);
  if (!dashboardPermissions(ctx.user, municipalityCode).read) {
    throw new AppError("forbidden", "部局横断の集計は企画課と管理者だけが見られます");
  }
  return municipality;
}

export async function getPlanningDashboard(
  ctx: StaffContext,
  municipalityCode: string,
  fiscalYear: number,
): Promise<PlanningDashboard> {
  const municipality = await requireDashboard(ctx, municipalityCode);
  const municipalityScale = scaleFromSetting(municipality.evaluationScale);
  const scale = municipalityScale ?? DEFAULT_SCALE;
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  const [plan, manifestos, indicatorRows, history] = await Promise.all([
    listPlanItems(ctx.db, municipalityCode),
    loadManifestos(ctx, { municipalityCode, fiscalYear }),
    listIndicatorTargets(ctx.db, municipalityCode, [fiscalYear - 1, fiscalYear]),
    lastYearByDepartment(ctx, { municipalityCode, fiscalYear }),
  ]);
  // The same options as assessManifestos, so the dashboard agrees with `tassei assess`.
  const options = {
    ...(municipalityScale && { scale: municipalityScale }),
    knownScales: knownScales(municipalityScale),
    planCodes: plan.map((p) => p.code),
    ...(levelRules && { levelRules }),
    ...(scoreScale && { scoreScale }),
  };
  const totals = emptyTally(scale);
  const warnings: DashboardWarning[] = [];
  const allGoals: GoalAssessment[] = [];
  const departments = manifestos.map((m): DashboardDepartment => {
    const lastYear = lastYearOf(history, m.departmentId, m.fiscalYear);
    const assessment = assessManifesto(m.document, { ...options, ...(lastYear && { lastYear }) });
    allGoals.push(...assessment.goals);
    const tally = emptyTally(scale);
    countLevels(tally, m.document);
    tally.targets = { ...assessment.summary.targets };
    tally.warnings = assessment.summary.warnings;
    tally.notices = assessment.summary.notices;
    addInto(totals, tally);
    const titles = new Map(m.document.goals.map((g) => [g.number, g.title]));
    for (const goal of assessment.goals) {
      for (const f of goal.findings) {
        if (f.severity !== "warning") continue;
        warnings.push({
          manifestoId: m.id,
          department: m.departmentName,
          goalNumber: goal.number,
          goalTitle: titles.get(goal.number) ?? "",
          target: f.target ?? null,
          code: f.code,
          message: f.message,
        });
      }
    }
    return {
      manifestoId: m.id,
      departmentId: m.departmentId,
      name: m.departmentName,
      state: m.state,
      revision: m.revision,
      ...tally,
      consistency: consistencyFigures(assessment.goals),
    };
  });
  return {
    municipality: { code: municipality.code, name: municipality.name },
    fiscalYear,
    scale: {
      name: scale.name,
      levels: scale.levels.map((l) => ({ level: l.level, label: l.label })),
    },
    departments,
    totals,
    warnings,
    indicators: indicatorChanges(indicatorRows, fiscalYear),
    consistency: consistencyFigures(allGoals),
  };
}
