// Indicators as citizens see them: only targets of published revisions count (the table
// public_targets, migration 0007), so an indicator that appears only in drafts does not
// exist on public pages, and a published manifesto whose evaluation is being drafted keeps
// its published figures on the charts.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

/**
 * Copies the targets read model of a manifesto's newest published revision into
 * public_targets. Called in the transaction that inserts the publication
 * (recordPublication), when the published revision is the current one: the targets table
 * then holds exactly that revision.
 */
export async function refreshPublicTargets(db: Db, manifestoId: number): Promise<void> {
  const row = await db
    .selectFrom("manifestos as m")
    .select([
      "m.current_revision",
      (eb) =>
        eb
          .selectFrom("manifesto_publications as p")
          .select("p.revision")
          .whereRef("p.manifesto_id", "=", "m.id")
          .orderBy("p.id", "desc")
          .limit(1)
          .as("published"),
    ])
    .where("m.id", "=", manifestoId)
    .executeTakeFirst();
  await db.deleteFrom("public_targets").where("manifesto_id", "=", manifestoId).execute();
  if (!row || row.published === null) return;
  if (row.published !== row.current_revision) {
    throw new Error(
      `manifesto ${manifestoId}: published revision ${row.published} is not the current one (${row.current_revision})`,
    );
  }
  await db
    .insertInto("public_targets")
    .columns([
      "manifesto_id",
      "revision",
      "goal_number",
      "position",
      "indicator_id",
      "kind",
      "unit",
      "comparator",
      "target_value",
      "baseline_value",
      "baseline_year",
      "actual",
      "status",
    ])
    .expression((eb) =>
      eb
        .selectFrom("targets as t")
        .select([
          "t.manifesto_id",
          sql.lit(row.published as number).as("revision"),
          "t.goal_number",
          "t.position",
          "t.indicator_id",
          "t.kind",
          "t.unit",
          "t.comparator",
          "t.target_value",
          "t.baseline_value",
          "t.baseline_year",
          "t.actual",
          "t.status",
        ])
        .where("t.manifesto_id", "=", manifestoId),
    )
    .execute();
}

/** Targets of published revisions, with the revision's document for the department name. */
function publicTargets(db: Db) {
  return db
    .selectFrom("public_targets as t")
    .innerJoin("manifestos as m", "m.id", "t.manifesto_id")
    .innerJoin("indicators as i", "i.id", "t.indicator_id")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("manifesto_publications as p")
          .select("p.id")
          .whereRef("p.manifesto_id", "=", "t.manifesto_id")
          .whereRef("p.revision", "=", "t.revision"),
      ),
    );
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

const publishedDepartmentName = sql<string>`r.document #>> '{department,name}'`;

/** Every published target measuring the indicator, oldest year first. */
export async function listPublicIndicatorObservations(
  db: Db,
  municipalityCode: string,
  indicatorId: number,
) {
  const rows = await publicTargets(db)
    .innerJoin("departments as d", "d.id", "m.department_id")
    .innerJoin("manifesto_revisions as r", (j) =>
      j.onRef("r.manifesto_id", "=", "t.manifesto_id").onRef("r.revision", "=", "t.revision"),
    )
    .select([
      "i.name",
      "i.unit",
      "m.fiscal_year",
      publishedDepartmentName.as("department_name"),
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
    .orderBy(publishedDepartmentName)
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
