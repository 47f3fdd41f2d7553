// Downloads of a published manifesto. JSON is exactly what `tassei export` gives
// (tassei.manifesto/v1 with the municipality's defaults and acknowledged progress); Excel, PDF and CSV are rendered
// by the server from the same published document.
import { listPublicManifestos } from "../../db/repositories/public-manifestos.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { withAcknowledgedProgress } from "../../domain/progress-report/export.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { withMunicipalityDefaults } from "../export-manifesto.ts";
import {
  getPublicManifesto,
  type PublicManifestoSelector,
  type PublicManifestoView,
} from "./get-public-manifesto.ts";
import { planTitles, readManifesto, requirePublicMunicipality } from "./shared.ts";

export async function exportPublicManifesto(
  ctx: ServiceContext,
  selector: PublicManifestoSelector,
): Promise<ManifestoDocument> {
  const view = await getPublicManifesto(ctx, selector);
  return withPublishedProgress(
    withMunicipalityDefaults(view.document, view.municipality.row),
    view,
  );
}

/** The document with the acknowledged progress the page shows, for the JSON and Excel. */
export function withPublishedProgress(
  doc: ManifestoDocument,
  view: Pick<PublicManifestoView, "progress">,
): ManifestoDocument {
  // view.progress holds each goal's acknowledged entries newest first.
  return withAcknowledgedProgress(
    doc,
    [...view.progress.values()].map((entries) => [...entries].reverse()),
  );
}

/** Every published manifesto of a year, with its assessment, for the open-data CSV. */
export async function listPublicYearDocuments(
  ctx: ServiceContext,
  code: string,
  fiscalYear: number,
) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const rows = await listPublicManifestos(ctx.db, { municipalityCode: code, fiscalYear });
  if (rows.length === 0) {
    throw new NotFoundError(`nothing published for ${code} in fiscal year ${fiscalYear}`);
  }
  const plan = await planTitles(ctx, code);
  return {
    municipality,
    manifestos: rows.map((r) => readManifesto(r, municipality, plan)),
  };
}
