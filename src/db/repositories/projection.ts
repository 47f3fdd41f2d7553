// The read model of a manifesto's current revision: one row per goal and per target, so
// that questions across documents (an indicator over the years, a dashboard, search) are
// answered by indexed SQL instead of by reading every document. Rebuilt on every write,
// inside the write's transaction, from the document alone: only the goals that changed when
// the writer knows what the read model held, else all of them.
import type { ProjectedTarget, Projection } from "../../domain/manifesto/projection.ts";
import type { Db } from "./municipalities.ts";

export type GoalRow = Projection["goals"][number];

/** A projected target with its indicator resolved to the indicator's row id. */
export type TargetRow = Omit<ProjectedTarget, "indicatorKey"> & { indicatorId: number | null };

/**
 * Goals and their targets in one statement (no key between the two tables to wait for). The
 * rows they replace were deleted by the revision's own statement (revision-write.ts), which
 * cannot insert them too: a row deleted and one inserted with its key in the same statement
 * collide in the unique index.
 */
export async function insertProjectionRows(
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
