// The assessment of stored manifestos: each target met / not met / unknown, and findings
// where the self-evaluation's claim and the evidence disagree (PRODUCT.md), and the checks of
// targets as they are set, against last year's manifesto of the same department (issue #11).
import { listPlanItems } from "../db/repositories/plan-items.ts";
import { assessManifesto, type ManifestoAssessment } from "../domain/assessment/index.ts";
import type { ServiceContext } from "./context.ts";
import {
  type LoadedManifesto,
  loadManifestos,
  type ManifestoSelector,
  requireMunicipality,
} from "./find-manifestos.ts";
import { knownScales, scaleFromSetting } from "./municipality-scale.ts";

export interface AssessedManifesto {
  municipality: { code: string; name: string };
  fiscalYear: number;
  department: string;
  state: string;
  assessment: ManifestoAssessment;
}

/** Last year's current manifestos of the same municipality, by department id. */
export async function lastYearByDepartment(
  ctx: ServiceContext,
  selector: Pick<ManifestoSelector, "municipalityCode" | "fiscalYear">,
): Promise<Map<number, LoadedManifesto>> {
  const last = await loadManifestos(ctx, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear - 1,
  });
  return new Map(last.map((m) => [m.departmentId, m]));
}

export async function assessManifestos(
  ctx: ServiceContext,
  selector: ManifestoSelector,
): Promise<AssessedManifesto[]> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const plan = await listPlanItems(ctx.db, selector.municipalityCode);
  const manifestos = await loadManifestos(ctx, selector);
  const lastYear = manifestos.length > 0 ? await lastYearByDepartment(ctx, selector) : new Map();
  return manifestos.map((m) => {
    const previous = lastYear.get(m.departmentId);
    return {
      municipality: { code: municipality.code, name: municipality.name },
      fiscalYear: m.fiscalYear,
      department: m.departmentName,
      state: m.state,
      assessment: assessManifesto(m.document, {
        ...(scale && { scale }),
        knownScales: knownScales(scale),
        planCodes: plan.map((p) => p.code),
        ...(previous !== undefined && { lastYear: previous.document }),
      }),
    };
  });
}
