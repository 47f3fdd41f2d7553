// The evaluation scale in force for a municipality: its own setting, else the default.

import type { MunicipalityRow } from "../db/repositories/municipalities.ts";
import { type LevelRules, levelRulesSchema } from "../domain/assessment/expected-level.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import { municipalityVocabulariesSchema } from "../domain/manifesto/municipality-vocabularies.ts";
import {
  type EvaluationScale,
  evaluationScaleSchema,
  type ScoreScale,
  scoreScaleSchema,
  type TagVocabulary,
} from "../domain/manifesto/schema.ts";
import type { ValidateOptions } from "../domain/manifesto/validate.ts";
import { type PrintLayoutSetting, printLayoutSchema } from "../domain/print-layout.ts";

export function scaleFromSetting(setting: unknown): EvaluationScale | undefined {
  if (setting === null || setting === undefined) return undefined;
  const parsed = evaluationScaleSchema.safeParse(setting);
  return parsed.success ? parsed.data : undefined;
}

/** Scales whose meanings a meaning-less scale may borrow by label. */
export function knownScales(municipalityScale: EvaluationScale | undefined): EvaluationScale[] {
  return municipalityScale ? [municipalityScale, DEFAULT_SCALE] : [DEFAULT_SCALE];
}

/** The municipality's stated level rules, or undefined when it states none (defaults apply). */
export function levelRulesFromSetting(setting: unknown): LevelRules | undefined {
  if (setting === null || setting === undefined) return undefined;
  const parsed = levelRulesSchema.safeParse(setting);
  return parsed.success ? parsed.data : undefined;
}

/** The municipality's print layout, or undefined for the seed's six-column table. */
export function pdfLayoutFromSetting(setting: unknown): PrintLayoutSetting | undefined {
  if (setting === null || setting === undefined) return undefined;
  const parsed = printLayoutSchema.safeParse(setting);
  return parsed.success ? parsed.data : undefined;
}

/** The municipality's second score scale (issue 17), or undefined when it has none. */
export function scoreScaleFromSetting(setting: unknown): ScoreScale | undefined {
  if (setting === null || setting === undefined) return undefined;
  const parsed = scoreScaleSchema.safeParse(setting);
  return parsed.success ? parsed.data : undefined;
}

/** The municipality's own tag vocabularies (the built-in ones are not stored). */
export function tagVocabulariesFromSetting(setting: unknown): TagVocabulary[] {
  if (setting === null || setting === undefined) return [];
  const parsed = municipalityVocabulariesSchema.safeParse(setting);
  return parsed.success ? parsed.data : [];
}

/** What validating a document of the municipality takes from its settings. */
export function validateOptionsOf(row: MunicipalityRow | undefined): ValidateOptions {
  const scale = scaleFromSetting(row?.evaluationScale);
  const scoreScale = scoreScaleFromSetting(row?.scoreScale);
  const tagVocabularies = tagVocabulariesFromSetting(row?.tagVocabularies);
  return {
    ...(scale && { scale }),
    ...(scoreScale && { scoreScale }),
    ...(tagVocabularies.length > 0 && { tagVocabularies }),
  };
}
