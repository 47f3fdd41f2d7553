// Export a manifesto as tassei.manifesto/v1: the stored document, key for key (with the
// municipality's and department's names as registered, master data), plus the
// municipality's defaults the document relies on (its scale, title, subtitle), so that
// every export is self-describing (FORMAT.md), and the acknowledged progress reports as
// goals[].progress (domain/progress-report/export.ts).

import { departmentNameForYear } from "../db/repositories/departments.ts";
import type { MunicipalityRow } from "../db/repositories/municipalities.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import type { EvaluationScale, ManifestoDocument, ScoreScale } from "../domain/manifesto/schema.ts";
import { tagsIn } from "../domain/manifesto/tags.ts";
import type { PrintLayoutSetting } from "../domain/print-layout.ts";
import { withAcknowledgedProgress } from "../domain/progress-report/export.ts";
import type { ServiceContext } from "./context.ts";
import {
  loadOneManifesto,
  type ManifestoSelector,
  requireMunicipality,
} from "./find-manifestos.ts";
import {
  pdfLayoutFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
  tagVocabulariesFromSetting,
} from "./municipality-scale.ts";
import { acknowledgedProgress } from "./progress/acknowledged-progress.ts";

export function withMunicipalityDefaults(
  doc: ManifestoDocument,
  municipality: MunicipalityRow,
  /** The department's registered name in the document's year (master data). */
  departmentName?: string,
): ManifestoDocument {
  // Names are the master data's: a document stored before a rename is exported renamed.
  const out: ManifestoDocument = {
    ...doc,
    municipality: { ...doc.municipality, name: municipality.name },
    ...(departmentName !== undefined && {
      department: { ...doc.department, name: departmentName },
    }),
  };
  if (out.documentTitle === undefined && municipality.documentTitle !== null) {
    out.documentTitle = municipality.documentTitle;
  }
  if (out.documentSubtitle === undefined && municipality.documentSubtitle !== null) {
    out.documentSubtitle = municipality.documentSubtitle;
  }
  if (out.evaluationScale === undefined) {
    out.evaluationScale = scaleFromSetting(municipality.evaluationScale) ?? DEFAULT_SCALE;
  }
  return orderKeys(withMunicipalityExtensions(out, municipality));
}

/**
 * The municipality's second scale and its vocabularies, where the document relies on them
 * without carrying them (a score, a tag of the municipality's vocabulary): the export then
 * says what they mean. A document that uses neither exports exactly as before.
 */
function withMunicipalityExtensions(
  doc: ManifestoDocument,
  municipality: MunicipalityRow,
): ManifestoDocument {
  const out = { ...doc };
  const scoreScale = scoreScaleFromSetting(municipality.scoreScale);
  if (out.scoreScale === undefined && scoreScale && hasScore(doc)) out.scoreScale = scoreScale;
  const own = new Set((doc.tagVocabularies ?? []).map((v) => v.id));
  const used = new Set(tagsIn(doc).map((ref) => ref.slice(0, ref.indexOf(":"))));
  const needed = tagVocabulariesFromSetting(municipality.tagVocabularies).filter(
    (v) => used.has(v.id) && !own.has(v.id),
  );
  if (needed.length > 0) out.tagVocabularies = [...(doc.tagVocabularies ?? []), ...needed];
  return out;
}

function hasScore(doc: ManifestoDocument): boolean {
  return doc.goals.some((g) => g.evaluation?.score !== undefined);
}

/** Keys in the order FORMAT.md lists them, so exports read the same every time. */
function orderKeys(doc: ManifestoDocument): ManifestoDocument {
  const order = [
    "format",
    "municipality",
    "fiscalYear",
    "documentTitle",
    "documentSubtitle",
    "department",
    "evaluationScale",
    "scoreScale",
    "tagVocabularies",
    "goals",
  ] as const;
  const out: Record<string, unknown> = {};
  for (const k of order) if (doc[k] !== undefined) out[k] = doc[k];
  return out as ManifestoDocument;
}

export async function exportManifesto(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
): Promise<ManifestoDocument> {
  return (await exportManifestoWithScale(ctx, selector)).doc;
}

/**
 * The export and the municipality's own scale (undefined = the default), read once for
 * the renderers that need both (Excel, PDF).
 */
export async function exportManifestoWithScale(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
): Promise<{
  doc: ManifestoDocument;
  scale: EvaluationScale | undefined;
  /** The municipality's second scale; undefined = none. */
  scoreScale: ScoreScale | undefined;
  /** The municipality's print layout; undefined = the seed's table. */
  pdfLayout: PrintLayoutSetting | undefined;
}> {
  const municipality = await requireMunicipality(ctx, selector.municipalityCode);
  const manifesto = await loadOneManifesto(ctx, selector);
  const departmentName = await departmentNameForYear(
    ctx.db,
    manifesto.departmentId,
    manifesto.fiscalYear,
  );
  return {
    doc: withAcknowledgedProgress(
      withMunicipalityDefaults(manifesto.document, municipality, departmentName),
      await acknowledgedProgress(ctx, manifesto.id),
    ),
    scale: scaleFromSetting(municipality.evaluationScale),
    scoreScale: scoreScaleFromSetting(municipality.scoreScale),
    pdfLayout: pdfLayoutFromSetting(municipality.pdfLayout),
  };
}
