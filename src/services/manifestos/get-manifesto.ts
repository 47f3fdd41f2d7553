// One manifesto for the editor: its current document exactly as stored, and what the
// caller may do with it. Outside the caller's scope it does not exist (404, not 403).
import {
  findManifestoForEditor,
  type ManifestoSummary,
} from "../../db/repositories/staff-manifestos.ts";
import type { LevelRules } from "../../domain/assessment/expected-level.ts";
import type { EvaluationScale, ScoreScale, TagVocabulary } from "../../domain/manifesto/schema.ts";
import { type ManifestoPermissions, manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import {
  groupLastYearByDepartment,
  type LastYearSeries,
  lastYearOf,
} from "../assess-manifestos.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import {
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
  tagVocabulariesFromSetting,
} from "../municipality-scale.ts";

export interface StaffManifesto {
  manifesto: ManifestoSummary;
  /**
   * The document as stored, as JSON text: the response carries it as it is, rather than
   * parsing 10–100 kB of JSON per read only to print it again.
   */
  documentJson: string;
  allowed: ManifestoPermissions;
  /** What the editor offers beside the document: the municipality's own settings. */
  context: {
    /** The municipality's evaluation scale, for a document that names none. */
    evaluationScale: EvaluationScale | null;
    /** The plan structure（施策・基本事業）to choose policy refs from. */
    planItems: { code: string; title: string }[];
    /** The municipality's stated level rules; null = the defaults read from the scale. */
    levelRules: LevelRules | null;
    /**
     * Last year's numeric targets of the same department, for the checks against history
     * beside each target (target_below_last_actual, target_lowered, indicator_dropped);
     * null when the department had none.
     */
    lastYear: LastYearSeries | null;
    /** The municipality's second score scale, for a document that names none (issue 17). */
    scoreScale: ScoreScale | null;
    /** The municipality's own tag vocabularies, offered beside SDGs and 指標の分類. */
    tagVocabularies: TagVocabulary[];
  };
}

export async function getStaffManifesto(ctx: StaffContext, id: number): Promise<StaffManifesto> {
  const found = await findManifestoForEditor(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  const { manifesto } = found;
  return {
    manifesto,
    documentJson: found.documentJson,
    allowed: manifestoPermissions(ctx.user, manifesto),
    context: {
      evaluationScale: scaleFromSetting(found.evaluationScale) ?? null,
      planItems: found.planItems,
      levelRules: levelRulesFromSetting(found.levelRules) ?? null,
      lastYear:
        lastYearOf(
          groupLastYearByDepartment(found.lastYear),
          manifesto.departmentId,
          manifesto.fiscalYear,
        ) ?? null,
      scoreScale: scoreScaleFromSetting(found.scoreScale) ?? null,
      tagVocabularies: tagVocabulariesFromSetting(found.tagVocabularies),
    },
  };
}
