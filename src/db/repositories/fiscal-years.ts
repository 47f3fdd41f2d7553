// A municipality's fiscal year as planning sees it: the departments expected to write a
// manifesto (those with one this year or last year), the year's manifestos, and the
// carrying forward of last year's documents when the year opens. Department roles see
// their own department only: the department filter is part of the SQL.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface YearFilter {
  municipalityCode: string;
  fiscalYear: number;
  /** Only this department (the department roles' scope). */
  departmentId?: number;
}

export interface OverviewRow {
  departmentId: number;
  departmentCode: string | null;
  /** The name this year's manifesto gives, else the department's current name. */
  departmentName: string;
  manifesto: {
    id: number;
    state: string;
    revision: number;
    updatedAt: Date;
    document: unknown;
  } | null;
}

export async function listYearOverview(db: Db, f: YearFilter): Promise<OverviewRow[]> {
  let q = db
    .selectFrom("departments as d")
    .leftJoin("manifestos as m", (join) =>
      join.onRef("m.department_id", "=", "d.id").on("m.fiscal_year", "=", f.fiscalYear),
    )
    .leftJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "m.current_revision"),
    )
    .select([
      "d.id as department_id",
      "d.code as department_code",
      "d.name",
      "m.id",
      "m.department_name",
      "m.state",
      "m.current_revision",
      "m.updated_at",
      "r.document",
    ])
    .where("d.municipality_code", "=", f.municipalityCode)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("manifestos as x")
          .select("x.id")
          .whereRef("x.department_id", "=", "d.id")
          .where("x.fiscal_year", "in", [f.fiscalYear, f.fiscalYear - 1]),
      ),
    );
  if (f.departmentId !== undefined) q = q.where("d.id", "=", f.departmentId);
  const rows = await q
    .orderBy(sql`d.position nulls last`)
    .orderBy(sql`coalesce(m.department_name_key, d.name_key)`)
    .orderBy("d.id")
    .execute();
  return rows.map((r) => ({
    departmentId: r.department_id,
    departmentCode: r.department_code,
    departmentName: r.department_name ?? r.name,
    manifesto:
      r.id === null || r.state === null || r.current_revision === null || r.updated_at === null
        ? null
        : {
            id: r.id,
            state: r.state,
            revision: r.current_revision,
            updatedAt: r.updated_at,
            document: r.document,
          },
  }));
}

/** The audit actor of the latest change (not a comment) of each manifesto. */
export async function lastChangeActors(
  db: Db,
  manifestoIds: readonly number[],
): Promise<Map<number, string>> {
  if (manifestoIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("audit_events")
    .distinctOn("manifesto_id")
    .select(["manifesto_id", "actor"])
    .where("manifesto_id", "in", [...manifestoIds])
    .where("action", "not like", "manifesto.comment%")
    .orderBy("manifesto_id")
    .orderBy("id", "desc")
    .execute();
  return new Map(rows.flatMap((r) => (r.manifesto_id === null ? [] : [[r.manifesto_id, r.actor]])));
}

/** The fiscal years with a manifesto, newest first. */
export async function listFiscalYears(
  db: Db,
  f: { municipalityCode: string; departmentId?: number },
): Promise<number[]> {
  let q = db
    .selectFrom("manifestos")
    .select("fiscal_year")
    .distinct()
    .where("municipality_code", "=", f.municipalityCode);
  if (f.departmentId !== undefined) q = q.where("department_id", "=", f.departmentId);
  const rows = await q.orderBy("fiscal_year", "desc").execute();
  return rows.map((r) => r.fiscal_year);
}

export interface PreviousManifesto {
  id: number;
  departmentId: number;
  departmentName: string;
  revision: number;
  document: unknown;
  /** This year's manifesto of the department, when there is one already. */
  existingId: number | null;
}

/** Last year's manifestos of the municipality, with this year's of the same department. */
export async function listCarryForwardCandidates(
  db: Db,
  f: { municipalityCode: string; fiscalYear: number },
): Promise<PreviousManifesto[]> {
  const rows = await db
    .selectFrom("manifestos as p")
    .innerJoin("departments as d", "d.id", "p.department_id")
    .innerJoin("manifesto_revisions as r", (join) =>
      join.onRef("r.manifesto_id", "=", "p.id").onRef("r.revision", "=", "p.current_revision"),
    )
    .leftJoin("manifestos as n", (join) =>
      join.onRef("n.department_id", "=", "p.department_id").on("n.fiscal_year", "=", f.fiscalYear),
    )
    .select([
      "p.id",
      "p.department_id",
      "p.department_name",
      "p.current_revision",
      "r.document",
      "n.id as existing_id",
    ])
    .where("p.municipality_code", "=", f.municipalityCode)
    .where("p.fiscal_year", "=", f.fiscalYear - 1)
    // A department retired by that year (a reorganisation, migration 0010) is not carried on.
    .where((eb) =>
      eb.or([eb("d.retired_from_year", "is", null), eb("d.retired_from_year", ">", f.fiscalYear)]),
    )
    .orderBy(sql`d.position nulls last`)
    .orderBy("p.department_name_key")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    departmentName: r.department_name,
    revision: r.current_revision,
    document: r.document,
    existingId: r.existing_id,
  }));
}

/**
 * A new manifesto row, unless the department has one for the year already (another request
 * got there first): then nothing is written and undefined comes back.
 */
export async function insertManifestoIfAbsent(
  db: Db,
  m: {
    municipalityCode: string;
    fiscalYear: number;
    departmentId: number;
    departmentName: string;
    departmentNameKey: string;
    state: string;
  },
): Promise<number | undefined> {
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
    .onConflict((oc) =>
      oc.columns(["municipality_code", "fiscal_year", "department_id"]).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}
