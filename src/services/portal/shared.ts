// What the public use cases share: the municipality as citizens may see it (one with a
// published manifesto), and a published document read back with its scale and assessment.

import { findMunicipality, type MunicipalityRow } from "../../db/repositories/municipalities.ts";
import { listPlanItems } from "../../db/repositories/plan-items.ts";
import {
  findPublicMunicipality,
  type PublicManifesto,
} from "../../db/repositories/public-manifestos.ts";
import {
  assessManifesto,
  type LevelRules,
  type ManifestoAssessment,
} from "../../domain/assessment/index.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import {
  type EvaluationScale,
  type ManifestoDocument,
  manifestoDocumentSchema,
  type ScoreScale,
} from "../../domain/manifesto/schema.ts";
import { policyRefKey } from "../../domain/policy-refs.ts";
import { comparisonKey } from "../../domain/text.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import {
  knownScales,
  levelRulesFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
} from "../municipality-scale.ts";

export interface PublicMunicipality {
  code: string;
  name: string;
  prefecture: string | null;
  row: MunicipalityRow;
  /** The municipality's own scale, when it has set one. */
  scale: EvaluationScale | undefined;
  /** The municipality's stated level rules; undefined = the defaults read from the scale. */
  levelRules?: LevelRules | undefined;
  /** The municipality's second score scale (issue 17), when it has set one. */
  scoreScale?: ScoreScale | undefined;
}

export async function requirePublicMunicipality(
  ctx: ServiceContext,
  code: string,
): Promise<PublicMunicipality> {
  const visible = await findPublicMunicipality(ctx.db, code);
  const row = visible ? await findMunicipality(ctx.db, code) : undefined;
  return publicMunicipalityOf(code, visible ? row : undefined);
}

/** The municipality as citizens see it, from its row; NotFoundError when there is none. */
export function publicMunicipalityOf(
  code: string,
  row: MunicipalityRow | undefined,
): PublicMunicipality {
  if (!row) throw new NotFoundError(`municipality ${code} has nothing published`);
  return {
    code: row.code,
    name: row.name,
    prefecture: row.prefecture,
    row,
    scale: scaleFromSetting(row.evaluationScale),
    levelRules: levelRulesFromSetting(row.levelRules),
    scoreScale: scoreScaleFromSetting(row.scoreScale),
  };
}

export function departmentRef(department: string) {
  return { code: department, nameKey: comparisonKey(department) };
}

export interface ReadManifesto {
  stored: PublicManifesto;
  document: ManifestoDocument;
  scale: EvaluationScale;
  assessment: ManifestoAssessment;
}

/** Plan titles by policy-reference key (`7-1-1`), for showing refs with their names. */
export async function planTitles(ctx: ServiceContext, municipalityCode: string) {
  const items = await listPlanItems(ctx.db, municipalityCode);
  return new Map(items.map((i) => [i.key, i.title] as const));
}

export function readManifesto(
  stored: PublicManifesto,
  municipality: PublicMunicipality,
  plan: ReadonlyMap<string, string>,
): ReadManifesto {
  // Stored documents were validated on the way in; parsing again gives typed values.
  const document = manifestoDocumentSchema.parse(stored.document);
  const scale = document.evaluationScale ?? municipality.scale ?? DEFAULT_SCALE;
  const assessment = assessManifesto(document, {
    ...(municipality.scale && { scale: municipality.scale }),
    knownScales: knownScales(municipality.scale),
    planCodes: [...plan.keys()],
    ...(municipality.levelRules && { levelRules: municipality.levelRules }),
    ...(municipality.scoreScale && { scoreScale: municipality.scoreScale }),
  });
  return { stored, document, scale, assessment };
}

export function planTitleOf(plan: ReadonlyMap<string, string>, ref: string): string | undefined {
  return plan.get(policyRefKey(ref));
}
