// The evaluation scale in force for a municipality: its own setting, else the default.
import { type LevelRules, levelRulesSchema } from "../domain/assessment/expected-level.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import { type EvaluationScale, evaluationScaleSchema } from "../domain/manifesto/schema.ts";
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
