// `tassei assess` prints the second score beside the level and each long-term target's
// judgement beside its target, for a prefecture's 工程表 (FORMAT.md "Extensions").
import { describe, expect, it } from "vitest";
import { extensionFixture } from "../../test/support/fixtures.ts";
import { assessManifesto } from "../domain/assessment/index.ts";
import { assessmentText } from "./present-assessment.ts";

describe("assessment on a terminal", () => {
  it("shows the second score and the long-term path", () => {
    const doc = extensionFixture("prefecture");
    const text = assessmentText({
      municipality: { code: doc.municipality.code, name: doc.municipality.name },
      fiscalYear: doc.fiscalYear,
      department: doc.department.name,
      state: "results_published",
      assessment: assessManifesto(doc),
    });
    expect(text).toContain("目標1: 自己評価 2 △ やや遅れている (partial)、達成度 6（0〜10）");
    expect(text).toContain(
      "達成目標① 未達成 −0.5% — 2025年度目標 850（今年度の計画線 877.5） 計画より遅れ",
    );
    expect(text).toContain("注意 long_term_behind_schedule: 達成目標①の実績884gは");
  });
});
