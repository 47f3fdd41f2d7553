// The departments as master data (migration 0010): their fields, order, name history by
// fiscal year, the public addresses they were known by, predecessors after a reorganisation,
// and retirement. departments.name is the newest name; department_names holds every name
// with the fiscal year it took effect.
import { sql } from "kysely";
import type { DepartmentRecord } from "../../domain/master-data/departments.ts";
import { comparisonKey } from "../../domain/text.ts";
import type { Db } from "./municipalities.ts";
import { notifyPublicChange } from "./public-changes.ts";

export type { DepartmentRecord };

export interface DepartmentFieldsRow {
  headTitle: string | null;
  headName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

/** Every department of the municipality, retired ones too, in the municipality's order. */
export async function listDepartmentRecords(
  db: Db,
  municipalityCode: string,
): Promise<DepartmentRecord[]> {
  const rows = await db
    .selectFrom("departments")
    .select([
      "id",
      "code",
      "name",
      "position",
      "head_title",
      "head_name",
      "contact_phone",
      "contact_email",
      "retired_from_year",
    ])
    .where("municipality_code", "=", municipalityCode)
    .orderBy(sql`position nulls last`)
    .orderBy("name_key")
    .orderBy("id")
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = await db
    .selectFrom("department_names")
    .select(["department_id", "from_year", "name"])
    .where("department_id", "in", ids)
    .orderBy("from_year")
    .execute();
  const links = await db
    .selectFrom("department_predecessors")
    .select(["department_id", "predecessor_id", "from_year"])
    .where("department_id", "in", ids)
    .execute();
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    position: r.position,
    headTitle: r.head_title,
    headName: r.head_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    retiredFromYear: r.retired_from_year,
    names: names
      .filter((n) => n.department_id === r.id)
      .map((n) => ({ fromYear: n.from_year, name: n.name })),
    predecessors: links
      .filter((l) => l.department_id === r.id)
      .map((l) => ({
        id: l.predecessor_id,
        name: nameOf.get(l.predecessor_id) ?? "",
        fromYear: l.from_year,
      })),
    successors: links
      .filter((l) => l.predecessor_id === r.id)
      .map((l) => ({
        id: l.department_id,
        name: nameOf.get(l.department_id) ?? "",
        fromYear: l.from_year,
      })),
  }));
}

