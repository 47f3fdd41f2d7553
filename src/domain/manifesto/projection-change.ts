// What a write must change in the read model when it knows what the read model holds now
// (the projection of the current revision): the goals whose rows differ — their goal row or
// any of their target rows — are rewritten, the goals that are gone are deleted, and every
// other goal's rows are left alone. A save that changes one goal's title rewrites one goal
// row and its targets instead of every row of the manifesto (issue 15).
import type { ProjectedTarget, Projection } from "./projection.ts";

export interface ProjectionChange {
  /** Goal numbers whose rows (goal and targets) are deleted: changed or gone. */
  stale: number[];
  /** The rows written again: the changed and the new goals. */
  goals: Projection["goals"];
  targets: ProjectedTarget[];
  /** The indicators the rewritten targets measure. */
  indicators: Projection["indicators"];
}

function rowsByGoal(p: Projection): Map<number, string> {
  const targets = new Map<number, ProjectedTarget[]>();
  for (const t of p.targets) targets.set(t.goalNumber, [...(targets.get(t.goalNumber) ?? []), t]);
  // Keys in a fixed order: the rows are built by one function, so equal rows print equally.
  return new Map(p.goals.map((g) => [g.number, JSON.stringify([g, targets.get(g.number) ?? []])]));
}

export function projectionChange(current: Projection, next: Projection): ProjectionChange {
  const before = rowsByGoal(current);
  const after = rowsByGoal(next);
  const written = new Set<number>();
  for (const [number, rows] of after) if (before.get(number) !== rows) written.add(number);
  const stale = [...before.keys()].filter((n) => !after.has(n) || written.has(n));
  const targets = next.targets.filter((t) => written.has(t.goalNumber));
  const keys = new Set(targets.map((t) => t.indicatorKey));
  return {
    stale,
    goals: next.goals.filter((g) => written.has(g.number)),
    targets,
    indicators: next.indicators.filter((i) => keys.has(i.key)),
  };
}
