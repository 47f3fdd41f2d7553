import { describe, expect, it } from "vitest";
import type { IndicatorTargetRow } from "../../db/repositories/planning-dashboard.ts";
import { indicatorChanges } from "./indicator-changes.ts";

function row(over: Partial<IndicatorTargetRow>): IndicatorTargetRow {
  return {
    indicatorId: 1,
    key: "件数",
    name: "件数",
    unit: "件",
    manifestoId: 10,
    fiscalYear: 2023,
    departmentName: "総務部",
    goalNumber: 1,
    position: 0,
    comparator: ">=",
    targetValue: 15,
    actual: null,
    baselineValue: null,
    baselineYear: null,
    ...over,
  };
}

describe("indicatorChanges", () => {
  it("sets this year's actual against last year's, without float noise", () => {
    const [c] = indicatorChanges(
      [row({ fiscalYear: 2022, manifestoId: 9, actual: 0.1 }), row({ actual: 0.3 })],
      2023,
    );
    expect(c).toMatchObject({
      previous: { fiscalYear: 2022, value: 0.1, source: "actual" },
      current: { value: 0.3 },
      change: 0.2,
      trend: "better",
    });
    expect(c?.targets.map((t) => t.manifestoId)).toEqual([10]);
  });

  it("reads the direction from the comparator: fewer is better for <=, none for =", () => {
    const lower = indicatorChanges(
      [row({ comparator: "<=", actual: 204, baselineValue: 251, baselineYear: 2022 })],
      2023,
    );
    expect(lower[0]).toMatchObject({ change: -47, trend: "better" });
    const exact = indicatorChanges(
      [row({ comparator: "=", actual: 5, baselineValue: 4, baselineYear: 2022 })],
      2023,
    );
    expect(exact[0]).toMatchObject({ change: 1, trend: null });
    const same = indicatorChanges(
      [row({ actual: 0.1 + 0.2, baselineValue: 0.3, baselineYear: 2022 })],
      2023,
    );
    expect(same[0]).toMatchObject({ change: 0, trend: "same" });
  });

  it("lists only indicators measured this year, with no change before the results", () => {
    const changes = indicatorChanges(
      [row({ indicatorId: 2, fiscalYear: 2022, actual: 3 }), row({ indicatorId: 1 })],
      2023,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      previous: null,
      current: null,
      change: null,
      trend: null,
      target: { comparator: ">=", value: 15 },
    });
  });
});
