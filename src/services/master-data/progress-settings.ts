// 中間報告の設定 on the municipality's settings page: the municipality's own status words (each
// saying whether it means behind schedule) and the day the report is due — what
// `tassei municipality set --progress` sets. Administrators change it; the municipality's staff
// read it. Problems name the field in Japanese; nothing is written when anything is wrong.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { updateMunicipalitySettings } from "../../db/repositories/municipalities.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { masterDataPermissions } from "../../domain/permissions.ts";
import {
  type ProgressSettings,
  progressSettingsFrom,
  progressSettingsSchema,
} from "../../domain/progress-report/settings.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData, refuse } from "./access.ts";

export interface ProgressSettingsView {
  settings: ProgressSettings;
  /** No setting of its own: the defaults 順調 / やや遅れ / 遅れ, due on 10-31. */
  isDefault: boolean;
  allowed: { read: boolean; manage: boolean };
}

function view(ctx: StaffContext, code: string, stored: unknown): ProgressSettingsView {
  return {
    settings: progressSettingsFrom(stored),
    isDefault: stored === null || stored === undefined,
    allowed: masterDataPermissions(ctx.user, { municipalityCode: code }),
  };
}

export async function getProgressSettings(
  ctx: StaffContext,
  code: string,
): Promise<ProgressSettingsView> {
  const m = await municipalityForMasterData(ctx, code, "read");
  return view(ctx, code, m.progressSettings);
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path[0] === "dueMonthDay") return "提出期限";
  if (path[0] === "statuses" && typeof path[1] === "number") return `状況${path[1] + 1}の語`;
  return "状況の語";
}

function problemsOf(input: unknown): { settings: ProgressSettings | null; problems: Problem[] } {
  if (input === null) return { settings: null, problems: [] };
  const parsed = progressSettingsSchema.safeParse(input);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return {
    settings: null,
    problems: parsed.error.issues.map((i) => {
      const field = fieldName(i.path);
      const message =
        field === "提出期限"
          ? "月-日（例: 10-31）で入力してください"
          : i.path.length === 1 && i.code === "custom"
            ? "同じ語が重なっています"
            : field === "状況の語"
              ? "1〜10語にしてください"
              : "1〜20文字で入力してください";
      return { path: field, message };
    }),
  };
}

/** Saves the municipality's words and due day; `null` goes back to the defaults. */
export async function saveProgressSettings(
  ctx: StaffContext,
  code: string,
  input: unknown,
): Promise<ProgressSettingsView> {
  await municipalityForMasterData(ctx, code, "manage");
  const { settings, problems } = problemsOf(input);
  if (problems.length > 0) refuse("中間報告の設定を保存できません", problems);
  return ctx.db.transaction().execute(async (tx) => {
    await updateMunicipalitySettings(tx, code, { progressSettings: settings });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "municipality.updated",
      municipalityCode: code,
      detail: { changed: ["progressSettings"] },
    });
    return view(ctx, code, settings);
  });
}
