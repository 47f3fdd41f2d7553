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
  if (goals.length > 0) {
    await db
      .insertInto("goals")
      .values(goals.map((g) => ({ manifesto_id: manifestoId, ...g })))
      .execute();
  }
  if (targets.length > 0) {
    await db
      .insertInto("targets")
      .values(
        targets.map((t) => ({
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
        })),
      )
      .execute();
  }
}
