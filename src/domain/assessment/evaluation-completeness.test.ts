import { describe, expect, it } from "vitest";
import type { Goal, ManifestoDocument } from "../manifesto/schema.ts";
import { missingForEvaluationSubmission } from "./evaluation-completeness.ts";

const numeric = {
  kind: "numeric" as const,
  indicator: "件数",
  unit: "件",
  comparator: ">=" as const,
  target: 15,
};

function doc(goals: Goal[]): ManifestoDocument {
  return {
    format: "tassei.manifesto/v1",
    municipality: { code: "242161", name: "伊賀市" },
    fiscalYear: 2023,
    department: { name: "総務部" },
    goals,
  };
}

describe("missingForEvaluationSubmission", () => {
  it("lists every goal left 未評価 and every numeric target with neither actual nor text", () => {
    const goals: Goal[] = [1, 2, 3, 4, 5, 6, 7].map((number) => ({
      number,
      mission: "使命",
      title: "目標",
      targets: [{ label: "①", text: "件数15件以上", measure: numeric }],
      ...(number === 1 && { evaluation: { level: 3, reason: "理由" } }),
    }));
    const missing = missingForEvaluationSubmission(doc(goals));
    // The case found: 6 of 7 goals 未評価 went through review without a word.
    expect(missing.filter((m) => m.path.endsWith(".evaluation"))).toHaveLength(6);
    expect(missing.filter((m) => m.path.endsWith(".result"))).toHaveLength(7);
    expect(missing[0]).toEqual({
      path: "goals[0].targets[0].result",
      message: "目標1の達成目標①に実績値も、実績がない理由の記述もありません",
    });
    expect(missing[1]?.message).toBe("目標2が未評価です（自己評価を選んでください）");
  });

  it("accepts an actual value, or a result text saying why there is none; milestones need neither", () => {
    const goal = (result: object | undefined): Goal => ({
      number: 1,
      mission: "使命",
      title: "目標",
      evaluation: { level: 2, reason: "理由" },
      targets: [
        { text: "件数15件以上", measure: numeric, ...(result && { result }) },
        { text: "手順を定める", measure: { kind: "milestone" } },
      ],
    });
    expect(missingForEvaluationSubmission(doc([goal({ actual: 12 })]))).toEqual([]);
    expect(missingForEvaluationSubmission(doc([goal({ text: "調査が中止された" })]))).toEqual([]);
    expect(missingForEvaluationSubmission(doc([goal({ text: "  " })]))).toHaveLength(1);
    expect(missingForEvaluationSubmission(doc([goal(undefined)]))).toHaveLength(1);
  });
});
