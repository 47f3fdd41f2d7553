// The planning dashboard through the API: the demo's figures (two departments of Iga with the
// demo's content, in the municipality's department order), the year-over-year change of
// indicators, the CSV export read back, and who may open it (401 / 403 / 404 / 400).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importManifesto } from "../../services/import-manifesto.ts";
import { createUser } from "../../services/users/create-user.ts";
import {
  type AccountName,
  createStaffFixture,
  documentFor,
  M1,
  M2,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  f = await createStaffFixture();
  await createUser(f.db.ctx, {
    username: "planning2",
    password: PASSWORD,
    role: "planning",
    municipalityCode: M2,
  });
  // The municipality's department order: 総務部 (A) before 企画部 (B), whatever the names.
  const position = async (id: number, p: number) => {
    const m = await f.db.ctx.db
      .selectFrom("manifestos")
      .select("department_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await f.db.ctx.db
      .updateTable("departments")
      .set({ position: p })
      .where("id", "=", m.department_id)
      .execute();
  };
  await position(f.ids.A, 1);
  await position(f.ids.B, 2);
  const who: (AccountName | "planning2")[] = [
    "viewer",
    "editor",
    "head",
    "planning",
    "admin",
    "installation",
    "otherAdmin",
    "planning2",
  ];
  for (const name of who) sessions.set(name, await f.signIn(name));
});
afterAll(() => f?.close());

function get(who: string | null, url: string) {
  return f.app.inject({
    method: "GET",
    url,
    headers: who ? (sessions.get(who)?.headers ?? {}) : {},
  });
}

const url = (code: string, year: number | string, extra = "") =>
  `/api/dashboard?municipality=${code}&year=${year}${extra}`;

const GOAL_1_WARNING =
  "自己評価は「業績目標を達成した」（3）ですが、達成目標①は未達成です（実績49.4% / 目標55%以上）";

