// The fiscal-2024 rollover of the demo (issue #11, "what was found"): the draft copied from
// 2023 keeps targets last year's results already meet and texts that still name 2023's
// figures. The assessment of the stored year now says so, with stable codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { assessManifesto } from "../domain/assessment/index.ts";
import { nextYearDraft } from "../domain/manifesto/next-year.ts";
import { manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import { assessManifestos } from "./assess-manifestos.ts";
import { staffContext } from "./auth/staff-context.ts";
import { importManifesto } from "./import-manifesto.ts";
import { getStaffManifesto } from "./manifestos/get-manifesto.ts";
import { getPlanningDashboard } from "./planning/get-dashboard.ts";
import { getYearOverview } from "./planning/get-year-overview.ts";

let t: TestDatabase;
let draftId = 0;
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
  draftId = (await importManifesto(t.ctx, draft)).manifestoId;
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

const planner = () =>
  staffContext(t.ctx, {
    id: 1,
    username: "planner",
    role: "planning",
    municipalityCode: "242161",
    departmentId: null,
  });

const HISTORY = new Set(["target_below_last_actual", "target_lowered", "indicator_dropped"]);

describe("the history checks beyond the command line (issue #11)", () => {
  it("the editor is given last year's targets, and assessing with them gives what assess gives", async () => {
    const found = await getStaffManifesto(planner(), draftId);
    const lastYear = found.context.lastYear;
    expect(lastYear?.fiscalYear).toBe(2023);
    expect(lastYear?.indicators).toContainEqual({
      goal: 3,
      indicator: "階層別研修後の受講者アンケート項目の活用度平均",
      measure: { unit: "%", comparator: ">=", target: 70 },
      actual: 84,
    });
    // What the staff app runs in the browser on the document and this context.
    const inBrowser = assessManifesto(
      manifestoDocumentSchema.parse(JSON.parse(found.documentJson)),
      {
        ...(lastYear && { lastYear }),
      },
    );
    const [cli] = await assessManifestos(t.ctx, { municipalityCode: "242161", fiscalYear: 2024 });
    const history = (goals: typeof inBrowser.goals | undefined) =>
      goals?.flatMap((g) => g.findings.filter((f) => HISTORY.has(f.code)).map((f) => f.message));
    expect(history(inBrowser.goals)).toEqual(history(cli?.assessment.goals));
    expect(history(inBrowser.goals)).toHaveLength(2);
  });

  it("a manifesto of the first year has no last year to compare with", async () => {
    const year = await getYearOverview(
      planner(),
      { municipalityCode: "242161", fiscalYear: 2023 },
      new Date("2024-05-01T00:00:00Z"),
    );
    const found = await getStaffManifesto(planner(), year.departments[0]?.manifesto?.id ?? 0);
    expect(found.manifesto.fiscalYear).toBe(2023);
    expect(found.context.lastYear).toBeNull();
  });

  it("全体状況 counts them as assess does", async () => {
    const [cli] = await assessManifestos(t.ctx, { municipalityCode: "242161", fiscalYear: 2024 });
    const overview = await getYearOverview(
      planner(),
      { municipalityCode: "242161", fiscalYear: 2024 },
      new Date("2024-05-01T00:00:00Z"),
    );
    const row = overview.departments.find((d) => d.manifesto?.id === draftId);
    expect(row?.warnings).toBe(cli?.assessment.summary.warnings);
    expect(row?.notices).toBe(cli?.assessment.summary.notices);
    // Seven warnings on the plan itself, one more from last year's actual (goal 3's 70%).
    expect(row?.warnings).toBe(8);
  });

  it("the planning dashboard lists the warning against last year's actual", async () => {
    const dashboard = await getPlanningDashboard(planner(), "242161", 2024);
    expect(dashboard.warnings.filter((w) => w.code === "target_below_last_actual")).toMatchObject([
      { goalNumber: 3, target: 1 },
    ]);
    expect(dashboard.departments[0]?.notices).toBe(1);
  });
});
