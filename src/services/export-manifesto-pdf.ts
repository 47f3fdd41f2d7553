// A manifesto as the official PDF, with the municipality's scale, document title and print
// layout (which fields it prints).

import type { MissingGlyphPolicy } from "../reports/pdf/index.ts";
import { renderManifestoPdf } from "../reports/pdf/index.ts";
import type { ServiceContext } from "./context.ts";
import { exportManifestoWithScale } from "./export-manifesto.ts";
import type { ManifestoSelector } from "./find-manifestos.ts";

export async function exportManifestoPdf(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
  options: { missingGlyphs?: MissingGlyphPolicy } = {},
): Promise<Buffer> {
  const { doc, scale, scoreScale, pdfLayout } = await exportManifestoWithScale(ctx, selector);
  return renderManifestoPdf(doc, {
    ...(scale && { scale }),
    ...(scoreScale && { scoreScale }),
    ...(pdfLayout && { layout: pdfLayout }),
    ...(options.missingGlyphs && { missingGlyphs: options.missingGlyphs }),
  });
}