describe("GET /api/dashboard", () => {
  it("gives the demo's figures for each department, in the municipality's department order", async () => {
    const r = await get("planning", url(M1, 2023));
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.municipality).toEqual({ code: M1, name: "伊賀市" });
    expect(body.fiscalYear).toBe(2023);
    expect(body.allowed).toEqual({ read: true });
    expect(body.scale.levels.map((l: { level: number }) => l.level)).toEqual([5, 4, 3, 2, 1]);
    expect(
      body.departments.map((d: { name: string; manifestoId: number }) => [d.name, d.manifestoId]),
    ).toEqual([
      ["総務部", f.ids.A],
      ["企画部", f.ids.B],
    ]);
    const somu = body.departments[0];
    expect(somu).toMatchObject({
      state: "draft", // staff see drafts
      revision: 1,
      goals: 6,
      unevaluated: 0,
      otherLevels: 0,
      targets: { met: 8, not_met: 2, unknown: 0 },
      warnings: 2,
      notices: 1,
    });
    expect(somu.levels.map((l: { level: number; count: number }) => [l.level, l.count])).toEqual([
      [5, 0],
      [4, 3],
      [3, 3],
      [2, 0],
      [1, 0],
    ]);
    expect(somu.levels[2].label).toBe("業績目標を達成した");
    expect(body.totals).toMatchObject({
      goals: 12,
      targets: { met: 16, not_met: 4, unknown: 0 },
      warnings: 4,
      notices: 2,
    });
    expect(body.totals.levels.map((l: { count: number }) => l.count)).toEqual([0, 6, 6, 0, 0]);
  });

  it("lists the warnings of goals 1 and 4 of each department, for the click-through", async () => {
    const body = (await get("planning", url(M1, 2023))).json();
    expect(
      body.warnings.map(
        (w: { manifestoId: number; goalNumber: number; target: number; code: string }) => [
          w.manifestoId,
          w.goalNumber,
          w.target,
          w.code,
        ],
      ),
    ).toEqual([
      [f.ids.A, 1, 0, "claimed_achieved_target_not_met"],
      [f.ids.A, 4, 1, "claimed_achieved_target_not_met"],
      [f.ids.B, 1, 0, "claimed_achieved_target_not_met"],
      [f.ids.B, 4, 1, "claimed_achieved_target_not_met"],
    ]);
    expect(body.warnings[0]).toMatchObject({
      department: "総務部",
      goalTitle: "伝わる広報と市民の市政参画の促進",
      message: GOAL_1_WARNING,
    });
    expect(body.warnings[1].message).toContain(
      "達成目標②は未達成です（実績7.1%減 / 目標10%減以上）",
    );
  });

  it("compares each indicator with the year before: the baseline when that is all there is", async () => {
    const body = (await get("planning", url(M1, 2023))).json();
    expect(body.indicators).toHaveLength(7);
    const byName = (name: string) =>
      body.indicators.find((c: { indicator: { name: string } }) => c.indicator.name === name);
    expect(byName("市民まちづくりアンケートの広聴広報に係る満足度")).toMatchObject({
      indicator: { unit: "%" },
      previous: { fiscalYear: 2022, value: 51.3, source: "baseline" },
      current: { value: 49.4 },
      target: { comparator: ">=", value: 55 },
      change: -1.9,
      trend: "worse",
    });
    // A rank: fewer is better.
    expect(byName("地域ブランド調査による伊賀市の情報接触度（全国順位）")).toMatchObject({
      previous: { value: 251 },
      current: { value: 204 },
      change: -47,
      trend: "better",
    });
    const noBaseline = byName("土木技術職の応募者数（前年度比）");
    expect(noBaseline).toMatchObject({
      previous: null,
      current: { value: 3 },
      change: null,
      trend: null,
    });
    expect(
      noBaseline.targets.map((t: { manifestoId: number; goalNumber: number; target: number }) => [
        t.manifestoId,
        t.goalNumber,
        t.target,
      ]),
    ).toEqual([
      [f.ids.A, 3, 0],
      [f.ids.B, 3, 0],
    ]);
  });

  it("takes last year's actual result over this year's baseline, and the municipality's scale", async () => {
    const last = documentFor("M2");
    last.fiscalYear = 2022;
    const goals = last.goals as { targets: { result: { actual: number } }[] }[];
    const satisfaction = goals[0]?.targets[0];
    if (!satisfaction) throw new Error("demo changed");
    satisfaction.result.actual = 50;
    await importManifesto(f.db.ctx, last);
    const suita = {
      name: "達成状況",
      levels: [
        { level: 3, label: "A", meaning: "achieved" },
        { level: 2, label: "B", meaning: "partial" },
        { level: 1, label: "C", meaning: "not_achieved" },
      ],
    };
    await f.db.ctx.db
      .updateTable("municipalities")
      .set({ evaluation_scale: JSON.stringify(suita) })
      .where("code", "=", M2)
      .execute();
    const body = (await get("installation", url(M2, 2023))).json();
    const c = body.indicators.find(
      (i: { indicator: { name: string } }) =>
        i.indicator.name === "市民まちづくりアンケートの広聴広報に係る満足度",
    );
    expect(c).toMatchObject({
      previous: { fiscalYear: 2022, value: 50, source: "actual" },
      change: -0.6,
      trend: "worse",
    });
    expect(body.scale.levels.map((l: { label: string }) => l.label)).toEqual(["A", "B", "C"]);
    // The demo's levels 4 are not on this scale; its 3s are "A".
    expect(body.departments[0]).toMatchObject({
      otherLevels: 3,
      levels: [{ label: "A", count: 3 }, { count: 0 }, { count: 0 }],
    });
    const lastYear = (await get("installation", url(M2, 2022))).json();
    expect(lastYear.departments).toHaveLength(1);
    // 2022's own document gives no value for 2021; its actual is 2022's value.
    expect(lastYear.indicators[0]).toMatchObject({ previous: null, current: { value: 50 } });
  });

  it("answers a year without manifestos with nothing to count", async () => {
    const body = (await get("admin", url(M1, 2030))).json();
    expect(body.departments).toEqual([]);
    expect(body.warnings).toEqual([]);
    expect(body.indicators).toEqual([]);
    expect(body.totals).toMatchObject({ goals: 0, targets: { met: 0, not_met: 0, unknown: 0 } });
  });
});

describe("GET /api/dashboard.csv", () => {
  function read(body: string): Record<string, string>[] {
    return parse(body, { bom: true, columns: true, record_delimiter: "\r\n" });
  }

  it("exports the departments table as UTF-8 CSV with a BOM, as a download", async () => {
    const r = await get("planning", `/api/dashboard.csv?municipality=${M1}&year=2023`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(String(r.headers["content-disposition"])).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${M1}-2023-部局別集計.csv`)}`,
    );
    const rows = read(r.body);
    expect(rows.map((row) => row.部局名)).toEqual(["総務部", "企画部"]);
    expect(rows[0]).toMatchObject({
      状態: "下書き",
      目標数: "6",
      "評価4（達成水準を上回る成果があった）": "3",
      "評価3（業績目標を達成した）": "3",
      "評価5（先進的な取り組みを行い、成果があった）": "0",
      未評価: "0",
      "達成目標：達成": "8",
      "達成目標：未達成": "2",
      "達成目標：不明": "0",
      警告: "2",
      注意: "1",
      マニフェストID: String(f.ids.A),
    });
  });

  it("exports the warnings and the indicators, one row each", async () => {
    const warnings = read(
      (await get("admin", `/api/dashboard.csv?municipality=${M1}&year=2023&table=warnings`)).body,
    );
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toEqual({
      部局名: "総務部",
      目標番号: "1",
      目標: "伝わる広報と市民の市政参画の促進",
      達成目標番号: "1",
      コード: "claimed_achieved_target_not_met",
      内容: GOAL_1_WARNING,
      マニフェストID: String(f.ids.A),
    });
    const indicators = read(
      (await get("admin", `/api/dashboard.csv?municipality=${M1}&year=2023&table=indicators`)).body,
    );
    expect(indicators).toHaveLength(14); // 7 indicators, each named by both departments
    expect(indicators[0]).toMatchObject({
      指標: "市民まちづくりアンケートの広聴広報に係る満足度",
      前年度: "2022",
      前年度の値: "51.3",
      前年度の値の出典: "基準値",
      今年度の実績: "49.4",
      増減: "-1.9",
      傾向: "悪化",
      部局名: "総務部",
      比較: "以上",
      目標値: "55",
    });
  });
});

