// A manifesto as an Excel workbook: the printable form, the machine-readable targets sheet
// (with met / not met from the assessment) and the entry sheets that import back.
import { assessManifesto } from "../domain/assessment/index.ts";
import { exportManifestoXlsx } from "../reports/xlsx/index.ts";
import type { ServiceContext } from "./context.ts";
import { exportManifestoWithScale } from "./export-manifesto.ts";
import type { ManifestoSelector } from "./find-manifestos.ts";
import { requireMunicipality } from "./find-manifestos.ts";
import { knownScales, levelRulesFromSetting } from "./municipality-scale.ts";

export async function exportManifestoWorkbook(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
): Promise<Buffer> {
  const { doc, scale } = await exportManifestoWithScale(ctx, selector);
  // The municipality's own level rules, so the expected level is the one its staff see.
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const assessment = assessManifesto(doc, {
    ...(scale && { scale }),
    knownScales: knownScales(scale),
    ...(levelRules && { levelRules }),
  });
  return exportManifestoXlsx(doc, { ...(scale && { scale }), assessment });
}
