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
