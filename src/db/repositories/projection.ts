// The read model of a manifesto's current revision: one row per goal and per target, so
// that questions across documents (an indicator over the years, a dashboard, search) are
// answered by indexed SQL instead of by reading every document. Rebuilt on every write,
// inside the write's transaction, from the document alone.
import type { ProjectedTarget, Projection } from "../../domain/manifesto/projection.ts";
import type { Db } from "./municipalities.ts";

export type GoalRow = Projection["goals"][number];

/** A projected target with its indicator resolved to the indicator's row id. */
export type TargetRow = Omit<ProjectedTarget, "indicatorKey"> & { indicatorId: number | null };

export async function replaceProjection(
  db: Db,
  manifestoId: number,
  goals: readonly GoalRow[],
  targets: readonly TargetRow[],
): Promise<void> {
  await db.deleteFrom("targets").where("manifesto_id", "=", manifestoId).execute();
  await db.deleteFrom("goals").where("manifesto_id", "=", manifestoId).execute();
  await insertRows(db, manifestoId, goals, targets);
}

/**
 * Only some goals' rows: those of the `stale` goal numbers are deleted (a goal and its targets
 * in one statement), then the given rows inserted. The other goals' rows stay as they are.
 */
export async function rewriteGoals(
  db: Db,
  manifestoId: number,
  stale: readonly number[],
  goals: readonly GoalRow[],
  targets: readonly TargetRow[],
): Promise<void> {
  if (stale.length > 0) {
    await db
      .with("stale_targets", (q) =>
        q
          .deleteFrom("targets")
          .where("manifesto_id", "=", manifestoId)
          .where("goal_number", "in", [...stale])
          .returning("goal_number"),
      )
      .deleteFrom("goals")
      .where("manifesto_id", "=", manifestoId)
      .where("number", "in", [...stale])
      .execute();
  }
  await insertRows(db, manifestoId, goals, targets);
}

/** Goals and their targets in one statement (no key between the two tables to wait for). */
async function insertRows(
  db: Db,
  manifestoId: number,
  goals: readonly GoalRow[],
  targets: readonly TargetRow[],
): Promise<void> {
  const goalRows = goals.map((g) => ({ manifesto_id: manifestoId, ...g }));
  const targetRows = targets.map((t) => ({
    manifesto_id: manifestoId,
    goal_number: t.goalNumber,
    position: t.position,
    indicator_id: t.indicatorId,
    kind: t.kind,
    unit: t.unit,
    comparator: t.comparator,
    target_value: t.targetValue,
    baseline_value: t.baselineValue,
    baseline_year: t.baselineYear,
    actual: t.actual,
    status: t.status,
  }));
  if (goalRows.length > 0 && targetRows.length > 0) {
    await db
      .with("new_goals", (q) => q.insertInto("goals").values(goalRows).returning("number"))
      .insertInto("targets")
      .values(targetRows)
      .execute();
  } else if (goalRows.length > 0) {
    await db.insertInto("goals").values(goalRows).execute();
  } else if (targetRows.length > 0) {
    await db.insertInto("targets").values(targetRows).execute();
  }
}
