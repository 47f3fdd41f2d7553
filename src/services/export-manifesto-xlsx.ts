// A manifesto as an Excel workbook: the printable form, the machine-readable targets sheet
// (with met / not met from the assessment) and the entry sheets that import back.
import { assessManifesto } from "../domain/assessment/index.ts";
import { exportManifestoXlsx } from "../reports/xlsx/index.ts";
import type { ServiceContext } from "./context.ts";
import { exportManifestoWithScale } from "./export-manifesto.ts";
import type { ManifestoSelector } from "./find-manifestos.ts";
import { knownScales } from "./municipality-scale.ts";

export async function exportManifestoWorkbook(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
): Promise<Buffer> {
  const { doc, scale } = await exportManifestoWithScale(ctx, selector);
  const assessment = assessManifesto(doc, {
    ...(scale && { scale }),
    knownScales: knownScales(scale),
  });
  return exportManifestoXlsx(doc, { ...(scale && { scale }), assessment });
}
