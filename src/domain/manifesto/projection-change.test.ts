import { describe, expect, it } from "vitest";
import type { Projection } from "./projection.ts";
import { projectionChange } from "./projection-change.ts";

function target(goalNumber: number, position: number, actual: number | null) {
  return {
    goalNumber,
    position,
    indicatorKey: `指標${goalNumber}`,
    kind: "numeric",
    unit: "%",
    comparator: ">=",
    targetValue: 50,
    baselineValue: null,
    baselineYear: null,
    actual,
    status: null,
  };
}

function projection(titles: string[], actuals: (number | null)[] = []): Projection {
  return {
    goals: titles.map((title, position) => ({
      position,
      number: position + 1,
      title,
      level: null,
    })),
    targets: titles.map((_, i) => target(i + 1, 0, actuals[i] ?? null)),
    indicators: titles.map((_, i) => ({ key: `指標${i + 1}`, name: `指標${i + 1}`, unit: "%" })),
  };
}

describe("projectionChange", () => {
  it("leaves the rows of unchanged goals alone and rewrites the changed one", () => {
    const change = projectionChange(projection(["a", "b", "c"]), projection(["a", "B", "c"]));
    expect(change.stale).toEqual([2]);
    expect(change.goals.map((g) => g.number)).toEqual([2]);
    expect(change.targets.map((t) => t.goalNumber)).toEqual([2]);
    expect(change.indicators.map((i) => i.key)).toEqual(["指標2"]);
  });

  it("rewrites a goal whose target alone changed", () => {
    const change = projectionChange(projection(["a", "b"]), projection(["a", "b"], [null, 70]));
    expect(change.stale).toEqual([2]);
    expect(change.targets).toEqual([target(2, 0, 70)]);
  });

  it("deletes a goal that is gone and writes a new one", () => {
    const change = projectionChange(projection(["a", "b"]), projection(["a"]));
    expect(change.stale).toEqual([2]);
    expect(change.goals).toEqual([]);
    const added = projectionChange(projection(["a"]), projection(["a", "b"]));
    expect(added.stale).toEqual([]);
    expect(added.goals.map((g) => g.number)).toEqual([2]);
  });

  it("changes nothing for an unchanged document", () => {
    const change = projectionChange(projection(["a", "b"]), projection(["a", "b"]));
    expect(change).toEqual({ stale: [], goals: [], targets: [], indicators: [] });
  });
});
