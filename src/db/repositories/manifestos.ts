import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface ManifestoKey {
  municipalityCode: string;
  fiscalYear: number;
}

export interface StoredManifesto {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  state: string;
  revision: number;
  document: unknown;
  updatedAt: Date;
}

export async function findManifestoForDepartment(
  db: Db,
  key: ManifestoKey & { departmentId: number },
): Promise<{ id: number; currentRevision: number; state: string } | undefined> {
  const row = await db
    .selectFrom("manifestos")
    .select(["id", "current_revision", "state"])
    .where("municipality_code", "=", key.municipalityCode)
    .where("fiscal_year", "=", key.fiscalYear)
    .where("department_id", "=", key.departmentId)
    .forUpdate()
    .executeTakeFirst();
  return row && { id: row.id, currentRevision: row.current_revision, state: row.state };
}

export async function insertManifesto(
  db: Db,
  m: ManifestoKey & {
    departmentId: number;
    departmentName: string;
    departmentNameKey: string;
    state: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("manifestos")
    .values({
      municipality_code: m.municipalityCode,
      fiscal_year: m.fiscalYear,
      department_id: m.departmentId,
      department_name: m.departmentName,
      department_name_key: m.departmentNameKey,
      state: m.state,
      current_revision: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ManifestoQuery extends ManifestoKey {
  /** The department's code, or its name compared after NFKC. */
  department?: { code: string; nameKey: string };
  states?: readonly string[];
}

/** Current revisions, in the municipality's department order, then by name. */
export async function listCurrentManifestos(db: Db, q: ManifestoQuery): Promise<StoredManifesto[]> {
  let query = db
    .selectFrom("manifestos as m")
    .innerJoin("departments as d", "d.id", "m.department_id")
    .innerJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "m.current_revision"),
    )
    .select([
      "m.id",
      "m.municipality_code",
      "m.fiscal_year",
      "m.department_id",
      "m.department_name",
      "m.state",
      "m.current_revision",
      "m.updated_at",
      "r.document",
    ])
    .where("m.municipality_code", "=", q.municipalityCode)
    .where("m.fiscal_year", "=", q.fiscalYear);
  if (q.department) {
    const { code, nameKey } = q.department;
    query = query.where((eb) =>
      eb.or([eb("d.code", "=", code), eb("m.department_name_key", "=", nameKey)]),
    );
  }
  if (q.states) query = query.where("m.state", "in", [...q.states]);
  const rows = await query
    .orderBy(sql`d.position nulls last`)
    .orderBy("m.department_name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    state: r.state,
    revision: r.current_revision,
    document: r.document,
    updatedAt: r.updated_at,
  }));
}

export async function listRevisions(db: Db, manifestoId: number) {
  return db
    .selectFrom("manifesto_revisions")
    .select(["revision", "source", "note", "created_by", "created_at"])
    .where("manifesto_id", "=", manifestoId)
    .orderBy("revision")
    .execute();
}

export async function countManifestos(db: Db): Promise<number> {
  const row = await db
    .selectFrom("manifestos")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The current revision's document of every manifesto of a municipality, in every year. */
export async function listCurrentDocumentsOfMunicipality(
  db: Db,
  municipalityCode: string,
): Promise<{ fiscalYear: number; departmentName: string; document: unknown }[]> {
  const rows = await db
    .selectFrom("manifestos as m")
    .innerJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "m.current_revision"),
    )
    .select(["m.fiscal_year", "m.department_name", "r.document"])
    .where("m.municipality_code", "=", municipalityCode)
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name")
    .execute();
  return rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    document: r.document,
  }));
}