describe("GET /api/dashboard.csv?table=consistency", () => {
  function read(body: string): Record<string, string>[] {
    return parse(body, { bom: true, columns: true, record_delimiter: "\r\n" });
  }

  it("gives per department and for the year the share of agreeing self-evaluations and the ratio bins", async () => {
    const r = await get(
      "planning",
      `/api/dashboard.csv?municipality=${M1}&year=2023&table=consistency`,
    );
    expect(r.statusCode).toBe(200);
    expect(String(r.headers["content-disposition"])).toContain(
      encodeURIComponent(`${M1}-2023-自己評価と実績の一致.csv`),
    );
    const rows = read(r.body);
    expect(rows.map((row) => row.部局名)).toEqual(["総務部", "企画部", "全体"]);
    // The demo: expected levels 2, 4, 4, 2, 3, 3 against the claimed 3, 4, 4, 3, 4, 3; its
    // seven numeric results are 0.898, 1.133, 1.127, 2, 1.2, 1.175 and 0.71 of their targets.
    expect(rows[0]).toEqual({
      年度: "2023",
      部局名: "総務部",
      自己評価と比べた目標: "6",
      うち一致: "3",
      "一致の割合（%）": "50",
      達成率のある達成目標: "7",
      "達成率90%未満": "2",
      "達成率90%以上100%未満": "0",
      "達成率100%以上105%未満": "0",
      "達成率105%以上120%未満": "3",
      "達成率120%以上150%未満": "1",
      "達成率150%以上": "1",
      マニフェストID: String(f.ids.A),
    });
    const sum = (key: string) =>
      String(rows.slice(0, 2).reduce((n, row) => n + Number(row[key]), 0));
    for (const key of [
      "自己評価と比べた目標",
      "うち一致",
      "達成率のある達成目標",
      "達成率90%未満",
    ]) {
      expect(rows[2]?.[key]).toBe(sum(key));
    }
    expect(rows[2]?.マニフェストID).toBe("");
  });
});

describe("who may open the dashboard", () => {
  it.each([
    ["editor", 403],
    ["head", 403],
    ["viewer", 403],
    ["planning2", 404],
    ["otherAdmin", 404],
  ])("%s of Iga's dashboard → %i, JSON and CSV", async (who, status) => {
    for (const path of [url(M1, 2023), `/api/dashboard.csv?municipality=${M1}&year=2023`]) {
      const r = await get(who, path);
      expect(r.statusCode).toBe(status);
      expect(r.json().error.code).toBe(status === 403 ? "forbidden" : "not_found");
    }
  });

  it("the planning division of another municipality sees its own", async () => {
    expect((await get("planning2", url(M2, 2023))).statusCode).toBe(200);
  });

  it("without a session → 401", async () => {
    const r = await get(null, url(M1, 2023));
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe("unauthenticated");
    expect((await get(null, `/api/dashboard.csv?municipality=${M1}&year=2023`)).statusCode).toBe(
      401,
    );
  });

  it("a municipality not in the database → 404, even for the installation's administrator", async () => {
    expect((await get("installation", url("011002", 2023))).statusCode).toBe(404);
  });

  it.each([
    [url(M1, "20x3"), "year"],
    [url(M1, 1988), "year"],
    [`/api/dashboard?municipality=${M1}`, "year"],
    [url("242162", 2023), "municipality"],
    [url(M1, 2023, "&department=1"), "$"],
    [`/api/dashboard.csv?municipality=${M1}&year=2023&table=goals`, "table"],
  ])("%s → 400 naming %s", async (path, field) => {
    const r = await get("planning", path);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe("validation_error");
    expect(Object.keys(body.error.fields)).toEqual([field]);
    if (field === "$") expect(body.error.fields.$).toContain("department");
  });
});
