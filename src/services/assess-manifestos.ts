// The assessment of stored manifestos: each target met / not met / unknown, and findings
// where the self-evaluation's claim and the evidence disagree (PRODUCT.md), and the checks of
// targets as they are set, against last year's targets of the same department (issue #11),
// read from the read model in one statement (no documents of last year are parsed).
import {
  type LastYearTargetRow,
  listLastYearNumericTargets,
} from "../db/repositories/last-year-targets.ts";
import { listPlanItems } from "../db/repositories/plan-items.ts";
import {
  assessManifesto,
  type LastYearIndicator,
  type ManifestoAssessment,
} from "../domain/assessment/index.ts";
import { COMPARATORS, type Comparator } from "../domain/manifesto/schema.ts";
import type { ServiceContext } from "./context.ts";
import { loadManifestos, type ManifestoSelector, requireMunicipality } from "./find-manifestos.ts";
import {
  knownScales,
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "./municipality-scale.ts";

export interface AssessedManifesto {
  municipality: { code: string; name: string };
  fiscalYear: number;
  department: string;
  state: string;
  assessment: ManifestoAssessment;
}

const isComparator = (c: string): c is Comparator => (COMPARATORS as readonly string[]).includes(c);

/** What the assessment's history checks take: last year's numeric targets of a department. */
export interface LastYearSeries {
  fiscalYear: number;
  indicators: LastYearIndicator[];
}

/**
 * Last year's numeric targets of the municipality, by department id; given a department,
 * only that department's (what a department's staff may see).
 */
export async function lastYearByDepartment(
  ctx: ServiceContext,
  selector: Pick<ManifestoSelector, "municipalityCode" | "fiscalYear"> & { departmentId?: number },
): Promise<Map<number, LastYearIndicator[]>> {
  const rows = await listLastYearNumericTargets(ctx.db, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear - 1,
    ...(selector.departmentId !== undefined && { departmentId: selector.departmentId }),
  });
  return groupLastYearByDepartment(rows);
}

/** Last year's numeric target rows as the assessment reads them, by department. */
export function groupLastYearByDepartment(
  rows: readonly LastYearTargetRow[],
): Map<number, LastYearIndicator[]> {
  const out = new Map<number, LastYearIndicator[]>();
  for (const r of rows) {
    const indicator = toIndicator(r);
    if (indicator === undefined) continue;
    out.set(r.departmentId, [...(out.get(r.departmentId) ?? []), indicator]);
  }
  return out;
}

/**
 * The `lastYear` option of the assessment for one department's manifesto of `fiscalYear`;
 * undefined when the department had no numeric target last year (nothing to compare with).
 */
export function lastYearOf(
  byDepartment: ReadonlyMap<number, LastYearIndicator[]>,
  departmentId: number,
  fiscalYear: number,
): LastYearSeries | undefined {
  const indicators = byDepartment.get(departmentId);
  return indicators === undefined ? undefined : { fiscalYear: fiscalYear - 1, indicators };
}

function toIndicator(r: LastYearTargetRow): LastYearIndicator | undefined {
  if (!isComparator(r.comparator)) return undefined;
  return {
    goal: r.goalNumber,
    indicator: r.indicator,
    measure: { unit: r.unit, comparator: r.comparator, target: r.target },
    ...(r.actual !== null && { actual: r.actual }),
  };
}

export async function assessManifestos(
  ctx: ServiceContext,
  selector: ManifestoSelector,
): Promise<AssessedManifesto[]> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  const plan = await listPlanItems(ctx.db, selector.municipalityCode);
  const manifestos = await loadManifestos(ctx, selector);
  const lastYear = manifestos.length > 0 ? await lastYearByDepartment(ctx, selector) : new Map();
  return manifestos.map((m) => {
    const series = lastYearOf(lastYear, m.departmentId, m.fiscalYear);
    return {
      municipality: { code: municipality.code, name: municipality.name },
      fiscalYear: m.fiscalYear,
      department: m.departmentName,
      state: m.state,
      assessment: assessManifesto(m.document, {
        ...(scale && { scale }),
        knownScales: knownScales(scale),
        planCodes: plan.map((p) => p.code),
        ...(levelRules && { levelRules }),
        ...(scoreScale && { scoreScale }),
        ...(series !== undefined && { lastYear: series }),
      }),
    };
  });
}
