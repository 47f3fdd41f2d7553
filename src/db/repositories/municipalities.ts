import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { notifyPublicChange } from "./public-changes.ts";

export type Db = Kysely<Database>;

export interface MunicipalityRow {
  code: string;
  name: string;
  prefecture: string | null;
  documentTitle: string | null;
  documentSubtitle: string | null;
  evaluationScale: unknown | null;
  levelRules: unknown | null;
  /** 0017: domain/progress-report/settings.ts; null = the defaults. */
  progressSettings: unknown | null;
  pdfLayout: unknown | null;
  /** 0021: the second self-evaluation's scale; null = none. */
  scoreScale: unknown | null;
  /** 0021: the municipality's own tag vocabularies; null = none (SDGs etc. are built in). */
  tagVocabularies: unknown | null;
}

export async function findMunicipality(db: Db, code: string): Promise<MunicipalityRow | undefined> {
  const row = await db
    .selectFrom("municipalities")
    .select([
      "code",
      "name",
      "prefecture",
      "document_title",
      "document_subtitle",
      "evaluation_scale",
      "level_rules",
      "progress_settings",
      "pdf_layout",
      "score_scale",
      "tag_vocabularies",
    ])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    code: row.code,
    name: row.name,
    prefecture: row.prefecture,
    documentTitle: row.document_title,
    documentSubtitle: row.document_subtitle,
    evaluationScale: row.evaluation_scale,
    levelRules: row.level_rules,
    progressSettings: row.progress_settings,
    pdfLayout: row.pdf_layout,
    scoreScale: row.score_scale,
    tagVocabularies: row.tag_vocabularies,
  };
}

export async function listMunicipalities(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom("municipalities").select(["code", "name"]).orderBy("code").execute();
}

/**
 * Creates the municipality on its first document; a later document's name wins. The row is
 * read first and written only when something changes: an "on conflict do update" locks the
 * row even when its condition skips the update, and every save of the municipality's
 * manifestos comes here, so saves would queue behind each other. Only a real change tells
 * the public pages.
 */
export async function upsertMunicipality(
  db: Db,
  m: { code: string; name: string; prefecture?: string | undefined },
): Promise<void> {
  const existing = await db
    .selectFrom("municipalities")
    .select(["name", "prefecture"])
    .where("code", "=", m.code)
    .executeTakeFirst();
  const prefecture = m.prefecture ?? existing?.prefecture ?? null;
  if (existing && existing.name === m.name && existing.prefecture === prefecture) return;
  const written = existing
    ? await db
        .updateTable("municipalities")
        .set({ name: m.name, prefecture })
        .where("code", "=", m.code)
        .returning("code")
        .executeTakeFirst()
    : await db
        .insertInto("municipalities")
        .values({ code: m.code, name: m.name, prefecture })
        // A concurrent first import of the same municipality created it: theirs stands.
        .onConflict((oc) => oc.column("code").doNothing())
        .returning("code")
        .executeTakeFirst();
  if (written) await notifyPublicChange(db, m.code);
}

export interface MunicipalitySettingsPatch {
  name?: string;
  prefecture?: string | null;
  documentTitle?: string | null;
  documentSubtitle?: string | null;
  evaluationScale?: unknown | null;
  levelRules?: unknown | null;
  progressSettings?: unknown | null;
  pdfLayout?: unknown | null;
  scoreScale?: unknown | null;
  tagVocabularies?: unknown | null;
}

export async function updateMunicipalitySettings(
  db: Db,
  code: string,
  patch: MunicipalitySettingsPatch,
): Promise<void> {
  await db
    .updateTable("municipalities")
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.prefecture !== undefined && { prefecture: patch.prefecture }),
      ...(patch.documentTitle !== undefined && { document_title: patch.documentTitle }),
      ...(patch.documentSubtitle !== undefined && { document_subtitle: patch.documentSubtitle }),
      ...(patch.evaluationScale !== undefined && {
        evaluation_scale:
          patch.evaluationScale === null ? null : JSON.stringify(patch.evaluationScale),
      }),
      ...(patch.levelRules !== undefined && {
        level_rules: patch.levelRules === null ? null : JSON.stringify(patch.levelRules),
      }),
      ...(patch.progressSettings !== undefined && {
        progress_settings:
          patch.progressSettings === null ? null : JSON.stringify(patch.progressSettings),
      }),
      ...(patch.pdfLayout !== undefined && {
        pdf_layout: patch.pdfLayout === null ? null : JSON.stringify(patch.pdfLayout),
      }),
      ...(patch.scoreScale !== undefined && {
        score_scale: patch.scoreScale === null ? null : JSON.stringify(patch.scoreScale),
      }),
      ...(patch.tagVocabularies !== undefined && {
        tag_vocabularies:
          patch.tagVocabularies === null ? null : JSON.stringify(patch.tagVocabularies),
      }),
      updated_at: new Date(),
    })
    .where("code", "=", code)
    .execute();
  await notifyPublicChange(db, code);
}
