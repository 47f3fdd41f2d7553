// Last year's numeric targets of a municipality, from the read model of each manifesto's
// current revision (projection.ts), for the plan-time checks against last year (issue #11).
// One statement, no documents parsed: the assessment needs indicator, unit, comparator,
// target and actual only.
import type { Db } from "./municipalities.ts";

export interface LastYearTargetRow {
  departmentId: number;
  goalNumber: number;
  indicator: string;
  unit: string;
  comparator: string;
  target: number;
  actual: number | null;
}

export async function listLastYearNumericTargets(
  db: Db,
  q: { municipalityCode: string; fiscalYear: number; departmentId?: number },
): Promise<LastYearTargetRow[]> {
  let query = db
    .selectFrom("targets as t")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .innerJoin("indicators as i", "i.id", "t.indicator_id")
    .select([
      "m.department_id",
      "t.goal_number",
      "t.position",
      "i.name",
      "t.unit",
      "t.comparator",
      "t.target_value",
      "t.actual",
    ])
    .where("m.municipality_code", "=", q.municipalityCode)
    .where("m.fiscal_year", "=", q.fiscalYear)
    .where("t.kind", "=", "numeric");
  // A department's staff get their own department's history only (scoped, not filtered after).
  if (q.departmentId !== undefined) query = query.where("m.department_id", "=", q.departmentId);
  const rows = await query
    .orderBy("m.department_id")
    .orderBy("t.goal_number")
    .orderBy("t.position")
    .execute();
  return toLastYearTargetRows(rows);
}

/** A numeric target's row as both statements select it (here and staff-manifestos.ts). */
export interface RawLastYearTarget {
  department_id: number;
  goal_number: number;
  name: string;
  unit: string | null;
  comparator: string | null;
  target_value: number | string | null;
  actual: number | string | null;
}

export function toLastYearTargetRows(rows: readonly RawLastYearTarget[]): LastYearTargetRow[] {
  return rows.flatMap((r) =>
    r.comparator === null || r.target_value === null
      ? []
      : [
          {
            departmentId: r.department_id,
            goalNumber: r.goal_number,
            indicator: r.name,
            unit: r.unit ?? "",
            comparator: r.comparator,
            target: Number(r.target_value),
            actual: r.actual === null ? null : Number(r.actual),
          },
        ],
  );
}
