// The open-data CSV of a municipality's fiscal year: one row per target of every manifesto
// (or of one department), with met / not met from the assessment (docs/open-data-csv.md).
import { assessManifesto } from "../domain/assessment/index.ts";
import { openDataCsv } from "../reports/csv/index.ts";
import type { ServiceContext } from "./context.ts";
import { loadManifestos, type ManifestoSelector, requireMunicipality } from "./find-manifestos.ts";
import {
  knownScales,
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "./municipality-scale.ts";

export async function exportOpenDataCsv(
  ctx: ServiceContext,
  selector: ManifestoSelector,
): Promise<{ csv: string; manifestos: number }> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  const options = {
    ...(scale && { scale }),
    knownScales: knownScales(scale),
    ...(levelRules && { levelRules }),
    ...(scoreScale && { scoreScale }),
  };
  const manifestos = await loadManifestos(ctx, selector);
  const rows = manifestos.map((m) => ({
    // A score on the municipality's scale is named by it (第二の評価の名称).
    doc:
      m.document.scoreScale === undefined && scoreScale
        ? { ...m.document, scoreScale }
        : m.document,
    assessment: assessManifesto(m.document, options),
  }));
  return { csv: openDataCsv(rows, scale ? { scale } : {}), manifestos: manifestos.length };
}
