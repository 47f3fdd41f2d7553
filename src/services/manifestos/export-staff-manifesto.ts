// A manifesto for a staff download, drafts included: the document as `tassei export`
// writes it (with the municipality's defaults and acknowledged progress), its scale and its assessment, for the JSON,
// Excel and PDF renderers. Outside the caller's scope it does not exist (404, not 403).
import { departmentNameForYear } from "../../db/repositories/departments.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import { assessManifesto, type ManifestoAssessment } from "../../domain/assessment/index.ts";
import {
  type EvaluationScale,
  type ManifestoDocument,
  manifestoDocumentSchema,
  type ScoreScale,
} from "../../domain/manifesto/schema.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import type { PrintLayoutSetting } from "../../domain/print-layout.ts";
import { withAcknowledgedProgress } from "../../domain/progress-report/export.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { withMunicipalityDefaults } from "../export-manifesto.ts";
import { requireMunicipality } from "../find-manifestos.ts";
import {
  knownScales,
  levelRulesFromSetting,
  pdfLayoutFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "../municipality-scale.ts";
import { acknowledgedProgress } from "../progress/acknowledged-progress.ts";

export interface StaffExport {
  doc: ManifestoDocument;
  /** The municipality's own scale; undefined = the default. */
  scale: EvaluationScale | undefined;
  assessment: ManifestoAssessment;
  /** The municipality's second scale, printed in the PDF's legend; undefined = none. */
  scoreScale: ScoreScale | undefined;
  /** Which fields the municipality's PDF prints; undefined = the seed's table. */
  pdfLayout: PrintLayoutSetting | undefined;
  /** `<municipality code>-<fiscal year>-<department>`, the portal's file names too. */
  fileBase: string;
}

export async function exportStaffManifesto(ctx: StaffContext, id: number): Promise<StaffExport> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found || !manifestoPermissions(ctx.user, found).read) {
    throw new NotFoundError(`no manifesto ${id}`);
  }
  const municipality = await requireMunicipality(ctx, found.municipalityCode);
  // Stored documents were validated on the way in; parsing again gives typed values.
  const doc = withAcknowledgedProgress(
    withMunicipalityDefaults(
      manifestoDocumentSchema.parse(found.document),
      municipality,
      await departmentNameForYear(ctx.db, found.departmentId, found.fiscalYear),
    ),
    await acknowledgedProgress(ctx, found.id),
  );
  const scale = scaleFromSetting(municipality.evaluationScale);
  const levelRules = levelRulesFromSetting(municipality.levelRules);
  return {
    doc,
    scale,
    assessment: assessManifesto(doc, {
      ...(scale && { scale }),
      knownScales: knownScales(scale),
      ...(levelRules && { levelRules }),
    }),
    scoreScale: scoreScaleFromSetting(municipality.scoreScale),
    pdfLayout: pdfLayoutFromSetting(municipality.pdfLayout),
    fileBase: `${found.municipalityCode}-${found.fiscalYear}-${found.departmentName}`,
  };
}
