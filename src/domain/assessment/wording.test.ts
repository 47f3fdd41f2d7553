import { describe, expect, it } from "vitest";
import type { Comparator } from "../manifesto/schema.ts";
import { differenceFromTarget } from "./target-status.ts";
import { changePhrase, comparatorPhrase, gapPhrase, statusWord } from "./wording.ts";

const gap = (actual: number, comparator: Comparator, target: number, unit: string) =>
  gapPhrase({
    actual,
    target,
    comparator,
    unit,
    difference: differenceFromTarget(comparator, actual, target),
  });

describe("gapPhrase: the gap in the unit's own terms", () => {
  it.each([
    // the cases found: 49.4% against 55%以上, 204位 against 230位以内
    [49.4, ">=", 55, "%", "目標まで5.6ポイント不足"],
    [204, "<=", 230, "位", "目標より26位上位"],
    [251, "<=", 230, "位", "目標より21位下位"],
    [17, ">=", 15, "件", "目標より2件多い"],
    [12, ">=", 15, "件", "目標まで3件不足"],
    [84, ">=", 70, "%", "目標より14ポイント高い"],
    [7.1, ">=", 10, "%減", "目標まで2.9ポイント不足"],
    [9.2, "<=", 8, "%", "目標より1.2ポイント高い"],
    [7.5, "<=", 8, "%", "目標より0.5ポイント低い"],
    [520, "<", 500, "件", "目標より20件多い"],
    [480, "<", 500, "件", "目標より20件少ない"],
    [3, ">=", 1.5, "倍", "目標より1.5高い"],
    [1.2, ">=", 1.5, "倍", "目標まで0.3不足"],
    [20, "=", 15, "人", "目標との差5人"],
    [55, ">=", 55, "%", "目標どおり"],
    [1_200_000, ">=", 1_000_000, "円", "目標より200,000円多い"],
    [8.5, "<=", 10, "分", "目標より1.5分少ない"],
  ] as const)("%s against %s %s %s → %s", (actual, comparator, target, unit, expected) => {
    expect(gap(actual, comparator, target, unit)).toBe(expected);
  });

  it("says nothing without an actual value", () => {
    expect(gapPhrase({ target: 55, comparator: ">=", unit: "%" })).toBeUndefined();
  });
});

describe("changePhrase: a year's change", () => {
  it.each([
    [1.5, "%", "+1.5ポイント"],
    [-1.9, "%", "−1.9ポイント"],
    [3, "件", "+3件"],
    [-47, "位", "47位上昇"],
    [12, "位", "12位下降"],
    [0, "%", "変化なし"],
    [0.1 + 0.2, "%", "+0.3ポイント"],
  ] as const)("%s %s → %s", (change, unit, expected) => {
    expect(changePhrase(change, unit)).toBe(expected);
  });
});

describe("statusWord", () => {
  it("says 一部達成 for a milestone judged partly achieved", () => {
    expect(statusWord({ status: "not_met", kind: "milestone" }, "partial")).toBe("一部達成");
    expect(statusWord({ status: "not_met", kind: "milestone" }, "not_achieved")).toBe("未達成");
    expect(statusWord({ status: "met", kind: "numeric" }, undefined)).toBe("達成");
    expect(statusWord({ status: "unknown", kind: "numeric" }, undefined, "未確定")).toBe("未確定");
  });

  it("writes ranks as 以内", () => {
    expect(comparatorPhrase("<=", "位")).toBe("以内");
    expect(comparatorPhrase("<=", "%")).toBe("以下");
  });
});
