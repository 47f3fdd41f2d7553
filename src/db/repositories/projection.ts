// The read model of a manifesto's current revision: one row per goal and per target, so
// that questions across documents (an indicator over the years, a dashboard, search) are
// answered by indexed SQL instead of by reading every document. Rebuilt on every write,
// inside the write's transaction, from the document alone.
import type { Db } from "./municipalities.ts";

export interface GoalRow {
  position: number;
  number: number;
  title: string;
  level: number | null;
}

export interface TargetRow {
  goalNumber: number;
  position: number;
  indicatorId: number | null;
  kind: string | null;
  unit: string | null;
  comparator: string | null;
  targetValue: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  actual: number | null;
  status: string | null;
}

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
