// The planning division's settings for a municipality: names, the document's title and
// subtitle, and the evaluation scale. Creating a municipality needs its name.

import { z } from "zod";
import { recordAuditEvent } from "../db/repositories/audit-events.ts";
import {
  findMunicipality,
  type MunicipalityRow,
  updateMunicipalitySettings,
  upsertMunicipality,
} from "../db/repositories/municipalities.ts";
import { levelRulesSchema, levelsMissingFromScale } from "../domain/assessment/expected-level.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import { municipalityVocabulariesSchema } from "../domain/manifesto/municipality-vocabularies.ts";
import {
  evaluationScaleSchema,
  LIMITS,
  municipalityCodeSchema,
  scoreScaleSchema,
  text,
} from "../domain/manifesto/schema.ts";
import { formatPath, type Problem } from "../domain/manifesto/validate.ts";
import { printLayoutSchema } from "../domain/print-layout.ts";
import { progressSettingsSchema } from "../domain/progress-report/settings.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { levelRulesFromSetting, scaleFromSetting } from "./municipality-scale.ts";
import { refuseStrandingSettings } from "./refuse-stranding-settings.ts";

const settingsSchema = z.strictObject({
  code: municipalityCodeSchema,
  name: text(LIMITS.shortText)
    .refine((s) => s.trim() !== "", "must not be empty")
    .optional(),
  prefecture: text(LIMITS.shortText).nullable().optional(),
  documentTitle: text(LIMITS.shortText).nullable().optional(),
  documentSubtitle: text(LIMITS.shortText).nullable().optional(),
  evaluationScale: evaluationScaleSchema.nullable().optional(),
  levelRules: levelRulesSchema.nullable().optional(),
  progressSettings: progressSettingsSchema.nullable().optional(),
  pdfLayout: printLayoutSchema.nullable().optional(),
  scoreScale: scoreScaleSchema.nullable().optional(),
  tagVocabularies: municipalityVocabulariesSchema.nullable().optional(),
});
export type MunicipalitySettingsInput = z.input<typeof settingsSchema>;

/**
 * Every level the stated rules give must be a level of the scale in force after the change
 * (a new scale and rules set together are checked against each other).
 */
function requireRuleLevelsOnScale(
  s: z.infer<typeof settingsSchema>,
  existing: MunicipalityRow | undefined,
): void {
  const rules =
    s.levelRules === undefined ? levelRulesFromSetting(existing?.levelRules) : s.levelRules;
  if (!rules) return;
  const scale =
    (s.evaluationScale === undefined
      ? scaleFromSetting(existing?.evaluationScale)
      : s.evaluationScale) ?? DEFAULT_SCALE;
  const missing = levelsMissingFromScale(rules, scale);
  if (missing.length > 0) {
    throw new ValidationError("the level rules name levels the scale does not have", [
      {
        path: "levelRules",
        message: `判定基準のレベル ${missing.join("、")} は評価尺度「${scale.name}」にありません`,
      },
    ]);
  }
}

/** The municipality after the change, and whether this call created it. */
export interface MunicipalityUpdate {
  municipality: MunicipalityRow;
  created: boolean;
}

export async function updateMunicipality(
  ctx: ServiceContext,
  input: unknown,
): Promise<MunicipalityUpdate> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    }));
    throw new ValidationError("the municipality settings are not valid", problems);
  }
  const s = parsed.data;
  return ctx.db.transaction().execute(async (tx) => {
    const existing = await findMunicipality(tx, s.code);
    if (!existing) {
      if (s.name === undefined) {
        throw new ValidationError(`municipality ${s.code} does not exist yet`, [
          { path: "name", message: "is required to create a municipality" },
        ]);
      }
      await upsertMunicipality(tx, {
        code: s.code,
        name: s.name,
        prefecture: s.prefecture ?? undefined,
      });
    }
    const { code, ...patch } = s;
    requireRuleLevelsOnScale(s, existing);
    await refuseStrandingSettings(
      tx,
      code,
      { scale: s.evaluationScale, scoreScale: s.scoreScale, tagVocabularies: s.tagVocabularies },
      {
        message: "the change takes away what stored manifestos use",
        fieldOf: (setting) => setting,
      },
    );
    await updateMunicipalitySettings(tx, code, patch);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: existing ? "municipality.updated" : "municipality.created",
      municipalityCode: code,
      detail: { changed: Object.keys(patch) },
    });
    const after = await findMunicipality(tx, code);
    if (!after) throw new Error("municipality vanished inside its own transaction");
    return { municipality: after, created: !existing };
  });
}
