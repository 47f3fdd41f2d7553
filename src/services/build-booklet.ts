// The bound booklet（冊子）: every published manifesto of a municipality's fiscal year in one
// PDF, departments in the municipality's order, with a cover and a table of contents.
import { listPublicManifestos } from "../db/repositories/public-manifestos.ts";
import { assessManifesto } from "../domain/assessment/index.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import { NotFoundError } from "../errors.ts";
import type { MissingGlyphPolicy } from "../reports/pdf/index.ts";
import { renderBookletPdfOffThread } from "../reports/render/index.ts";
import type { ServiceContext } from "./context.ts";
import { withMunicipalityDefaults } from "./export-manifesto.ts";
import { loadManifestos, requireMunicipality } from "./find-manifestos.ts";
import {
  knownScales,
  levelRulesFromSetting,
  pdfLayoutFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "./municipality-scale.ts";

export interface BookletRequest {
  municipalityCode: string;
  fiscalYear: number;
  /** Include drafts too (a proof for the planning division); default published only. */
  includeUnpublished?: boolean;
  missingGlyphs?: MissingGlyphPolicy;
  /** After each department drawn, and once with 0 when the count is known; awaited. */
  onProgress?: (done: number, total: number) => unknown;
}

export async function buildBooklet(
  ctx: ServiceContext,
  request: BookletRequest,
): Promise<{ pdf: Buffer; departments: { department: string; page: number }[] }> {
  const municipality = await requireMunicipality(ctx, request.municipalityCode);
  const scale = scaleFromSetting(municipality.evaluationScale);
  const layout = pdfLayoutFromSetting(municipality.pdfLayout);
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  const manifestos = await booklettedDocuments(ctx, request);
  if (manifestos.length === 0) {
    throw new NotFoundError(
      `no ${request.includeUnpublished ? "" : "published "}manifesto of ${municipality.name} for fiscal year ${request.fiscalYear}`,
    );
  }
  await request.onProgress?.(0, manifestos.length);
  const documents = manifestos.map((document) => withMunicipalityDefaults(document, municipality));
  // The expected levels by the municipality's own level rules, as its staff and portal show them.
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  const expectedLevels = documents.map((doc) =>
    assessManifesto(doc, {
      ...(scale && { scale }),
      knownScales: knownScales(scale),
      ...(levelRules && { levelRules }),
    }).goals.map((g) => g.expectedLevel ?? null),
  );
  // On a worker thread: a booklet is seconds of CPU that the server's requests must not wait for.
  const result = await renderBookletPdfOffThread(documents, {
    municipalityName: municipality.name,
    fiscalYear: request.fiscalYear,
    ...(municipality.documentTitle !== null && { documentTitle: municipality.documentTitle }),
    ...(municipality.documentSubtitle !== null && {
      documentSubtitle: municipality.documentSubtitle,
    }),
    ...(scale && { scale }),
    ...(scoreScale && { scoreScale }),
    ...(layout && { layout }),
    expectedLevels,
    ...(request.missingGlyphs && { missingGlyphs: request.missingGlyphs }),
    ...(request.onProgress && { onProgress: request.onProgress }),
  });
  return { pdf: result.pdf, departments: result.contents };
}

/**
 * What the booklet binds: the newest *published* revision of each manifesto — a manifesto
 * whose evaluation is being drafted stays in with its published plan — or, for a proof,
 * every current revision. Both in the municipality's department order.
 */
export async function booklettedDocuments(
  ctx: ServiceContext,
  request: Pick<BookletRequest, "municipalityCode" | "fiscalYear" | "includeUnpublished">,
): Promise<ManifestoDocument[]> {
  if (request.includeUnpublished) {
    const current = await loadManifestos(ctx, {
      municipalityCode: request.municipalityCode,
      fiscalYear: request.fiscalYear,
    });
    return current.map((m) => m.document);
  }
  const published = await listPublicManifestos(ctx.db, {
    municipalityCode: request.municipalityCode,
    fiscalYear: request.fiscalYear,
  });
  // Stored documents were validated on the way in; parsing again gives typed values.
  return published.map((m) => manifestoDocumentSchema.parse(m.document));
}
