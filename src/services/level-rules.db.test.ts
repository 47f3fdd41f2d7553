// Issue 11, item 5: a municipality's own level rules, stored (migration 0013) and used by
// `assess`, the planning dashboard and the public year page; the consistency share and the
// achievement-ratio distribution on both. The demo (goals 1 and 4 claim 3 with a target
// not met, goal 5 claims 4 on milestones) gives expected levels 2, 4, 4, 2, 3, 3.

import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { ValidationError } from "../errors.ts";
import { OPEN_DATA_COLUMNS } from "../reports/csv/open-data.ts";
import { pdfText, squeeze, writePdf } from "../reports/pdf/test-support.ts";
import { portalApp, visibleText } from "../server/portal/test-app.ts";
import { assessManifestos } from "./assess-manifestos.ts";
import { staffContext } from "./auth/staff-context.ts";
import { buildBooklet } from "./build-booklet.ts";
import { exportManifestoWorkbook } from "./export-manifesto-xlsx.ts";
import { importManifesto } from "./import-manifesto.ts";
import { getPlanningDashboard } from "./planning/get-dashboard.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";

const RULES = {
  rules: [
    { when: "all_met_and_beaten", margin: 0.1, level: 4 },
    { when: "all_met", level: 3 },
    { when: "any_not_met", level: 2 },
  ],
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
});
afterAll(async () => {
  await t.destroy();
});

const planner = () =>
  staffContext(t.ctx, {
    id: 1,
    username: "planner",
    role: "planning",
    municipalityCode: "242161",
    departmentId: null,
  });

const assessed = async () => {
  const [m] = await assessManifestos(t.ctx, { municipalityCode: "242161", fiscalYear: 2023 });
  if (!m) throw new Error("demo not assessed");
  return m.assessment.goals;
};

const differing = (goals: Awaited<ReturnType<typeof assessed>>) =>
  goals
    .filter((g) => g.findings.some((f) => f.code === "level_differs_from_expected"))
    .map((g) => g.number);

describe("level rules of a municipality", () => {
  it("without stated rules: expected levels from the scale, no new notice", async () => {
    const goals = await assessed();
    expect(goals.map((g) => g.expectedLevel)).toEqual([2, 4, 4, 2, 3, 3]);
    expect(differing(goals)).toEqual([]);
  });

  it("refuses rules that name a level the scale does not have, naming the field", async () => {
    const error = await updateMunicipality(t.ctx, {
      code: "242161",
      levelRules: { rules: [{ when: "all_met", level: 9 }] },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { path: "levelRules", message: expect.stringContaining("9") },
    ]);
    const malformed = await updateMunicipality(t.ctx, {
      code: "242161",
      levelRules: { rules: [{ when: "all_met_and_beaten", level: 4 }] },
    }).catch((e) => e);
    expect(malformed).toBeInstanceOf(ValidationError);
  });

  it("stores stated rules: assess then tells each goal whose level differs", async () => {
    await updateMunicipality(t.ctx, { code: "242161", levelRules: RULES });
    const row = await t.ctx.db
      .selectFrom("municipalities")
      .select("level_rules")
      .where("code", "=", "242161")
      .executeTakeFirstOrThrow();
    expect(row.level_rules).toEqual(RULES);
    const goals = await assessed();
    expect(differing(goals)).toEqual([1, 4, 5]);
    // The earlier findings stay as they were, the new notice only adds.
    expect(goals[0]?.findings.map((f) => f.code)).toEqual([
      "claimed_achieved_target_not_met",
      "level_differs_from_expected",
    ]);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("detail")
      .where("action", "=", "municipality.updated")
      .execute();
    expect(JSON.stringify(audit.map((a) => a.detail))).toContain("levelRules");
  });

  it("the dashboard shows the share that agrees and the ratio distribution", async () => {
    const dashboard = await getPlanningDashboard(planner(), "242161", 2023);
    const [somu] = dashboard.departments;
    expect(somu?.consistency).toMatchObject({ compared: 6, agreeing: 3, share: 0.5, ratios: 7 });
    const counts = Object.fromEntries(
      dashboard.consistency.distribution.map((b) => [b.key, b.count]),
    );
    expect(counts).toEqual({
      below_90: 2,
      "90_100": 0,
      "100_105": 0,
      "105_120": 3,
      "120_150": 1,
      "150_up": 1,
    });
    expect(dashboard.departments[0]?.notices).toBeGreaterThanOrEqual(4);
  });

  it("going back to the default rules removes the notices", async () => {
    await updateMunicipality(t.ctx, { code: "242161", levelRules: null });
    expect(differing(await assessed())).toEqual([]);
  });
});

