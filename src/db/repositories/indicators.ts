import { indicatorIdsByAlias } from "./indicator-registry.ts";
import type { Db } from "./municipalities.ts";

/**
 * Ids of the municipality's indicators by key, creating the missing ones. Existing rows are
 * only read: a no-op "on conflict do update" would lock each indicator row until commit, and
 * every save of a municipality's manifestos names the same indicators, so saves would queue
 * behind each other. A row another transaction is inserting at the same moment is waited
 * for by the unique index, skipped, and read back afterwards.
 */
export async function ensureIndicators(
  db: Db,
  municipalityCode: string,
  indicators: readonly { key: string; name: string; unit: string }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unique = [...new Map(indicators.map((i) => [i.key, i])).values()];
  if (unique.length === 0) return ids;
  const read = async (keys: string[]) => {
    const rows = await db
      .selectFrom("indicators")
      .select(["id", "key"])
      .where("municipality_code", "=", municipalityCode)
      .where("key", "in", keys)
      .execute();
    for (const r of rows) ids.set(r.key, r.id);
  };
  await read(unique.map((i) => i.key));
  // A name the administrator renamed or merged away still measures the same series.
  const aliased = await indicatorIdsByAlias(
    db,
    municipalityCode,
    unique.filter((i) => !ids.has(i.key)).map((i) => i.key),
  );
  for (const [key, id] of aliased) ids.set(key, id);
  const missing = unique.filter((i) => !ids.has(i.key));
  if (missing.length === 0) return ids;
  const inserted = await db
    .insertInto("indicators")
    .values(missing.map((i) => ({ municipality_code: municipalityCode, ...i })))
    .onConflict((oc) => oc.columns(["municipality_code", "key"]).doNothing())
    .returning(["id", "key"])
    .execute();
  for (const r of inserted) ids.set(r.key, r.id);
  const raced = missing.filter((i) => !ids.has(i.key)).map((i) => i.key);
  if (raced.length > 0) await read(raced);
  return ids;
}

/**
 * The first publication that measures an indicator registers it with the published
 * spelling and unit; a registered indicator is never changed by a document.
 */
export async function registerIndicators(
  db: Db,
  municipalityCode: string,
  indicators: readonly { key: string; name: string; unit: string }[],
): Promise<void> {
  const unique = [...new Map(indicators.map((i) => [i.key, i])).values()];
  for (const i of unique) {
    await db
      .updateTable("indicators")
      .set({ name: i.name, unit: i.unit, registered: true })
      .where("municipality_code", "=", municipalityCode)
      .where("key", "=", i.key)
      .where("registered", "=", false)
      .execute();
  }
}

export async function listIndicators(db: Db, municipalityCode: string) {
  return db
    .selectFrom("indicators as i")
    .innerJoin("targets as t", "t.indicator_id", "i.id")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .select((eb) => [
      "i.id",
      "i.key",
      "i.name",
      "i.unit",
      eb.fn.min("m.fiscal_year").as("first_year"),
      eb.fn.max("m.fiscal_year").as("last_year"),
      eb.fn.countAll<string>().as("targets"),
    ])
    .where("i.municipality_code", "=", municipalityCode)
    .groupBy(["i.id", "i.key", "i.name", "i.unit"])
    .orderBy("i.name")
    .execute();
}

export async function findIndicator(db: Db, municipalityCode: string, key: string) {
  return db
    .selectFrom("indicators")
    .select(["id", "key", "name", "unit"])
    .where("municipality_code", "=", municipalityCode)
    .where("key", "=", key)
    .executeTakeFirst();
}

/** Every target that measures the indicator, with the year and department it belongs to. */
export async function indicatorObservations(db: Db, indicatorId: number) {
  return db
    .selectFrom("targets as t")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .select([
      "m.fiscal_year",
      "m.department_name",
      "m.state",
      "t.goal_number",
      "t.position",
      "t.comparator",
      "t.target_value",
      "t.unit",
      "t.baseline_value",
      "t.baseline_year",
      "t.actual",
    ])
    .where("t.indicator_id", "=", indicatorId)
    .orderBy("m.fiscal_year")
    .orderBy("m.department_name")
    .execute();
}
