import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPARATORS, type Comparator, type Target } from "../manifesto/schema.ts";
import { assessTarget, differenceFromTarget, nearlyEqual, numericStatus } from "./target-status.ts";

function numeric(comparator: Comparator, target: number, actual?: number, unit = "%"): Target {
  return {
    label: "①",
    text: "目標",
    measure: { kind: "numeric", indicator: "指標", unit, comparator, target },
    ...(actual !== undefined && { result: { actual } }),
  };
}

describe("assessTarget, numeric", () => {
  it("meets a rank target and measures the margin from the target (204 against <= 230)", () => {
    const a = assessTarget(numeric("<=", 230, 204, "位"), 0);
    expect(a).toMatchObject({
      index: 0,
      label: "①",
      status: "met",
      kind: "numeric",
      actual: 204,
      target: 230,
      comparator: "<=",
      unit: "位",
      difference: 26,
    });
    expect(a.margin).toBeCloseTo(26 / 230, 12);
  });

  it("misses a >= target with a negative margin (49.4 against >= 55)", () => {
    const a = assessTarget(numeric(">=", 55, 49.4), 3);
    expect(a.index).toBe(3);
    expect(a.status).toBe("not_met");
    expect(a.difference).toBe(-5.6); // the float noise of 49.4 − 55 is dropped
    expect(a.margin).toBeCloseTo((49.4 - 55) / 55, 9);
  });

  it.each([
    [">=", 10, 10, "met"],
    [">=", 10, 9.99, "not_met"],
    [">", 10, 10, "not_met"],
    [">", 10, 10.01, "met"],
    ["<=", 10, 10, "met"],
    ["<=", 10, 10.01, "not_met"],
    ["<", 10, 10, "not_met"],
    ["<", 10, 9.99, "met"],
    ["=", 10, 10, "met"],
    ["=", 10, 9.99, "not_met"],
    ["=", 10, 10.01, "not_met"],
  ] as const)("%s %d with %d is %s", (comparator, target, actual, status) => {
    expect(assessTarget(numeric(comparator, target, actual), 0).status).toBe(status);
  });

  it("treats floating error as equality (0.1 + 0.2 against = 0.3 and > 0.3)", () => {
    expect(assessTarget(numeric("=", 0.3, 0.1 + 0.2), 0)).toMatchObject({
      status: "met",
      difference: 0,
      margin: 0,
    });
    expect(assessTarget(numeric(">", 0.3, 0.1 + 0.2), 0).status).toBe("not_met");
    expect(assessTarget(numeric("<=", 0.1 + 0.2, 0.3), 0).status).toBe("met");
  });

  it("omits the margin when the target is 0, keeping the difference", () => {
    const a = assessTarget(numeric("<=", 0, 2, "件"), 0);
    expect(a.status).toBe("not_met");
    expect(a.difference).toBe(-2);
    expect("margin" in a).toBe(false);
  });

  it("measures the margin against the size of a negative target", () => {
    const a = assessTarget(numeric(">=", -10, -5), 0);
    expect(a.status).toBe("met");
    expect(a.margin).toBe(0.5);
  });

  it("is unknown without an actual value, but still describes the target", () => {
    const a = assessTarget({ ...numeric(">=", 55), result: { text: "集計中" } }, 1);
    expect(a).toEqual({
      index: 1,
      label: "①",
      status: "unknown",
      kind: "numeric",
      target: 55,
      comparator: ">=",
      unit: "%",
    });
  });

  it("does not read a milestone's status for a numeric measure", () => {
    const a = assessTarget({ ...numeric(">=", 55), result: { status: "achieved" } }, 0);
    expect(a.status).toBe("unknown");
  });
});

