// The assessment of stored manifestos: each target met / not met / unknown, and findings
// where the self-evaluation's claim and the evidence disagree (PRODUCT.md).
import { listPlanItems } from "../db/repositories/plan-items.ts";
import { assessManifesto, type ManifestoAssessment } from "../domain/assessment/index.ts";
import type { ServiceContext } from "./context.ts";
import { loadManifestos, type ManifestoSelector, requireMunicipality } from "./find-manifestos.ts";
import { knownScales, scaleFromSetting } from "./municipality-scale.ts";

export interface AssessedManifesto {
  municipality: { code: string; name: string };
  fiscalYear: number;
  department: string;
  state: string;
  assessment: ManifestoAssessment;
}

export async function assessManifestos(
  ctx: ServiceContext,
  selector: ManifestoSelector,
): Promise<AssessedManifesto[]> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const plan = await listPlanItems(ctx.db, selector.municipalityCode);
  const manifestos = await loadManifestos(ctx, selector);
  return manifestos.map((m) => ({
    municipality: { code: municipality.code, name: municipality.name },
    fiscalYear: m.fiscalYear,
    department: m.departmentName,
    state: m.state,
    assessment: assessManifesto(m.document, {
      ...(scale && { scale }),
      knownScales: knownScales(scale),
      planCodes: plan.map((p) => p.code),
    }),
  }));
}
