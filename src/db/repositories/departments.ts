import { sql } from "kysely";
import type { Db } from "./municipalities.ts";
import { notifyPublicChange } from "./public-changes.ts";

/**
 * The department a document belongs to. Its own code, when the municipality gives one, is
 * its identity across renames; without a code the (NFKC-compared) name is.
 */
export async function resolveDepartment(
  db: Db,
  municipalityCode: string,
  dept: { name: string; nameKey: string; code?: string | undefined },
): Promise<number> {
  if (dept.code !== undefined && dept.code !== "") {
    const byCode = await db
      .selectFrom("departments")
      .select("id")
      .where("municipality_code", "=", municipalityCode)
      .where("code", "=", dept.code)
      .executeTakeFirst();
    if (byCode) {
      await db
        .updateTable("departments")
        .set({ name: dept.name, name_key: dept.nameKey })
        .where("id", "=", byCode.id)
        .execute();
      return byCode.id;
    }
  }
  const byName = await db
    .selectFrom("departments")
    .select(["id", "code"])
    .where("municipality_code", "=", municipalityCode)
    .where("name_key", "=", dept.nameKey)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (byName && (byName.code === null || dept.code === undefined || dept.code === "")) {
    if (byName.code === null && dept.code) {
      await db
        .updateTable("departments")
        .set({ code: dept.code })
        .where("id", "=", byName.id)
        .execute();
      // Public addresses name a department by its code once it has one.
      await notifyPublicChange(db, municipalityCode);
    }
    return byName.id;
  }
  const created = await db
    .insertInto("departments")
    .values({
      municipality_code: municipalityCode,
      code: dept.code ? dept.code : null,
      name: dept.name,
      name_key: dept.nameKey,
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
