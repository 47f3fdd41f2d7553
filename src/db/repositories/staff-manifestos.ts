// Manifestos as the staff workspace reads them: every query is limited to the caller's
// scope in SQL, so a record outside it is never loaded (and reads as "not found").
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Scope } from "../../domain/roles.ts";
import { type LastYearTargetRow, toLastYearTargetRows } from "./last-year-targets.ts";
import type { Db } from "./municipalities.ts";

export interface ManifestoSummary {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  state: string;
  revision: number;
  updatedAt: Date;
}

function scoped(db: Db, scope: Scope) {
  let q = db.selectFrom("manifestos as m");
  if (scope.kind !== "installation")
    q = q.where("m.municipality_code", "=", scope.municipalityCode);
  if (scope.kind === "department") q = q.where("m.department_id", "=", scope.departmentId);
  return q.select([
    "m.id",
    "m.municipality_code",
    "m.fiscal_year",
    "m.department_id",
    "m.department_name",
    "m.state",
    "m.current_revision",
    "m.updated_at",
  ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof scoped>["executeTakeFirstOrThrow"]>>;

function toSummary(r: SummaryRow): ManifestoSummary {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    state: r.state,
    revision: r.current_revision,
    updatedAt: r.updated_at,
  };
}

export async function listManifestosInScope(
  db: Db,
  scope: Scope,
  filter: { fiscalYear?: number } = {},
): Promise<ManifestoSummary[]> {
  let q = scoped(db, scope);
  if (filter.fiscalYear !== undefined) q = q.where("m.fiscal_year", "=", filter.fiscalYear);
  const rows = await q
    .orderBy("m.municipality_code")
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name_key")
    .execute();
  return rows.map(toSummary);
}

export async function findManifestoInScope(
  db: Db,
  scope: Scope,
  id: number,
): Promise<(ManifestoSummary & { document: unknown }) | undefined> {
  const row = await scoped(db, scope)
    .innerJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "m.current_revision"),
    )
    .select("r.document")
    .where("m.id", "=", id)
    .executeTakeFirst();
  return row && { ...toSummary(row), document: row.document };
}

/** The summary alone, for a write that reads the document under its lock anyway. */
export async function findManifestoSummaryInScope(
  db: Db,
  scope: Scope,
  id: number,
): Promise<ManifestoSummary | undefined> {
  const row = await scoped(db, scope).where("m.id", "=", id).executeTakeFirst();
  return row && toSummary(row);
}

export interface ManifestoForEditor {
  manifesto: ManifestoSummary;
  /** The current revision's document as the database prints it, for the response as is. */
  documentJson: string;
  evaluationScale: unknown | null;
  levelRules: unknown | null;
  scoreScale: unknown | null;
  tagVocabularies: unknown | null;
  planItems: { code: string; title: string }[];
  /** The same department's numeric targets of the year before (last-year-targets.ts). */
  lastYear: LastYearTargetRow[];
}

/**
 * Everything the editor opens with, in one statement (one round trip; on the embedded
 * database one turn of its single connection): the manifesto in scope with its document,
 * its municipality's settings, the plan structure and last year's numeric targets.
 */
export async function findManifestoForEditor(
  db: Db,
  scope: Scope,
  id: number,
): Promise<ManifestoForEditor | undefined> {
  const row = await scoped(db, scope)
    .innerJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "m.current_revision"),
    )
    .leftJoin("municipalities as mu", "mu.code", "m.municipality_code")
    .select((eb) => [
      sql<string>`r.document::text`.as("document_json"),
      "mu.evaluation_scale",
      "mu.level_rules",
      "mu.score_scale",
      "mu.tag_vocabularies",
      jsonArrayFrom(
        eb
          .selectFrom("plan_items as p")
          .select(["p.code", "p.title"])
          .whereRef("p.municipality_code", "=", "m.municipality_code")
          .orderBy("p.position"),
      ).as("plan_items"),
      jsonArrayFrom(
        eb
          .selectFrom("targets as t")
          .innerJoin("manifestos as lm", "lm.id", "t.manifesto_id")
          .innerJoin("indicators as i", "i.id", "t.indicator_id")
          .select([
            "lm.department_id",
            "t.goal_number",
            "i.name",
            "t.unit",
            "t.comparator",
            "t.target_value",
            "t.actual",
          ])
          .whereRef("lm.municipality_code", "=", "m.municipality_code")
          .where("lm.fiscal_year", "=", sql<number>`m.fiscal_year - 1`)
          .whereRef("lm.department_id", "=", "m.department_id")
          .where("t.kind", "=", "numeric")
          .orderBy("t.goal_number")
          .orderBy("t.position"),
      ).as("last_year"),
    ])
    .where("m.id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      manifesto: toSummary(row),
      documentJson: row.document_json,
      evaluationScale: row.evaluation_scale,
      levelRules: row.level_rules,
      scoreScale: row.score_scale,
      tagVocabularies: row.tag_vocabularies,
      planItems: row.plan_items,
      lastYear: toLastYearTargetRows(row.last_year),
    }
  );
}

/** The manifesto row, locked until the transaction ends: writers of one manifesto queue here. */
export async function lockManifesto(db: Db, id: number) {
  const row = await db
    .selectFrom("manifestos")
    .select([
      "id",
      "municipality_code",
      "fiscal_year",
      "department_id",
      "department_name",
      "department_name_key",
      "state",
      "current_revision",
      "updated_at",
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row;
}

export async function findRevisionDocument(
  db: Db,
  manifestoId: number,
  revision: number,
): Promise<unknown | undefined> {
  const row = await db
    .selectFrom("manifesto_revisions")
    .select("document")
    .where("manifesto_id", "=", manifestoId)
    .where("revision", "=", revision)
    .executeTakeFirst();
  return row?.document;
}

export async function listRevisionsWithDocuments(db: Db, manifestoId: number) {
  return db
    .selectFrom("manifesto_revisions")
    .select(["revision", "document", "source", "note", "created_by", "created_at"])
    .where("manifesto_id", "=", manifestoId)
    .orderBy("revision")
    .execute();
}

export interface DepartmentRef {
  id: number;
  municipalityCode: string;
  code: string | null;
  name: string;
  nameKey: string;
}

export async function findDepartmentById(db: Db, id: number): Promise<DepartmentRef | undefined> {
  const row = await db
    .selectFrom("departments")
    .select(["id", "municipality_code", "code", "name", "name_key"])
    .where("id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      municipalityCode: row.municipality_code,
      code: row.code,
      name: row.name,
      nameKey: row.name_key,
    }
  );
}

export async function findManifestoId(
  db: Db,
  key: { municipalityCode: string; fiscalYear: number; departmentId: number },
): Promise<{ id: number; state: string } | undefined> {
  return db
    .selectFrom("manifestos")
    .select(["id", "state"])
    .where("municipality_code", "=", key.municipalityCode)
    .where("fiscal_year", "=", key.fiscalYear)
    .where("department_id", "=", key.departmentId)
    .executeTakeFirst();
}
