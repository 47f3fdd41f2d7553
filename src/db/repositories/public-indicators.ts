// Indicators as citizens see them: only targets of published manifestos count, so an
// indicator that appears only in drafts does not exist on public pages.
import type { Db } from "./municipalities.ts";
import { PUBLIC_STATES } from "./public-manifestos.ts";

function publicTargets(db: Db) {
  return db
    .selectFrom("targets as t")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .innerJoin("indicators as i", "i.id", "t.indicator_id")
    .where("m.state", "in", [...PUBLIC_STATES]);
}

export async function listPublicIndicators(db: Db, municipalityCode: string) {
  const rows = await publicTargets(db)
    .select((eb) => [
      "i.id",
      "i.name",
      "i.unit",
      eb.fn.min("m.fiscal_year").as("first_year"),
      eb.fn.max("m.fiscal_year").as("last_year"),
    ])
    .where("m.municipality_code", "=", municipalityCode)
    .groupBy(["i.id", "i.name", "i.unit"])
    .orderBy("i.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    firstYear: Number(r.first_year),
    lastYear: Number(r.last_year),
  }));
}

/** Every published target measuring the indicator, oldest year first. */
export async function listPublicIndicatorObservations(
  db: Db,
  municipalityCode: string,
  indicatorId: number,
) {
  const rows = await publicTargets(db)
    .innerJoin("departments as d", "d.id", "m.department_id")
    .select([
      "i.name",
      "i.unit",
      "m.fiscal_year",
      "m.department_name",
      "d.code as department_code",
      "t.goal_number",
      "t.comparator",
      "t.target_value",
      "t.baseline_value",
      "t.baseline_year",
      "t.actual",
    ])
    .where("m.municipality_code", "=", municipalityCode)
    .where("i.id", "=", indicatorId)
    .orderBy("m.fiscal_year")
    .orderBy("m.department_name")
    .orderBy("t.goal_number")
    .execute();
  return rows.map((r) => ({
    name: r.name,
    unit: r.unit,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    departmentCode: r.department_code,
    goalNumber: r.goal_number,
    comparator: r.comparator,
    target: r.target_value,
    baseline:
      r.baseline_value !== null && r.baseline_year !== null
        ? { value: r.baseline_value, fiscalYear: r.baseline_year }
        : null,
    actual: r.actual,
  }));
}
