// A long-term target judged on its path; the second score beside the level, and the notice
// when the two sit far apart (docs/assessment-codes.md).
import { describe, expect, it } from "vitest";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument, NumericMeasure } from "../manifesto/schema.ts";
import { assessManifesto, pathValue } from "./index.ts";

function prefecture(): ManifestoDocument {
  return extensionFixture("prefecture");
}

function measureOf(doc: ManifestoDocument, g: number, t: number): NumericMeasure {
  const m = doc.goals[g]?.targets?.[t]?.measure;
  if (m?.kind !== "numeric") throw new Error("fixture changed");
  return m;
}

const codes = (doc: ManifestoDocument, g: number) =>
  assessManifesto(doc).goals[g]?.findings.map((f) => f.code) ?? [];

describe("long-term targets", () => {
  it("lie on a straight path from the baseline", () => {
    expect(
      pathValue({ value: 905, fiscalYear: 2023 }, { target: 850, fiscalYear: 2025 }, 2024),
    ).toBe(877.5);
  });

  it("are behind schedule when this year's actual misses the path (less is better)", () => {
    // 905 g (2023) → 850 g (2025): 877.5 g this year; 884 g is behind though it beat 905.
    const goal = assessManifesto(prefecture()).goals[0]!;
    expect(goal.targets[0]?.longTerm).toEqual([
      { index: 0, target: 850, fiscalYear: 2025, expected: 877.5, onSchedule: false },
    ]);
    const finding = goal.findings.find((f) => f.code === "long_term_behind_schedule");
    expect(finding).toMatchObject({ severity: "notice", target: 0 });
    expect(finding?.message).toBe(
      "達成目標①の実績884gは、令和7年度の目標850g以下に向けた計画線（今年度877.5g）に届いていません。",
    );
  });

  it("are on schedule when the actual is on or past the path", () => {
    const doc = prefecture();
    doc.goals[0]!.targets![0]!.result = { actual: 877.5 };
    const goal = assessManifesto(doc).goals[0]!;
    expect(goal.targets[0]?.longTerm?.[0]?.onSchedule).toBe(true);
    expect(goal.findings.map((f) => f.code)).not.toContain("long_term_behind_schedule");
  });

  it("follow the comparator's direction (more is better)", () => {
    const doc = prefecture();
    const m = measureOf(doc, 0, 1); // 協力店 41 (2023) ≥ 60 this year
    m.longTerm = [{ target: 100, fiscalYear: 2026 }]; // path: 41 → 100 by 2026, 60.67 in 2024
    doc.goals[0]!.targets![1]!.result = { actual: 61 };
    expect(assessManifesto(doc).goals[0]?.targets[1]?.longTerm?.[0]).toMatchObject({
      expected: 60.666667,
      onSchedule: true,
    });
    doc.goals[0]!.targets![1]!.result = { actual: 60 };
    expect(codes(doc, 0)).toContain("long_term_behind_schedule");
  });

  it("start from the latest earlier reference when there is no baseline", () => {
    const doc = prefecture();
    const m = measureOf(doc, 0, 0);
    delete m.baseline;
    // 952 g (2018) → 850 g (2025): 864.571429 g in 2024; 884 g is behind.
    expect(assessManifesto(doc).goals[0]?.targets[0]?.longTerm?.[0]).toMatchObject({
      expected: 864.571429,
      onSchedule: false,
    });
  });

  it("are not judged without a start value or without an actual", () => {
    const doc = prefecture();
    const m = measureOf(doc, 0, 0);
    delete m.baseline;
    delete m.references;
    expect(assessManifesto(doc).goals[0]?.targets[0]?.longTerm).toBeUndefined();
    const other = prefecture();
    delete other.goals[0]!.targets![0]!.result;
    const judged = assessManifesto(other).goals[0]?.targets[0]?.longTerm?.[0];
    expect(judged).toEqual({ index: 0, target: 850, fiscalYear: 2025, expected: 877.5 });
    expect(codes(other, 0)).not.toContain("long_term_behind_schedule");
  });
});

describe("a target text naming its long-term target", () => {
  it("is not read as a disagreeing baseline", () => {
    // 「880g以下（令和7年度 850g）」: the parenthesis is the long-term target, not the baseline.
    expect(codes(prefecture(), 0)).not.toContain("text_disagrees_with_measure");
    const doc = prefecture();
    const m = measureOf(doc, 0, 0);
    m.longTerm = [{ target: 840, fiscalYear: 2025 }];
    expect(codes(doc, 0)).toContain("text_disagrees_with_measure");
  });
});

describe("the second score", () => {
  it("is shown beside the level", () => {
    const goals = assessManifesto(prefecture()).goals;
    expect(goals.map((g) => [g.level, g.score, g.scoreText])).toEqual([
      [2, 6, "達成度 6（0〜10）"],
      [3, 6, "達成度 6（0〜10）"],
      [4, 9, "達成度 9（0〜10）"],
    ]);
  });

  it("may disagree mildly with the level without a notice (△ and ○ both scored 6)", () => {
    const doc = prefecture();
    expect(codes(doc, 0)).not.toContain("score_disagrees_with_level");
    expect(codes(doc, 1)).not.toContain("score_disagrees_with_level");
  });

  it("gets a notice when it sits more than half the scales away from the level", () => {
    const doc = prefecture();
    doc.goals[2]!.evaluation!.score = 3; // ◎ (the best of four) with 3 of 0–10
    const finding = assessManifesto(doc).goals[2]?.findings.find(
      (f) => f.code === "score_disagrees_with_level",
    );
    expect(finding).toEqual({
      code: "score_disagrees_with_level",
      severity: "notice",
      message:
        "自己評価は「◎ 順調に進んだ」（4）ですが、達成度 3（0〜10）で、二つの評価が大きく離れています。どちらかを見直すか、理由で説明してください。",
    });
    doc.goals[2]!.evaluation!.score = 5; // exactly half apart: no notice
    expect(codes(doc, 2)).not.toContain("score_disagrees_with_level");
  });

  it("is read on the municipality's scale when the document carries none", () => {
    const doc = prefecture();
    const scoreScale = doc.scoreScale!;
    delete doc.scoreScale;
    doc.goals[2]!.evaluation!.score = 3;
    expect(assessManifesto(doc).goals[2]?.scoreText).toBeUndefined();
    const goal = assessManifesto(doc, { scoreScale }).goals[2];
    expect(goal?.scoreText).toBe("達成度 3（0〜10）");
    expect(goal?.findings.map((f) => f.code)).toContain("score_disagrees_with_level");
  });

  it("reads a score on levels by its label", () => {
    const doc = prefecture();
    doc.scoreScale = {
      name: "達成度",
      levels: [
        { level: 3, label: "A" },
        { level: 2, label: "B" },
        { level: 1, label: "C" },
      ],
    };
    for (const g of doc.goals) g.evaluation!.score = 1;
    const goals = assessManifesto(doc).goals;
    expect(goals[2]?.scoreText).toBe("達成度「C」");
    expect(goals[2]?.findings.map((f) => f.code)).toContain("score_disagrees_with_level");
    expect(goals[0]?.findings.map((f) => f.code)).not.toContain("score_disagrees_with_level");
  });

  it("is absent from documents without one", () => {
    const goals = assessManifesto(extensionFixture("city")).goals;
    expect(goals.every((g) => g.score === undefined && g.scoreText === undefined)).toBe(true);
  });
});
