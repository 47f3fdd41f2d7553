import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE } from "../manifesto/default-scale.ts";
import type { EvaluationScale, Goal, ManifestoDocument, Target } from "../manifesto/schema.ts";
import { validateManifesto } from "../manifesto/validate.ts";
import {
  achievementRatio,
  consistencyFigures,
  defaultLevelRules,
  expectedLevel,
  type LevelRules,
  levelRulesSchema,
  levelsMissingFromScale,
} from "./expected-level.ts";
import { assessManifesto } from "./index.ts";
import { assessTarget } from "./target-status.ts";
import type { GoalAssessment, TargetAssessment } from "./types.ts";

// The example: all met → 3; all met and one beaten by 10% or more → 4; any not met → 2.
const RULES: LevelRules = {
  rules: [
    { when: "all_met_and_beaten", margin: 0.1, level: 4 },
    { when: "all_met", level: 3 },
    { when: "any_not_met", level: 2 },
  ],
};

function numeric(actual: number | undefined, target = 100, comparator = ">=" as const): Target {
  return {
    text: `件数${target}件以上`,
    measure: { kind: "numeric", indicator: "件数", unit: "件", comparator, target },
    ...(actual !== undefined && { result: { actual } }),
  };
}

function rank(actual: number, target: number): Target {
  return {
    text: `順位${target}位以内`,
    measure: { kind: "numeric", indicator: "順位", unit: "位", comparator: "<=", target },
    result: { actual },
  };
}

const assessed = (targets: Target[]): TargetAssessment[] => targets.map(assessTarget);

describe("expectedLevel by the stated rules", () => {
  it.each([
    ["all met, none beaten by 10%", [numeric(105), numeric(100)], 3],
    ["all met, one beaten by exactly 10%", [numeric(110), numeric(100)], 4],
    ["all met, a rank beaten by 10% (207 against 230位以内)", [rank(207, 230)], 4],
    ["one not met", [numeric(150), numeric(99)], 2],
    ["a milestone achieved and a number met", [numeric(101)], 3],
  ] as const)("%s", (_name, targets, level) => {
    expect(expectedLevel(RULES, assessed([...targets]))).toBe(level);
  });

  it("expects nothing when a target cannot be judged and none is unmet", () => {
    expect(expectedLevel(RULES, assessed([numeric(120), numeric(undefined)]))).toBeUndefined();
    expect(expectedLevel(RULES, [])).toBeUndefined();
  });

  it("takes the first rule that holds, in the order stated", () => {
    const reversed: LevelRules = { rules: [{ when: "all_met", level: 3 }, ...RULES.rules] };
    expect(expectedLevel(reversed, assessed([numeric(150)]))).toBe(3);
  });
});

describe("the rules' schema", () => {
  it("accepts the issue's example and refuses unknown conditions, keys and a missing margin", () => {
    expect(levelRulesSchema.safeParse(RULES).success).toBe(true);
    expect(levelRulesSchema.safeParse({ rules: [] }).success).toBe(false);
    expect(levelRulesSchema.safeParse({ rules: [{ when: "half_met", level: 3 }] }).success).toBe(
      false,
    );
    expect(
      levelRulesSchema.safeParse({ rules: [{ when: "all_met_and_beaten", level: 4 }] }).success,
    ).toBe(false);
    expect(
      levelRulesSchema.safeParse({ rules: [{ when: "all_met", level: 3, extra: 1 }] }).success,
    ).toBe(false);
  });

  it("names the levels the scale does not have", () => {
    const threeLevels: EvaluationScale = {
      name: "A-C",
      levels: [
        { level: 3, label: "A" },
        { level: 2, label: "B" },
        { level: 1, label: "C" },
      ],
    };
    expect(levelsMissingFromScale(RULES, threeLevels)).toEqual([4]);
    expect(levelsMissingFromScale(RULES, DEFAULT_SCALE)).toEqual([]);
  });
});

describe("defaultLevelRules from the scale", () => {
  it("reads exceeded / achieved / not_achieved from the default scale (4 / 3 / 2)", () => {
    expect(defaultLevelRules(DEFAULT_SCALE)).toEqual(RULES);
  });

  it("gives only the rules the scale has meanings for", () => {
    const suita: EvaluationScale = {
      name: "A-C",
      levels: [
        { level: 3, label: "A", meaning: "achieved" },
        { level: 2, label: "B", meaning: "partial" },
        { level: 1, label: "C", meaning: "not_achieved" },
      ],
    };
    expect(defaultLevelRules(suita).rules).toEqual([
      { when: "all_met", level: 3 },
      { when: "any_not_met", level: 1 },
    ]);
    expect(defaultLevelRules({ name: "x", levels: [{ level: 1, label: "x" }] }).rules).toEqual([]);
  });
});

