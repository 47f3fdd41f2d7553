import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

// Departments are master data: documents copy their names and codes from here, and nothing
// a document says is written back (src/services/manifestos/master-data.ts).

export interface DepartmentRow {
  id: number;
  municipalityCode: string;
  code: string | null;
  name: string;
}

function toRow(r: {
  id: number;
  municipality_code: string;
  code: string | null;
  name: string;
}): DepartmentRow {
  return { id: r.id, municipalityCode: r.municipality_code, code: r.code, name: r.name };
}

const COLUMNS = ["id", "municipality_code", "code", "name"] as const;

/**
 * The department a document names: by its own code when the document gives one and a
 * department has it, else by its (NFKC-compared) name. Read-only.
 */
export async function findNamedDepartment(
  db: Db,
  municipalityCode: string,
  named: { code?: string | undefined; nameKey: string },
): Promise<DepartmentRow | undefined> {
  if (named.code) {
    const byCode = await db
      .selectFrom("departments")
      .select(COLUMNS)
      .where("municipality_code", "=", municipalityCode)
      .where("code", "=", named.code)
      .executeTakeFirst();
    if (byCode) return toRow(byCode);
  }
  const byName = await db
    .selectFrom("departments")
    .select(COLUMNS)
    .where("municipality_code", "=", municipalityCode)
    .where("name_key", "=", named.nameKey)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return byName && toRow(byName);
}

export async function findDepartment(db: Db, id: number): Promise<DepartmentRow | undefined> {
  const row = await db
    .selectFrom("departments")
    .select(COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toRow(row);
}

/**
 * The name of department `d` in a fiscal year: the one in force that year (renames take
 * effect from a year: migration 0010), else the current one.
 */
function nameInYear(fiscalYear: number) {
  return sql<string>`coalesce((
    select n.name from department_names n
     where n.department_id = d.id and n.from_year <= ${fiscalYear}
     order by n.from_year desc limit 1), d.name)`;
}

/**
 * The name the department has in a fiscal year: the one every document of that year
 * carries. The one place that answers this question (also for departmentForDocument).
 */
export async function departmentNameForYear(
  db: Db,
  departmentId: number,
  fiscalYear: number,
): Promise<string> {
  const row = await db
    .selectFrom("departments as d")
    .select(nameInYear(fiscalYear).as("name"))
    .where("d.id", "=", departmentId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/**
 * What a stored document copies from the master data, in one statement: the department's
 * code and its name in the fiscal year (as departmentNameForYear), and the municipality's
 * registered name and prefecture. Undefined when the department does not exist.
 */
export async function departmentForDocument(
  db: Db,
  q: { municipalityCode: string; departmentId: number; fiscalYear: number },
): Promise<
  | {
      code: string | null;
      nameInYear: string;
      municipality: { name: string; prefecture: string | null } | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom("departments as d")
    .leftJoin("municipalities as mu", (join) => join.on("mu.code", "=", q.municipalityCode))
    .select([
      "d.code",
      nameInYear(q.fiscalYear).as("name_in_year"),
      "mu.name as municipality_name",
      "mu.prefecture as municipality_prefecture",
    ])
    .where("d.id", "=", q.departmentId)
    .executeTakeFirst();
  return (
    row && {
      code: row.code,
      nameInYear: row.name_in_year,
      municipality:
        row.municipality_name === null
          ? null
          : { name: row.municipality_name, prefecture: row.municipality_prefecture },
    }
  );
}

/**
 * Another department of the municipality whose code equals this name, or whose name equals
 * this code (compared after NFKC): public addresses name a department by either, so the
 * two must never meet.
 */
export async function findAddressClash(
  db: Db,
  municipalityCode: string,
  d: { name: string; nameKey: string; code: string | null; codeKey: string | null },
): Promise<DepartmentRow | undefined> {
  const row = await db
    .selectFrom("departments")
    .select(COLUMNS)
    .where("municipality_code", "=", municipalityCode)
    .where((eb) =>
      eb.or([
        eb("code", "in", [d.name, d.nameKey]),
        ...(d.codeKey !== null ? [eb("name_key", "=", d.codeKey)] : []),
        ...(d.code !== null ? [eb("code", "=", d.code)] : []),
      ]),
    )
    .executeTakeFirst();
  return row && toRow(row);
}

/** A new department, placed after the municipality's others. */
export async function insertDepartment(
  db: Db,
  d: { municipalityCode: string; code: string | null; name: string; nameKey: string },
): Promise<number> {
  const last = await db
    .selectFrom("departments")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("municipality_code", "=", d.municipalityCode)
    .executeTakeFirst();
  const created = await db
    .insertInto("departments")
    .values({
      municipality_code: d.municipalityCode,
      code: d.code,
      name: d.name,
      name_key: d.nameKey,
      position: (last?.position ?? 0) + 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

/** The departments a municipality's department accounts may belong to, in its order. */
export async function listDepartmentsOf(
  db: Db,
  municipalityCode: string,
): Promise<{ id: number; code: string | null; name: string }[]> {
  return db
    .selectFrom("departments")
    .select(["id", "code", "name"])
    .where("municipality_code", "=", municipalityCode)
    .orderBy(sql`position nulls last`)
    .orderBy("name_key")
    .execute();
}