export async function insertDepartment(
  db: Db,
  municipalityCode: string,
  d: DepartmentFieldsRow & {
    name: string;
    code: string | null;
    position: number;
    fromYear: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("departments")
    .values({
      municipality_code: municipalityCode,
      code: d.code,
      name: d.name,
      name_key: comparisonKey(d.name),
      position: d.position,
      head_title: d.headTitle,
      head_name: d.headName,
      contact_phone: d.contactPhone,
      contact_email: d.contactEmail,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("department_names")
    .values({
      department_id: row.id,
      from_year: d.fromYear,
      name: d.name,
      name_key: comparisonKey(d.name),
    })
    .execute();
  await notifyPublicChange(db, municipalityCode);
  return row.id;
}

export async function updateDepartmentFields(
  db: Db,
  id: number,
  d: Partial<DepartmentFieldsRow>,
): Promise<void> {
  const set = {
    ...(d.headTitle !== undefined && { head_title: d.headTitle }),
    ...(d.headName !== undefined && { head_name: d.headName }),
    ...(d.contactPhone !== undefined && { contact_phone: d.contactPhone }),
    ...(d.contactEmail !== undefined && { contact_email: d.contactEmail }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable("departments").set(set).where("id", "=", id).execute();
}

/** The address a department is reached by on the portal: its code, else its name. */
function addressOf(d: { code: string | null; name: string }): string {
  return comparisonKey(d.code !== null && d.code !== "" ? d.code : d.name);
}

/** Keeps the old public address of a department, so that the portal can redirect it. */
async function rememberAddress(
  db: Db,
  municipalityCode: string,
  id: number,
  before: { code: string | null; name: string },
  after: { code: string | null; name: string },
): Promise<void> {
  const old = addressOf(before);
  if (old === addressOf(after)) return;
  await db
    .insertInto("department_addresses")
    .values({ municipality_code: municipalityCode, address_key: old, department_id: id })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "address_key"]).doUpdateSet({ department_id: id }),
    )
    .execute();
  // The new address is the department's own now; an old entry for it would point elsewhere.
  await db
    .deleteFrom("department_addresses")
    .where("municipality_code", "=", municipalityCode)
    .where("address_key", "=", addressOf(after))
    .execute();
}

export async function setDepartmentCode(
  db: Db,
  municipalityCode: string,
  id: number,
  code: string | null,
): Promise<void> {
  const before = await db
    .selectFrom("departments")
    .select(["code", "name"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  if (before.code === code) return;
  await db.updateTable("departments").set({ code }).where("id", "=", id).execute();
  await rememberAddress(db, municipalityCode, id, before, { code, name: before.name });
  await notifyPublicChange(db, municipalityCode);
}

/**
 * The department is called `name` from `fromYear` on; earlier years keep the name they had.
 * The first recorded name reaches back to every year before it.
 */
export async function renameDepartmentFrom(
  db: Db,
  municipalityCode: string,
  id: number,
  fromYear: number,
  name: string,
): Promise<void> {
  const before = await db
    .selectFrom("departments")
    .select(["code", "name"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom("department_names")
    .select("from_year")
    .where("department_id", "=", id)
    .execute();
  if (history.length === 0) {
    // A department from before the history was kept: its name so far holds until this year.
    await db
      .insertInto("department_names")
      .values({
        department_id: id,
        from_year: 1989,
        name: before.name,
        name_key: comparisonKey(before.name),
      })
      .execute();
  }
  await db
    .insertInto("department_names")
    .values({ department_id: id, from_year: fromYear, name, name_key: comparisonKey(name) })
    .onConflict((oc) =>
      oc
        .columns(["department_id", "from_year"])
        .doUpdateSet({ name, name_key: comparisonKey(name) }),
    )
    .execute();
  const newest = await db
    .selectFrom("department_names")
    .select(["name", "name_key"])
    .where("department_id", "=", id)
    .orderBy("from_year", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("departments")
    .set({ name: newest.name, name_key: newest.name_key })
    .where("id", "=", id)
    .execute();
  await rememberAddress(db, municipalityCode, id, before, { code: before.code, name: newest.name });
  await notifyPublicChange(db, municipalityCode);
}

// The department's name in a fiscal year lives beside the other department queries; the
// administration code asks for it from here as well.
export { departmentNameForYear } from "./departments.ts";

export async function setDepartmentPositions(
  db: Db,
  municipalityCode: string,
  orderedIds: readonly number[],
): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .updateTable("departments")
      .set({ position: position + 1 })
      .where("id", "=", id)
      .where("municipality_code", "=", municipalityCode)
      .execute();
  }
  await notifyPublicChange(db, municipalityCode);
}

export async function setDepartmentRetired(
  db: Db,
  municipalityCode: string,
  id: number,
  fromYear: number | null,
): Promise<void> {
  await db
    .updateTable("departments")
    .set({ retired_from_year: fromYear })
    .where("id", "=", id)
    .execute();
  await notifyPublicChange(db, municipalityCode);
}

export async function addPredecessors(
  db: Db,
  id: number,
  predecessorIds: readonly number[],
  fromYear: number,
): Promise<void> {
  if (predecessorIds.length === 0) return;
  await db
    .insertInto("department_predecessors")
    .values(
      predecessorIds.map((p) => ({ department_id: id, predecessor_id: p, from_year: fromYear })),
    )
    .onConflict((oc) =>
      oc.columns(["department_id", "predecessor_id"]).doUpdateSet({ from_year: fromYear }),
    )
    .execute();
}

/** The department an old public address (code or name) now belongs to, if any. */
export async function findDepartmentByOldAddress(
  db: Db,
  municipalityCode: string,
  address: string,
): Promise<{ id: number; code: string | null; name: string } | undefined> {
  return db
    .selectFrom("department_addresses as a")
    .innerJoin("departments as d", "d.id", "a.department_id")
    .select(["d.id", "d.code", "d.name"])
    .where("a.municipality_code", "=", municipalityCode)
    .where("a.address_key", "=", comparisonKey(address))
    .executeTakeFirst();
}

export async function nextDepartmentPosition(db: Db, municipalityCode: string): Promise<number> {
  const row = await db
    .selectFrom("departments")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("municipality_code", "=", municipalityCode)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** Whether any manifesto of the department exists (a department with documents is retired, never deleted). */
export async function departmentHasManifestos(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom("manifestos")
    .select("id")
    .where("department_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
