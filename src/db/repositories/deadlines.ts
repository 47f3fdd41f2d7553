// Phase deadlines of a municipality's fiscal year (migration 0005-deadlines). Dates travel
// as `YYYY-MM-DD` text both ways: the drivers would otherwise turn a date into an instant
// in the server's time zone.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface DeadlineRow {
  phase: string;
  dueDate: string;
  updatedBy: string;
  updatedAt: Date;
}

export async function listDeadlines(
  db: Db,
  municipalityCode: string,
  fiscalYear: number,
): Promise<DeadlineRow[]> {
  const rows = await db
    .selectFrom("deadlines")
    .select(["phase", sql<string>`due_date::text`.as("due_date"), "updated_by", "updated_at"])
    .where("municipality_code", "=", municipalityCode)
    .where("fiscal_year", "=", fiscalYear)
    .orderBy("phase", "desc") // plan before evaluation
    .execute();
  return rows.map((r) => ({
    phase: r.phase,
    dueDate: r.due_date,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

export async function upsertDeadline(
  db: Db,
  d: { municipalityCode: string; fiscalYear: number; phase: string; dueDate: string; by: string },
): Promise<void> {
  await db
    .insertInto("deadlines")
    .values({
      municipality_code: d.municipalityCode,
      fiscal_year: d.fiscalYear,
      phase: d.phase,
      due_date: d.dueDate,
      updated_by: d.by,
    })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "fiscal_year", "phase"]).doUpdateSet({
        due_date: d.dueDate,
        updated_by: d.by,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Whether there was a deadline to remove. */
export async function deleteDeadline(
  db: Db,
  d: { municipalityCode: string; fiscalYear: number; phase: string },
): Promise<boolean> {
  const r = await db
    .deleteFrom("deadlines")
    .where("municipality_code", "=", d.municipalityCode)
    .where("fiscal_year", "=", d.fiscalYear)
    .where("phase", "=", d.phase)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// A department's own due days (migration 0016), overriding the municipality's for it.

export interface DepartmentDeadlineRow {
  departmentId: number;
  phase: string;
  dueDate: string;
}

export async function listDepartmentDeadlines(
  db: Db,
  municipalityCode: string,
  fiscalYear: number,
  departmentId?: number,
): Promise<DepartmentDeadlineRow[]> {
  let q = db
    .selectFrom("department_deadlines")
    .select(["department_id", "phase", sql<string>`due_date::text`.as("due_date")])
    .where("municipality_code", "=", municipalityCode)
    .where("fiscal_year", "=", fiscalYear);
  if (departmentId !== undefined) q = q.where("department_id", "=", departmentId);
  const rows = await q.orderBy("department_id").execute();
  return rows.map((r) => ({ departmentId: r.department_id, phase: r.phase, dueDate: r.due_date }));
}

export async function upsertDepartmentDeadline(
  db: Db,
  d: {
    municipalityCode: string;
    fiscalYear: number;
    departmentId: number;
    phase: string;
    dueDate: string;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto("department_deadlines")
    .values({
      municipality_code: d.municipalityCode,
      fiscal_year: d.fiscalYear,
      department_id: d.departmentId,
      phase: d.phase,
      due_date: d.dueDate,
      updated_by: d.by,
    })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "fiscal_year", "department_id", "phase"]).doUpdateSet({
        due_date: d.dueDate,
        updated_by: d.by,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function deleteDepartmentDeadline(
  db: Db,
  d: { municipalityCode: string; fiscalYear: number; departmentId: number; phase: string },
): Promise<boolean> {
  const r = await db
    .deleteFrom("department_deadlines")
    .where("municipality_code", "=", d.municipalityCode)
    .where("fiscal_year", "=", d.fiscalYear)
    .where("department_id", "=", d.departmentId)
    .where("phase", "=", d.phase)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface EffectiveDeadline {
  municipalityCode: string;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  phase: "plan" | "evaluation";
  /** The department's own day where it has one, else the municipality's. */
  dueDate: string;
  own: boolean;
  manifestoId: number | null;
  state: string | null;
}

/**
 * Every department's deadline falling between two days (inclusive), with its manifesto of
 * that year: the departments expected to write one (one this year or last, as the overview
 * has them). Narrowed to one municipality, or one department, when asked.
 */
export async function listEffectiveDeadlines(
  db: Db,
  f: { from: string; to: string; municipalityCode?: string; departmentId?: number },
): Promise<EffectiveDeadline[]> {
  const muni = f.municipalityCode ?? null;
  const dept = f.departmentId ?? null;
  const rows = await sql<{
    municipality_code: string;
    fiscal_year: number;
    department_id: number;
    department_name: string;
    phase: "plan" | "evaluation";
    due_date: string;
    own: boolean;
    manifesto_id: number | null;
    state: string | null;
  }>`
    with eff as (
      select d.municipality_code, d.fiscal_year, dep.id as department_id, d.phase,
             coalesce(dd.due_date, d.due_date) as due_date, dd.due_date is not null as own
        from deadlines d
        join departments dep on dep.municipality_code = d.municipality_code
        left join department_deadlines dd
          on dd.municipality_code = d.municipality_code and dd.fiscal_year = d.fiscal_year
         and dd.department_id = dep.id and dd.phase = d.phase
       where (${muni}::text is null or d.municipality_code = ${muni})
         and (${dept}::int is null or dep.id = ${dept})
      union all
      select dd.municipality_code, dd.fiscal_year, dd.department_id, dd.phase, dd.due_date, true
        from department_deadlines dd
       where not exists (
               select 1 from deadlines d
                where d.municipality_code = dd.municipality_code
                  and d.fiscal_year = dd.fiscal_year and d.phase = dd.phase)
         and (${muni}::text is null or dd.municipality_code = ${muni})
         and (${dept}::int is null or dd.department_id = ${dept})
    )
    select eff.municipality_code, eff.fiscal_year, eff.department_id,
           coalesce(m.department_name, dep.name) as department_name, eff.phase,
           eff.due_date::text as due_date, eff.own, m.id as manifesto_id, m.state
      from eff
      join departments dep on dep.id = eff.department_id
      left join manifestos m on m.department_id = eff.department_id and m.fiscal_year = eff.fiscal_year
     where eff.due_date between ${f.from}::date and ${f.to}::date
       and exists (select 1 from manifestos x
                    where x.department_id = eff.department_id
                      and x.fiscal_year in (eff.fiscal_year, eff.fiscal_year - 1))
     order by eff.due_date, eff.municipality_code, dep.position nulls last, dep.id, eff.phase desc
  `.execute(db);
  return rows.rows.map((r) => ({
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    phase: r.phase,
    dueDate: r.due_date,
    own: r.own,
    manifestoId: r.manifesto_id,
    state: r.state,
  }));
}
