import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE } from "../manifesto/default-scale.ts";
import type { EvaluationScale, Goal, ManifestoDocument, Target } from "../manifesto/schema.ts";
import { validateManifesto } from "../manifesto/validate.ts";
import { assessManifesto, type GoalAssessment } from "./index.ts";

const demoPath = new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url);

function demo(): ManifestoDocument {
  const result = validateManifesto(JSON.parse(readFileSync(demoPath, "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const SUITA: EvaluationScale = {
  name: "部長マニフェスト達成状況",
  levels: [
    { level: 3, label: "A", meaning: "achieved" },
    { level: 2, label: "B", meaning: "partial" },
    { level: 1, label: "C", meaning: "not_achieved" },
  ],
};

const OKAZAKI: EvaluationScale = {
  name: "達成度",
  levels: [
    { level: 4, label: "計画以上", meaning: "exceeded" },
    { level: 3, label: "計画通り", meaning: "achieved" },
    { level: 2, label: "計画未満", meaning: "not_achieved" },
    { level: 1, label: "評価不能", meaning: "unassessable" },
  ],
};

const met: Target = {
  label: "①",
  text: "件数15件以上",
  measure: { kind: "numeric", indicator: "件数", unit: "件", comparator: ">=", target: 15 },
  result: { actual: 17 },
};
const unmet: Target = { ...met, label: "②", result: { actual: 12 } };
const milestone: Target = {
  text: "手続を確立する。",
  measure: { kind: "milestone" },
  result: { status: "achieved" },
};

function goal(targets: Target[], level?: number, extra: Partial<Goal> = {}): Goal {
  return {
    number: 1,
    mission: "使命",
    title: "目標",
    targets,
    ...(level !== undefined && { evaluation: { level, reason: "理由" } }),
    ...extra,
  };
}

function doc(goals: Goal[], evaluationScale?: EvaluationScale): ManifestoDocument {
  const base = demo();
  const { evaluationScale: _dropped, ...rest } = base;
  return { ...rest, ...(evaluationScale && { evaluationScale }), goals };
}

const codes = (g: GoalAssessment | undefined) => g?.findings.map((f) => f.code);

describe("assessManifesto on the demo (Iga 2023 総務部)", () => {
  const result = assessManifesto(demo());
  const byNumber = (n: number) => result.goals.find((g) => g.number === n);

  it("reads each goal's level and claim through the demo's meaning-less scale", () => {
    expect(result.goals.map((g) => [g.number, g.level, g.claim])).toEqual([
      [1, 3, "achieved"],
      [2, 4, "exceeded"],
      [3, 4, "exceeded"],
      [4, 3, "achieved"],
      [5, 4, "exceeded"],
      [6, 3, "achieved"],
    ]);
    expect(byNumber(1)?.levelLabel).toBe("業績目標を達成した");
  });

  it("warns on goal 1 about target ① (49.4% against 55%以上)", () => {
    const findings = byNumber(1)?.findings ?? [];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual({
      code: "claimed_achieved_target_not_met",
      severity: "warning",
      target: 0,
      message:
        "自己評価は「業績目標を達成した」（3）ですが、達成目標①は未達成です（実績49.4% / 目標55%以上）",
    });
    expect(byNumber(1)?.targets.map((t) => t.status)).toEqual(["not_met", "met"]);
  });

  it("warns on goal 4 about target ② (7.1% reduction against 10%以上)", () => {
    const findings = byNumber(4)?.findings ?? [];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "claimed_achieved_target_not_met",
      severity: "warning",
      target: 1,
    });
    expect(findings[0]?.message).toContain("達成目標②は未達成です（実績7.1%減 / 目標10%減以上）");
  });

  it("notices goal 5's exceeded level on a milestone alone", () => {
    expect(byNumber(5)?.findings.map((f) => [f.code, f.severity])).toEqual([
      ["exceeded_on_milestones_only", "notice"],
    ]);
  });

  it("finds nothing on goals 2, 3 and 6", () => {
    expect([2, 3, 6].map((n) => byNumber(n)?.findings)).toEqual([[], [], []]);
  });

  it("measures goal 2's rank 204 against 230位以内 as 11% better", () => {
    const target = byNumber(2)?.targets[0];
    expect(target?.status).toBe("met");
    expect(target?.margin).toBeCloseTo(0.113, 3);
    expect(target?.difference).toBe(26);
  });

  it("sums the targets and findings", () => {
    expect(result.summary).toEqual({
      targets: { met: 8, not_met: 2, unknown: 0 },
      warnings: 2,
      notices: 1,
    });
  });
});

describe("which scale says what a level claims", () => {
  it("uses the municipality's scale when the document has none", () => {
    const d = doc([goal([unmet], 3)]);
    expect(assessManifesto(d, { scale: SUITA }).goals[0]).toMatchObject({
      levelLabel: "A",
      claim: "achieved",
    });
    expect(assessManifesto(d).goals[0]?.levelLabel).toBe(DEFAULT_SCALE.levels[2]?.label);
  });

  it("prefers the document's own scale to the municipality's", () => {
    const d = doc([goal([unmet], 4)], OKAZAKI);
    expect(assessManifesto(d, { scale: SUITA }).goals[0]?.claim).toBe("exceeded");
  });

  it("borrows meanings by label from the known scales", () => {
    const bare: EvaluationScale = {
      name: "岡崎（意味なし）",
      levels: OKAZAKI.levels.map(({ level, label }) => ({ level, label })),
    };
    const d = doc([goal([unmet], 4)], bare);
    expect(assessManifesto(d).goals[0]).not.toHaveProperty("claim");
    expect(codes(assessManifesto(d).goals[0])).toEqual(["level_meaning_unknown"]);
    const known = assessManifesto(d, { knownScales: [OKAZAKI, DEFAULT_SCALE] }).goals[0];
    expect(known?.claim).toBe("exceeded");
    expect(codes(known)).toEqual(["claimed_achieved_target_not_met"]);
  });

  it("notices a level the scale does not have, and checks nothing else about the claim", () => {
    const d = doc([goal([unmet], 9)]);
    const g = assessManifesto(d).goals[0];
    expect(g?.level).toBe(9);
    expect(g?.levelLabel).toBeUndefined();
    expect(g?.findings.map((f) => [f.code, f.severity])).toEqual([
      ["level_meaning_unknown", "notice"],
    ]);
  });
});

describe("the rules under other municipalities' scales", () => {
  it("Suita A/B/C: A with an unmet target warns; B does not; C with all met notices", () => {
    const goals = [
      goal([met, unmet], 3),
      { ...goal([met, unmet], 2), number: 2 },
      { ...goal([met, milestone], 1), number: 3 },
    ];
    const result = assessManifesto(doc(goals, SUITA));
    expect(result.goals.map(codes)).toEqual([
      ["claimed_achieved_target_not_met"],
      [],
      ["claimed_not_achieved_all_targets_met"],
    ]);
    expect(result.goals[0]?.findings[0]?.message).toBe(
      "自己評価は「A」ですが、達成目標②は未達成です（実績12件 / 目標15件以上）",
    );
  });

  it("Okazaki: 計画以上 on milestones notices; 計画通り with a miss warns; 評価不能 says nothing", () => {
    const goals = [
      goal([milestone], 4),
      { ...goal([unmet], 3), number: 2 },
      { ...goal([unmet], 1), number: 3 },
      { ...goal([met], 2), number: 4 },
    ];
    const result = assessManifesto(doc(goals, OKAZAKI));
    expect(result.goals.map(codes)).toEqual([
      ["exceeded_on_milestones_only"],
      ["claimed_achieved_target_not_met"],
      [],
      ["claimed_not_achieved_all_targets_met"],
    ]);
    expect(result.goals.map((g) => g.claim)).toEqual([
      "exceeded",
      "achieved",
      "unassessable",
      "not_achieved",
    ]);
  });

  it("default scale: exceeded with every number exactly on target notices", () => {
    const exact: Target = { ...met, result: { actual: 15 } };
    expect(codes(assessManifesto(doc([goal([exact, milestone], 4)])).goals[0])).toEqual([
      "exceeded_without_beaten_target",
    ]);
  });
});

describe("results at year end", () => {
  const pending: Target = { ...met, result: { text: "集計中" } };

  it("notices a numeric target without a result once the goal is evaluated", () => {
    const g = assessManifesto(doc([goal([met, pending], 3)])).goals[0];
    expect(g?.findings.map((f) => [f.code, f.target])).toEqual([
      ["numeric_target_without_result", 1],
    ]);
  });

  it("before the evaluation: statuses only, no findings about claims or results", () => {
    const g = assessManifesto(doc([goal([met, unmet, pending])])).goals[0];
    expect(g?.targets.map((t) => t.status)).toEqual(["met", "not_met", "unknown"]);
    expect(g?.findings).toEqual([]);
    expect(g).not.toHaveProperty("level");
    expect(g).not.toHaveProperty("claim");
  });

  it("a goal without targets is assessed without failing", () => {
    const g = assessManifesto(doc([{ ...goal([], 3), targets: undefined }])).goals[0];
    expect(g?.targets).toEqual([]);
    expect(g?.findings).toEqual([]);
  });
});

describe("policy references against the plan", () => {
  const refs = (policyRefs: string[]) => doc([goal([met], undefined, { policyRefs })]);

  it("notices each reference that names no known code, reading legacy and full-width forms", () => {
    const d = refs(["７－１－①", "7-3・①", "7-9-①"]);
    const g = assessManifesto(d, { planCodes: ["7-1", "7-1-①", "7-3-①"] }).goals[0];
    expect(g?.findings.map((f) => f.code)).toEqual(["unknown_policy_ref"]);
    expect(g?.findings[0]?.message).toContain("「7-9-①」");
  });

  it("checks nothing without plan codes", () => {
    const d = refs(["7-9-①"]);
    expect(assessManifesto(d).goals[0]?.findings).toEqual([]);
    expect(assessManifesto(d, { planCodes: [] }).goals[0]?.findings).toEqual([]);
  });

  it("on the demo, a plan without 7-3-② notices goal 4's reference and counts it", () => {
    const result = assessManifesto(demo(), { planCodes: ["7-1-①", "7-1-②", "7-3-①"] });
    expect(result.goals[3]?.findings.map((f) => f.code)).toEqual([
      "claimed_achieved_target_not_met",
      "unknown_policy_ref",
    ]);
    expect(result.summary.notices).toBe(2);
  });
});
