// The municipality's indicator registry (migration 0010): each indicator's name, unit,
// definition, better direction and owning department; the manifestos that measure it; and
// renames and merges, which keep the old names as aliases so that a series stays one.
import type { Db } from "./municipalities.ts";
import { notifyPublicChange } from "./public-changes.ts";

export interface RegistryIndicator {
  id: number;
  key: string;
  name: string;
  unit: string;
  definition: string | null;
  betterDirection: "higher" | "lower" | null;
  departmentId: number | null;
  aliases: string[];
  usedBy: { manifestoId: number; fiscalYear: number; departmentName: string }[];
}

export async function listRegistry(db: Db, municipalityCode: string): Promise<RegistryIndicator[]> {
  const rows = await db
    .selectFrom("indicators")
    .select(["id", "key", "name", "unit", "definition", "better_direction", "department_id"])
    .where("municipality_code", "=", municipalityCode)
    .orderBy("name")
    .orderBy("id")
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const uses = await db
    .selectFrom("targets as t")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .select(["t.indicator_id", "m.id as manifesto_id", "m.fiscal_year", "m.department_name"])
    .where("t.indicator_id", "in", ids)
    .groupBy(["t.indicator_id", "m.id", "m.fiscal_year", "m.department_name"])
    .orderBy("m.fiscal_year")
    .orderBy("m.department_name")
    .execute();
  const aliases = await db
    .selectFrom("indicator_aliases")
    .select(["indicator_id", "key"])
    .where("municipality_code", "=", municipalityCode)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    unit: r.unit,
    definition: r.definition,
    betterDirection:
      r.better_direction === "higher" || r.better_direction === "lower" ? r.better_direction : null,
    departmentId: r.department_id,
    aliases: aliases.filter((a) => a.indicator_id === r.id).map((a) => a.key),
    usedBy: uses
      .filter((u) => u.indicator_id === r.id)
      .map((u) => ({
        manifestoId: u.manifesto_id,
        fiscalYear: u.fiscal_year,
        departmentName: u.department_name,
      })),
  }));
}

export async function findRegistryIndicator(db: Db, municipalityCode: string, id: number) {
  return db
    .selectFrom("indicators")
    .select(["id", "key", "name", "unit"])
    .where("municipality_code", "=", municipalityCode)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findIndicatorByKey(db: Db, municipalityCode: string, key: string) {
  return db
    .selectFrom("indicators")
    .select(["id", "name"])
    .where("municipality_code", "=", municipalityCode)
    .where("key", "=", key)
    .executeTakeFirst();
}

export async function updateRegistryIndicator(
  db: Db,
  municipalityCode: string,
  id: number,
  patch: {
    name?: string;
    key?: string;
    oldKey?: string;
    unit?: string;
    definition?: string | null;
    betterDirection?: "higher" | "lower" | null;
    departmentId?: number | null;
  },
): Promise<void> {
  await db
    .updateTable("indicators")
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.key !== undefined && { key: patch.key }),
      ...(patch.unit !== undefined && { unit: patch.unit }),
      // The administrator's spelling and unit are the registry's from now on: a later first
      // publication must not replace them with a document's (registerIndicators).
      ...((patch.name !== undefined || patch.unit !== undefined) && { registered: true }),
      ...(patch.definition !== undefined && { definition: patch.definition }),
      ...(patch.betterDirection !== undefined && { better_direction: patch.betterDirection }),
      ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
    })
    .where("id", "=", id)
    .execute();
  if (patch.oldKey !== undefined && patch.key !== undefined && patch.oldKey !== patch.key) {
    await addAlias(db, municipalityCode, patch.oldKey, id);
    await db
      .deleteFrom("indicator_aliases")
      .where("municipality_code", "=", municipalityCode)
      .where("key", "=", patch.key)
      .execute();
  }
  await notifyPublicChange(db, municipalityCode);
}

async function addAlias(db: Db, municipalityCode: string, key: string, id: number) {
  await db
    .insertInto("indicator_aliases")
    .values({ municipality_code: municipalityCode, key, indicator_id: id })
    .onConflict((oc) => oc.columns(["municipality_code", "key"]).doUpdateSet({ indicator_id: id }))
    .execute();
}

/** Every target measured by `fromId` is measured by `intoId`; `fromId`'s names become aliases. */
export async function mergeIndicatorInto(
  db: Db,
  municipalityCode: string,
  fromId: number,
  intoId: number,
): Promise<void> {
  const from = await db
    .selectFrom("indicators")
    .select("key")
    .where("id", "=", fromId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("targets")
    .set({ indicator_id: intoId })
    .where("indicator_id", "=", fromId)
    .execute();
  await db
    .updateTable("public_targets")
    .set({ indicator_id: intoId })
    .where("indicator_id", "=", fromId)
    .execute();
  await db
    .updateTable("indicator_aliases")
    .set({ indicator_id: intoId })
    .where("indicator_id", "=", fromId)
    .execute();
  await db.deleteFrom("indicators").where("id", "=", fromId).execute();
  await addAlias(db, municipalityCode, from.key, intoId);
  await notifyPublicChange(db, municipalityCode);
}

/** Indicator ids by the keys of their old names (renamed or merged ones). */
export async function indicatorIdsByAlias(
  db: Db,
  municipalityCode: string,
  keys: readonly string[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("indicator_aliases")
    .select(["key", "indicator_id"])
    .where("municipality_code", "=", municipalityCode)
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.indicator_id]));
}
