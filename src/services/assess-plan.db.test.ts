// The fiscal-2024 rollover of the demo (issue #11, "what was found"): the draft copied from
// 2023 keeps targets last year's results already meet and texts that still name 2023's
// figures. The assessment of the stored year now says so, with stable codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { nextYearDraft } from "../domain/manifesto/next-year.ts";
import { manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import { assessManifestos } from "./assess-manifestos.ts";
import { importManifesto } from "./import-manifesto.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const demo = manifestoDocumentSchema.parse(demoDocument());
  await importManifesto(t.ctx, demo);
  // The rollover, then two edits a department makes: goal 3's second baseline deleted, goal
  // 4's second target (an indicator of 2023) removed.
  const draft = nextYearDraft(demo);
  const goal3 = draft.goals[2]?.targets?.[1];
  if (goal3?.measure?.kind === "numeric") delete goal3.measure.baseline;
  draft.goals[3]?.targets?.splice(1, 1);
  await importManifesto(t.ctx, draft);
});
afterAll(async () => {
  await t.destroy();
});

const codesByGoal = async (fiscalYear: number) => {
  const [m] = await assessManifestos(t.ctx, { municipalityCode: "242161", fiscalYear });
  return m?.assessment.goals.map((g) => [g.number, g.findings.map((f) => [f.code, f.target])]);
};

describe("assess --municipality --year on a rolled-over plan", () => {
  it("flags the targets the new baselines meet and the texts that still say 2023", async () => {
    expect(await codesByGoal(2024)).toEqual([
      [
        1,
        [
          ["text_disagrees_with_measure", 0],
          ["target_met_by_baseline", 1],
          ["text_disagrees_with_measure", 1],
        ],
      ],
      [
        2,
        [
          ["target_met_by_baseline", 0],
          ["text_disagrees_with_measure", 0],
        ],
      ],
      [
        3,
        [
          ["target_met_by_baseline", 0],
          ["target_below_last_actual", 1],
        ],
      ],
      [
        4,
        [
          ["target_met_by_baseline", 0],
          ["indicator_dropped", undefined],
        ],
      ],
      [5, []],
      [6, []],
    ]);
  });

  it("says which indicator was dropped and which actual already meets the target", async () => {
    const [m] = await assessManifestos(t.ctx, { municipalityCode: "242161", fiscalYear: 2024 });
    const messages = m?.assessment.goals.flatMap((g) => g.findings.map((f) => f.message));
    expect(messages).toContain(
      "達成目標②の目標70%以上は、昨年度（2023年度）の実績84%ですでに満たされています",
    );
    expect(
      messages?.some((x) => x.startsWith("昨年度（2023年度）の目標4の指標「高ストレス判定")),
    ).toBe(true);
  });

  it("leaves the 2023 demo's findings as they are (it has no year before)", async () => {
    expect(await codesByGoal(2023)).toEqual([
      [1, [["claimed_achieved_target_not_met", 0]]],
      [2, []],
      [3, []],
      [4, [["claimed_achieved_target_not_met", 1]]],
      [5, [["exceeded_on_milestones_only", undefined]]],
      [6, []],
    ]);
  });
});
