// A municipality's settings as `tassei municipality show` prints them: each setting in force,
// the default where the municipality states none, and which ones are the defaults.
import { defaultLevelRules } from "../domain/assessment/expected-level.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import { BUILT_IN_VOCABULARIES } from "../domain/manifesto/tags.ts";
import { progressSettingsFrom } from "../domain/progress-report/settings.ts";
import { municipalityInput } from "./admin-input.ts";
import type { ServiceContext } from "./context.ts";
import { requireMunicipality } from "./find-manifestos.ts";
import {
  levelRulesFromSetting,
  pdfLayoutFromSetting,
  scaleFromSetting,
  scoreScaleFromSetting,
  tagVocabulariesFromSetting,
} from "./municipality-scale.ts";

export async function showMunicipality(ctx: ServiceContext, input: unknown) {
  const m = await requireMunicipality(ctx, municipalityInput(input));
  const own = scaleFromSetting(m.evaluationScale);
  const ownRules = levelRulesFromSetting(m.levelRules);
  return {
    code: m.code,
    name: m.name,
    prefecture: m.prefecture,
    documentTitle: m.documentTitle,
    documentSubtitle: m.documentSubtitle,
    evaluationScale: own ?? DEFAULT_SCALE,
    evaluationScaleIsDefault: own === undefined,
    levelRules: ownRules ?? defaultLevelRules(own ?? DEFAULT_SCALE),
    levelRulesAreDefault: ownRules === undefined,
    progressSettings: progressSettingsFrom(m.progressSettings),
    progressSettingsAreDefault: m.progressSettings === null,
    pdfLayout: pdfLayoutFromSetting(m.pdfLayout) ?? { preset: "manifesto" },
    scoreScale: scoreScaleFromSetting(m.scoreScale) ?? null,
    tagVocabularies: tagVocabulariesFromSetting(m.tagVocabularies),
    builtInTagVocabularies: BUILT_IN_VOCABULARIES.map((v) => v.id),
  };
}
