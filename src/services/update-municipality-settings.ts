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
import {
  evaluationScaleSchema,
  LIMITS,
  municipalityCodeSchema,
  text,
} from "../domain/manifesto/schema.ts";
import { formatPath, type Problem } from "../domain/manifesto/validate.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";

const settingsSchema = z.strictObject({
  code: municipalityCodeSchema,
  name: text(LIMITS.shortText)
    .refine((s) => s.trim() !== "", "must not be empty")
    .optional(),
  prefecture: text(LIMITS.shortText).nullable().optional(),
  documentTitle: text(LIMITS.shortText).nullable().optional(),
  documentSubtitle: text(LIMITS.shortText).nullable().optional(),
  evaluationScale: evaluationScaleSchema.nullable().optional(),
});
export type MunicipalitySettingsInput = z.input<typeof settingsSchema>;

export async function updateMunicipality(
  ctx: ServiceContext,
  input: unknown,
): Promise<MunicipalityRow> {
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
    await updateMunicipalitySettings(tx, code, patch);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: existing ? "municipality.updated" : "municipality.created",
      municipalityCode: code,
      detail: { changed: Object.keys(patch) },
    });
    const after = await findMunicipality(tx, code);
    if (!after) throw new Error("municipality vanished inside its own transaction");
    return after;
  });
}