describe("achievementRatio", () => {
  it("is actual ÷ target where more is better, target ÷ actual where less is better", () => {
    expect(achievementRatio(assessTarget(numeric(110), 0))).toBeCloseTo(1.1);
    expect(achievementRatio(assessTarget(rank(200, 230), 0))).toBeCloseTo(1.15);
  });

  it("is undefined without an actual value, for `=`, and at zero", () => {
    expect(achievementRatio(assessTarget(numeric(undefined), 0))).toBeUndefined();
    expect(achievementRatio(assessTarget(numeric(5, 0), 0))).toBeUndefined();
    const exact: Target = {
      text: "ちょうど",
      measure: { kind: "numeric", indicator: "x", unit: "件", comparator: "=", target: 3 },
      result: { actual: 3 },
    };
    expect(achievementRatio(assessTarget(exact, 0))).toBeUndefined();
  });
});

describe("consistencyFigures", () => {
  const goalOf = (level: number | undefined, targets: Target[]): GoalAssessment => {
    const t = assessed(targets);
    const expected = expectedLevel(RULES, t);
    return {
      number: 1,
      ...(level !== undefined && { level }),
      ...(expected !== undefined && { expectedLevel: expected }),
      targets: t,
      findings: [],
    };
  };

  it("counts goals whose level agrees with the expected one, and bins the ratios", () => {
    const figures = consistencyFigures([
      goalOf(3, [numeric(101)]), // agrees (3); ratio 1.01 — just reached
      goalOf(3, [numeric(100)]), // agrees (3); ratio 1.00 — just reached
      goalOf(4, [numeric(104.9)]), // expected 3: disagrees; just reached
      goalOf(3, [numeric(80)]), // expected 2: disagrees; below 90%
      goalOf(undefined, [numeric(105)]), // not evaluated: not compared; 105% bin
      goalOf(3, [numeric(undefined)]), // nothing expected: not compared, no ratio
    ]);
    expect(figures).toMatchObject({ compared: 4, agreeing: 2, share: 0.5, ratios: 5 });
    const counts = Object.fromEntries(figures.distribution.map((b) => [b.key, b.count]));
    expect(counts).toEqual({
      below_90: 1,
      "90_100": 0,
      "100_105": 3,
      "105_120": 1,
      "120_150": 0,
      "150_up": 0,
    });
    expect(figures.distribution.filter((b) => b.justReached).map((b) => b.key)).toEqual([
      "100_105",
    ]);
  });

  it("has no share when nothing could be compared", () => {
    expect(consistencyFigures([]).share).toBeNull();
  });
});

describe("in assessManifesto", () => {
  const doc = (goals: Goal[]): ManifestoDocument =>
    ({
      formatVersion: 1,
      municipality: { code: "242161", name: "伊賀市" },
      department: { name: "総務部" },
      fiscalYear: 2023,
      goals,
    }) as unknown as ManifestoDocument;

  const g = (level: number, targets: Target[]): Goal =>
    ({
      number: 1,
      title: "目標",
      targets,
      evaluation: { level },
    }) as unknown as Goal;

  it("shows expectedLevel beside the level, and a notice only when rules are stated", () => {
    const d = doc([g(3, [numeric(120)])]);
    const byDefault = assessManifesto(d).goals[0];
    expect(byDefault?.expectedLevel).toBe(4);
    expect(byDefault?.findings.map((f) => f.code)).not.toContain("level_differs_from_expected");

    const stated = assessManifesto(d, { levelRules: RULES }).goals[0];
    expect(stated?.expectedLevel).toBe(4);
    const notice = stated?.findings.find((f) => f.code === "level_differs_from_expected");
    expect(notice).toMatchObject({ severity: "notice" });
    expect(notice?.message).toContain("達成水準を上回る成果があった");
  });

  it("gives no notice when the level agrees with the stated rules", () => {
    const stated = assessManifesto(doc([g(4, [numeric(120)])]), { levelRules: RULES }).goals[0];
    expect(stated?.findings.map((f) => f.code)).not.toContain("level_differs_from_expected");
  });

  it("leaves the demo's findings as they were, with expected levels beside them", () => {
    const demoPath = new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url);
    const result = validateManifesto(JSON.parse(readFileSync(demoPath, "utf8")));
    if (!result.ok) throw new Error("demo invalid");
    const before = assessManifesto(result.value);
    expect(before.goals.flatMap((g) => g.findings.map((f) => f.code))).not.toContain(
      "level_differs_from_expected",
    );
    const figures = consistencyFigures(before.goals);
    expect(figures.compared).toBeGreaterThan(0);
  });
});
