// The planning dashboard's question across documents: which indicators a municipality's
// manifestos measure in a fiscal year and the year before, answered from the read model
// (targets, indicators) rather than by reading every document. Staff see every state.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface IndicatorTargetRow {
  indicatorId: number;
  key: string;
  name: string;
  unit: string;
  manifestoId: number;
  fiscalYear: number;
  departmentName: string;
  goalNumber: number;
  /** 0-based position of the target in its goal. */
  position: number;
  comparator: string | null;
  targetValue: number | null;
  actual: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
}

/**
 * Every numeric target of the municipality's current revisions in the given fiscal years
 * that names an indicator, in year, department and goal order.
 */
export async function listIndicatorTargets(
  db: Db,
  municipalityCode: string,
  fiscalYears: readonly number[],
): Promise<IndicatorTargetRow[]> {
  if (fiscalYears.length === 0) return [];
  const rows = await db
    .selectFrom("manifestos as m")
    .innerJoin("departments as d", "d.id", "m.department_id")
    .innerJoin("targets as t", "t.manifesto_id", "m.id")
    .innerJoin("indicators as i", "i.id", "t.indicator_id")
    .select([
      "i.id as indicator_id",
      "i.key",
      "i.name",
      "i.unit",
      "m.id as manifesto_id",
      "m.fiscal_year",
      "m.department_name",
      "t.goal_number",
      "t.position",
      "t.comparator",
      "t.target_value",
      "t.actual",
      "t.baseline_value",
      "t.baseline_year",
    ])
    .where("m.municipality_code", "=", municipalityCode)
    .where("m.fiscal_year", "in", [...fiscalYears])
    .orderBy("m.fiscal_year")
    .orderBy(sql`d.position nulls last`)
    .orderBy("m.department_name")
    .orderBy("t.goal_number")
    .orderBy("t.position")
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    key: r.key,
    name: r.name,
    unit: r.unit,
    manifestoId: r.manifesto_id,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    goalNumber: r.goal_number,
    position: r.position,
    comparator: r.comparator,
    targetValue: r.target_value,
    actual: r.actual,
    baselineValue: r.baseline_value,
    baselineYear: r.baseline_year,
  }));
}
