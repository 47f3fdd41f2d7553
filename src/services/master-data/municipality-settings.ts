// Registering a municipality and changing its settings (name, reading, prefecture, the
// document's title and subtitle, the evaluation scale), with Japanese problems naming the
// field; nothing is written when anything is wrong.
import { sql } from "kysely";
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  findMunicipality,
  type MunicipalityRow,
  updateMunicipalitySettings,
} from "../../db/repositories/municipalities.ts";
import { notifyPublicChange } from "../../db/repositories/public-changes.ts";
import { japanesePath } from "../../domain/manifesto/japanese-messages.ts";
import { type EvaluationScale, evaluationScaleSchema } from "../../domain/manifesto/schema.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { scaleProblems } from "../../domain/master-data/scale-presets.ts";
import { canCreateMunicipality } from "../../domain/permissions.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { refuseStrandingSettings } from "../refuse-stranding-settings.ts";
import { municipalityForMasterData, refuse } from "./access.ts";
import { checkScoreScale, checkTagVocabularies } from "./extension-settings.ts";
import { lookUpLocalGovernment } from "./local-government-codes.ts";

const MAX = 200;

export interface SettingsInput {
  name?: string | undefined;
  nameKana?: string | null | undefined;
  prefecture?: string | null | undefined;
  documentTitle?: string | null | undefined;
  documentSubtitle?: string | null | undefined;
  evaluationScale?: unknown;
  /** The second self-evaluation's scale (issue 17); null = none. */
  scoreScale?: unknown;
  /** The municipality's own tag vocabularies beside SDGs and 指標の分類; null or [] = none. */
  tagVocabularies?: unknown;
}

const LABELS: Record<keyof SettingsInput, string> = {
  name: "団体名",
  nameKana: "よみがな",
  prefecture: "都道府県",
  documentTitle: "文書名",
  documentSubtitle: "副題",
  evaluationScale: "評価段階",
  scoreScale: "第二の評価基準",
  tagVocabularies: "タグの語彙",
};

function settingsProblems(s: SettingsInput, creating: boolean): Problem[] {
  const problems: Problem[] = [];
  if ((creating || s.name !== undefined) && (s.name ?? "").trim() === "") {
    problems.push({ path: LABELS.name, message: "団体名を入力してください" });
  }
  for (const key of [
    "name",
    "nameKana",
    "prefecture",
    "documentTitle",
    "documentSubtitle",
  ] as const) {
    const v = s[key];
    if (typeof v === "string" && [...v].length > MAX) {
      problems.push({ path: LABELS[key], message: `${MAX}文字以内で入力してください` });
    }
  }
  return problems;
}

function checkedScale(raw: unknown): EvaluationScale | null {
  if (raw === null) return null;
  const problems = scaleProblems((raw ?? {}) as Parameters<typeof scaleProblems>[0]);
  if (problems.length > 0) refuse("評価段階に問題があります", problems);
  const parsed = evaluationScaleSchema.safeParse(raw);
  if (!parsed.success) {
    refuse(
      "評価段階に問題があります",
      parsed.error.issues.map((i) => ({
        path: `評価段階${typeof i.path[1] === "number" ? `の段階${i.path[1] + 1}` : ""}`,
        message: "表示は200文字以内、番号は -100〜100 の整数にしてください",
      })),
    );
  }
  return parsed.data;
}

export async function createMunicipality(
  ctx: StaffContext,
  input: SettingsInput & { code: string },
): Promise<MunicipalityRow> {
  const lookup = lookUpLocalGovernment(input.code);
  if (!lookup.ok) refuse(lookup.message, [{ path: "団体コード", message: lookup.message }]);
  if (!canCreateMunicipality(ctx.user, input.code)) {
    throw new AppError("forbidden", "自治体を登録できるのはシステム管理者だけです");
  }
  const problems = settingsProblems(input, true);
  if (problems.length > 0) refuse("自治体を登録できません", problems);
  const scale =
    input.evaluationScale === undefined ? undefined : checkedScale(input.evaluationScale);
  return ctx.db.transaction().execute(async (tx) => {
    if (await findMunicipality(tx, input.code)) {
      throw new AppError("conflict", `団体コード ${input.code} の自治体はすでに登録されています`, [
        { path: "団体コード", message: "すでに登録されています" },
      ]);
    }
    await tx
      .insertInto("municipalities")
      .values({
        code: input.code,
        name: input.name ?? "",
        prefecture: input.prefecture ?? null,
        name_kana: input.nameKana ?? null,
        document_title: input.documentTitle ?? null,
        document_subtitle: input.documentSubtitle ?? null,
        evaluation_scale: scale ? JSON.stringify(scale) : null,
      })
      .execute();
    await notifyPublicChange(tx, input.code);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "municipality.created",
      municipalityCode: input.code,
      detail: { name: input.name },
    });
    const row = await findMunicipality(tx, input.code);
    if (!row) throw new Error("municipality vanished inside its own transaction");
    return row;
  });
}

export async function saveMunicipalitySettings(
  ctx: StaffContext,
  code: string,
  input: SettingsInput,
): Promise<MunicipalityRow> {
  await municipalityForMasterData(ctx, code, "manage");
  const problems = settingsProblems(input, false);
  const scoreScale = input.scoreScale === undefined ? undefined : checkScoreScale(input.scoreScale);
  const vocabularies =
    input.tagVocabularies === undefined ? undefined : checkTagVocabularies(input.tagVocabularies);
  for (const checked of [scoreScale, vocabularies]) {
    if (checked && !checked.ok) problems.push(...checked.problems);
  }
  if (problems.length > 0) refuse("自治体の設定を保存できません", problems);
  const scale =
    input.evaluationScale === undefined ? undefined : checkedScale(input.evaluationScale);
  return ctx.db.transaction().execute(async (tx) => {
    await refuseStrandingSettings(
      tx,
      code,
      {
        ...(scale !== undefined && { scale }),
        ...(scoreScale?.ok && { scoreScale: scoreScale.value }),
        ...(vocabularies?.ok && { tagVocabularies: vocabularies.value }),
      },
      {
        message: "自治体の設定を保存できません",
        fieldOf: (setting) => LABELS[setting],
        // 「目標5 の タグ 1」, as the editor's own messages name the place.
        placeOf: japanesePath,
      },
    );
    const {
      nameKana,
      evaluationScale: _,
      scoreScale: _score,
      tagVocabularies: _tags,
      ...rest
    } = input;
    await updateMunicipalitySettings(tx, code, {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(scale !== undefined && { evaluationScale: scale }),
      ...(scoreScale?.ok && { scoreScale: scoreScale.value }),
      ...(vocabularies?.ok && { tagVocabularies: vocabularies.value }),
    });
    if (nameKana !== undefined) {
      await tx
        .updateTable("municipalities")
        .set({ name_kana: nameKana, updated_at: sql`now()` })
        .where("code", "=", code)
        .execute();
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "municipality.updated",
      municipalityCode: code,
      detail: {
        changed: Object.keys(input).filter(
          (k) => (input as Record<string, unknown>)[k] !== undefined,
        ),
      },
    });
    const row = await findMunicipality(tx, code);
    if (!row) throw new Error("municipality vanished inside its own transaction");
    return row;
  });
}
