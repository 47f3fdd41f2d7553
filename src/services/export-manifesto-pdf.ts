// A manifesto as the official PDF, with the municipality's scale and document title.

import type { MissingGlyphPolicy } from "../reports/pdf/index.ts";
import { renderManifestoPdf } from "../reports/pdf/index.ts";
import type { ServiceContext } from "./context.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { type ManifestoSelector, requireMunicipality } from "./find-manifestos.ts";
import { scaleFromSetting } from "./municipality-scale.ts";

export async function exportManifestoPdf(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
  options: { missingGlyphs?: MissingGlyphPolicy } = {},
): Promise<Buffer> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const doc = await exportManifesto(ctx, selector);
  return renderManifestoPdf(doc, {
    ...(scale && { scale }),
    ...(options.missingGlyphs && { missingGlyphs: options.missingGlyphs }),
  });
}