describe("assessTarget, milestone and unmeasured", () => {
  const milestone = (status?: "achieved" | "partial" | "not_achieved"): Target => ({
    label: "",
    text: "手続を確立する。",
    measure: { kind: "milestone" },
    ...(status !== undefined && { result: { status } }),
  });

  it.each([
    ["achieved", "met"],
    ["partial", "not_met"],
    ["not_achieved", "not_met"],
  ] as const)("a milestone %s is %s", (result, status) => {
    expect(assessTarget(milestone(result), 0)).toEqual({ index: 0, status, kind: "milestone" });
  });

  it("a milestone without a result is unknown; an empty label is left out", () => {
    expect(assessTarget(milestone(), 2)).toEqual({
      index: 2,
      status: "unknown",
      kind: "milestone",
    });
  });

  it("a milestone does not read an actual value", () => {
    const a = assessTarget({ ...milestone(), result: { actual: 100 } }, 0);
    expect(a.status).toBe("unknown");
    expect(a.actual).toBeUndefined();
  });

  it("a target without a measure is unknown whatever its result says", () => {
    const a = assessTarget({ label: "②", text: "何か", result: { status: "achieved" } }, 1);
    expect(a).toEqual({ index: 1, label: "②", status: "unknown", kind: "none" });
  });
});

// Integers scaled by a power of ten keep the oracle below free of its own rounding questions.
const value = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
const comparator = fc.constantFrom(...COMPARATORS);
const OPPOSITE: Record<Comparator, Comparator> = {
  ">=": "<=",
  ">": "<",
  "<=": ">=",
  "<": ">",
  "=": "=",
};
const NEGATION: Partial<Record<Comparator, Comparator>> = {
  ">=": "<",
  ">": "<=",
  "<=": ">",
  "<": ">=",
};

describe("numeric status, properties", () => {
  it("agrees with plain comparison of the numbers", () => {
    fc.assert(
      fc.property(comparator, value, value, (c, target, actual) => {
        const expected = {
          ">=": actual >= target,
          ">": actual > target,
          "<=": actual <= target,
          "<": actual < target,
          "=": actual === target,
        }[c];
        expect(numericStatus(c, actual, target)).toBe(expected ? "met" : "not_met");
      }),
    );
  });

  it("flipping the direction flips met and not met, except at equality", () => {
    fc.assert(
      fc.property(comparator, value, value, (c, target, actual) => {
        if (c === "=") return;
        const here = numericStatus(c, actual, target);
        const flipped = numericStatus(OPPOSITE[c], actual, target);
        if (actual === target) expect(flipped).toBe(here);
        else expect(flipped).not.toBe(here);
      }),
    );
  });

  it("a comparator and its negation never agree, at equality included", () => {
    fc.assert(
      fc.property(comparator, value, value, (c, target, actual) => {
        const negation = NEGATION[c];
        if (negation === undefined) return;
        expect(numericStatus(negation, actual, target)).not.toBe(numericStatus(c, actual, target));
      }),
    );
  });

  it("the sign of the margin and difference agrees with the status", () => {
    fc.assert(
      fc.property(comparator, value, value, (c, target, actual) => {
        const a = assessTarget(numeric(c, target, actual), 0);
        const d = a.difference ?? Number.NaN;
        if (c === ">" || c === "<") expect(a.status === "met").toBe(d > 0);
        else expect(a.status === "met").toBe(d >= 0);
        if (target === 0) expect(a.margin).toBeUndefined();
        else expect(Math.sign(a.margin ?? Number.NaN)).toBe(Math.sign(d));
      }),
    );
  });

  it("any double: status and difference agree, and equal values meet non-strict targets", () => {
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 });
    fc.assert(
      fc.property(comparator, anyDouble, anyDouble, (c, target, actual) => {
        const d = differenceFromTarget(c, actual, target);
        expect(Number.isFinite(d)).toBe(true);
        if (c === "=") expect(d).toBeLessThanOrEqual(0);
        expect(numericStatus(c, target, target)).toBe(c === ">" || c === "<" ? "not_met" : "met");
      }),
    );
  });
});

describe("nearlyEqual", () => {
  it("is relative: 1e-10 apart is equal near 1 but not near 1e-12", () => {
    expect(nearlyEqual(1, 1 + 1e-10)).toBe(true);
    expect(nearlyEqual(1e-12, 2e-12)).toBe(false);
    expect(nearlyEqual(0, 0)).toBe(true);
    expect(nearlyEqual(0, 1e-300)).toBe(false);
  });
});
