import { describe, expect, it } from "vitest";
import { MANIFESTO_STATES } from "../workflow.ts";
import {
  frozenChanges,
  isEvaluationPath,
  mayChangeIn,
  planWithEvaluationOf,
  samePlan,
} from "./phase-changes.ts";
import type { ManifestoDocument } from "./schema.ts";

function plan(): ManifestoDocument {
  return {
    format: "tassei.manifesto/v1",
    municipality: { code: "242161", name: "伊賀市" },
    fiscalYear: 2023,
    department: { name: "総務部" },
    goals: [
      {
        number: 1,
        mission: "使命",
        title: "目標",
        targets: [
          {
            text: "満足度を上げる",
            measure: {
              kind: "numeric",
              indicator: "満足度",
              unit: "%",
              comparator: ">=",
              target: 60,
            },
          },
        ],
      },
    ],
  };
}

function evaluated(): ManifestoDocument {
  const doc = plan();
  const goal = doc.goals[0]!;
  goal.evaluation = { level: 3, reason: "達成した" };
  goal.progress = [{ asOf: "2023-09-30", note: "順調" }];
  goal.targets![0]!.result = { actual: 61, status: "achieved" };
  return doc;
}

describe("which paths may change in which state", () => {
  it("knows the evaluation's parts: results, evaluations, reasons and progress", () => {
    for (const path of [
      "goals[0].evaluation",
      "goals[0].evaluation.level",
      "goals[2].evaluation.reason",
      "goals[0].progress",
      "goals[0].progress[1].note",
      "goals[0].targets[3].result",
      "goals[0].targets[0].result.actual",
    ]) {
      expect([path, isEvaluationPath(path)]).toEqual([path, true]);
    }
    for (const path of [
      "goals[0].title",
      "goals[0].targets[0].measure.target",
      "goals[0].targets[0]",
      "goals[1]",
      "goals[0].evaluationNote",
      "department.name",
      "municipality.name",
      "goals[0].targets[0].resultText",
    ]) {
      expect([path, isEvaluationPath(path)]).toEqual([path, false]);
    }
  });

  it("lets the plan's draft change everything, the evaluation's draft only the evaluation, the rest nothing", () => {
    for (const state of MANIFESTO_STATES) {
      const expected =
        state === "draft"
          ? [true, true]
          : state === "evaluation_draft"
            ? [true, false]
            : [false, false];
      expect([
        state,
        mayChangeIn(state, "goals[0].evaluation.reason"),
        mayChangeIn(state, "goals[0].title"),
      ]).toEqual([state, ...expected]);
    }
  });

  it("names the frozen paths a save in the evaluation phase would change", () => {
    const after = evaluated();
    after.goals[0]!.title = "別の目標";
    after.goals[0]!.targets![0]!.measure = { kind: "milestone" };
    expect(frozenChanges("evaluation_draft", plan(), after)).toEqual([
      "goals[0].title",
      "goals[0].targets[0].measure.kind",
      "goals[0].targets[0].measure.indicator",
      "goals[0].targets[0].measure.unit",
      "goals[0].targets[0].measure.comparator",
      "goals[0].targets[0].measure.target",
    ]);
    expect(frozenChanges("evaluation_draft", plan(), evaluated())).toEqual([]);
    expect(frozenChanges("published", plan(), evaluated())).toContain("goals[0].evaluation");
  });

  it("keeps a corrected plan with the published evaluation's parts only", () => {
    const corrected = evaluated();
    corrected.goals[0]!.title = "訂正した目標";
    const published = plan();
    const out = planWithEvaluationOf(corrected, published);
    expect(out.goals[0]!.title).toBe("訂正した目標");
    expect(out.goals[0]).not.toHaveProperty("evaluation");
    expect(out.goals[0]).not.toHaveProperty("progress");
    expect(out.goals[0]!.targets![0]).not.toHaveProperty("result");
    expect(samePlan(out, corrected)).toBe(true);
    expect(samePlan(out, published)).toBe(false);
    expect(planWithEvaluationOf(plan(), evaluated())).toStrictEqual(evaluated());
  });
});