describe("the public year page", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await portalApp(t);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("shows the consistency and the ratio bins as a table of text", async () => {
    const res = await app.inject({ method: "GET", url: "/242161/2023" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2 id="consistency-heading">自己評価と実績の整合</h2>');
    const text = visibleText(res.body);
    expect(text).toContain("達成率100%以上105%未満（ちょうど達成）");
    expect(text).toMatch(/総務部 6件中3件（50%） 2件 0件 0件 3件 1件 1件/);
    expect(text).toMatch(/全体 6件中3件（50%）/);
  });
});

// Rules that differ from the defaults on the demo: every target met → 3 (the defaults give 4
// to goals 2 and 3, whose targets are beaten), any not met → 1 (the defaults: 2).
const STRICT = {
  rules: [
    { when: "all_met", level: 3 },
    { when: "any_not_met", level: 1 },
  ],
};

describe("the workbook and the booklet follow the municipality's level rules", () => {
  beforeAll(async () => {
    await updateMunicipality(t.ctx, { code: "242161", levelRules: STRICT });
  });
  afterAll(async () => {
    await updateMunicipality(t.ctx, { code: "242161", levelRules: null });
  });

  it("the workbook's 達成目標一覧 gives each goal's expected level and whether it agrees", async () => {
    const xlsx = await exportManifestoWorkbook(t.ctx, {
      municipalityCode: "242161",
      fiscalYear: 2023,
      department: "総務部",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const list = wb.getWorksheet("達成目標一覧");
    const col = (key: string) => OPEN_DATA_COLUMNS.findIndex((c) => c.key === key) + 1;
    const byGoal = new Map<unknown, unknown[]>();
    list?.eachRow((row, n) => {
      if (n === 1) return;
      byGoal.set(row.getCell(col("goal_number")).value, [
        row.getCell(col("self_evaluation")).value,
        row.getCell(col("expected_level")).value,
        row.getCell(col("self_evaluation_agrees")).value,
      ]);
    });
    expect([...byGoal.entries()]).toEqual([
      [1, [3, 1, "異なる"]],
      [2, [4, 3, "異なる"]],
      [3, [4, 3, "異なる"]],
      [4, [3, 1, "異なる"]],
      [5, [4, 3, "異なる"]],
      [6, [3, 3, "一致"]],
    ]);
  });

  it("the booklet prints the expected level under each goal's reason", async () => {
    const { pdf } = await buildBooklet(t.ctx, { municipalityCode: "242161", fiscalYear: 2023 });
    const text = squeeze(pdfText(writePdf(pdf, "booklet-level-rules.pdf")));
    const lines = text.match(/実績から見込まれる段階：\d（自己評価と(一致|異なる)）/gu);
    expect(lines).toEqual([
      "実績から見込まれる段階：1（自己評価と異なる）",
      "実績から見込まれる段階：3（自己評価と異なる）",
      "実績から見込まれる段階：3（自己評価と異なる）",
      "実績から見込まれる段階：1（自己評価と異なる）",
      "実績から見込まれる段階：3（自己評価と異なる）",
      "実績から見込まれる段階：3（自己評価と一致）",
    ]);
  });
});
