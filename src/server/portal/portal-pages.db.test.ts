import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { importPlanStructure } from "../../services/import-plan-structure.ts";
import { expectWellFormedPage, portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
  const next = demoDocument();
  next.fiscalYear = 2024;
  await importManifesto(t.ctx, next, { published: true });
  await importPlanStructure(t.ctx, {
    municipalityCode: "242161",
    content: JSON.stringify({ items: [{ code: "7-1-①", title: "広聴広報の充実" }] }),
    format: "json",
  });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

async function get(url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

const manifestoUrl = `/242161/2023/${encodeURIComponent("総務部")}`;

describe("portal pages", () => {
  it("opens the only municipality from /", async () => {
    const res = await get("/");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/242161");
  });

  it("shows the municipality with its years and departments", async () => {
    const res = await get("/242161");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "伊賀市の部局マニフェスト");
    expect(res.body).toContain('href="/242161/2023"');
    expect(res.body).toContain("2024（令和6）年度");
    expect(res.body).toContain(`href="/242161/departments/${encodeURIComponent("総務部")}"`);
  });

  it("shows a year with every department, its levels per goal and the share of targets met", async () => {
    const res = await get("/242161/2023");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "2023（令和5）年度の部局マニフェスト");
    const text = visibleText(res.body);
    expect(text).toContain("総務部");
    // the demo's levels 3,4,4,3,4,3
    const levels = [...res.body.matchAll(/class="level level-(\d)"/g)].map((m) => m[1]);
    expect(levels).toEqual(["3", "4", "4", "3", "4", "3"]);
    expect(text).toMatch(/\d+ \/ \d+（\d+%）/);
    expect(res.body).toContain('href="/242161/2023/opendata.csv"');
  });

  it("shows the manifesto: every goal with its texts, results, level and findings", async () => {
    const res = await get(manifestoUrl);
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "伊賀市 2023（令和5）年度 総務部　部局マニフェスト");
    const text = visibleText(res.body);
    expect(res.body.match(/<section class="goal"/g)).toHaveLength(6);
    expect(text).toContain("目標1 伝わる広報と市民の市政参画の促進");
    expect(text).toContain("市民の市政参画の創出と情報発信力の強化により");
    expect(text).toContain("7-1-① 広聴広報の充実"); // the policy ref with its plan title
    expect(text).toContain("市民に必要な情報が届いていない場合がある。");
    expect(text).toContain("ＳＮＳ等を活用し");
    expect(text).toContain("多様な媒体により情報発信機能が充実され");
    expect(text).toContain("3 業績目標を達成した");
    expect(text).toContain("目標①は未達成（実績49.4% / 目標55%以上");
    expect(text).toContain("目標は達成（実績204位 / 目標230位以内");
    expect(text).toContain("達成目標①は未達成です"); // the assessment's finding
    expect(res.body).toContain("・市政出前講座の項目を見直し"); // the reason, line breaks kept
    expect(res.body).toContain("<br>・多様な媒体での情報発信");
    expect(res.body).toContain(`href="${manifestoUrl}/manifesto.json"`);
    expect(res.body).toContain(`href="${manifestoUrl}/manifesto.xlsx"`);
    expect(res.body).toContain(`href="${manifestoUrl}/manifesto.pdf"`);
    expect(res.body).toMatch(/href="\/242161\/indicators\/\d+"/);
  });

  it("shows a department's history across years", async () => {
    const res = await get(`/242161/departments/${encodeURIComponent("総務部")}`);
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "伊賀市 総務部の年度ごとの推移");
    const text = visibleText(res.body);
    expect(text.indexOf("2024（令和6）年度")).toBeLessThan(text.indexOf("2023（令和5）年度"));
  });

  it("shows an indicator as an inline SVG chart with a data table", async () => {
    const list = await get("/242161/indicators");
    expect(list.status).toBe(200);
    expectWellFormedPage(list.body, "伊賀市の指標の一覧");
    const href = /href="(\/242161\/indicators\/\d+)">市民まちづくりアンケート/.exec(list.body)?.[1];
    expect(href).toBeDefined();
    const res = await get(href ?? "");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "市民まちづくりアンケートの広聴広報に係る満足度");
    expect(res.body).toMatch(/<svg role="img"/);
    const text = visibleText(res.body);
    expect(text).toContain("2022（令和4）年度 51.3% — —");
    expect(text).toContain("2023（令和5）年度 — 55%以上 49.4% 総務部");
  });

  it("serves the accessibility statement and the stylesheet", async () => {
    const res = await get("/accessibility");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "ウェブアクセシビリティ方針");
    expect(res.body).toContain("JIS X 8341-3");
    // みんなの公共サイト運用ガイドライン: dates, scope with the staff workspace, the result.
    const text = visibleText(res.body);
    expect(text).toContain("方針の策定日 2026年12月6日");
    expect(text).toContain("目標の達成期限 2027年3月31日");
    expect(text).toContain("職員用画面");
    expect(text).toContain("試験日 2026年12月6日");
    expect(text).toContain("公開ページの結果 適合レベルAAに準拠");
    expect(text).toMatch(/職員用画面の結果 適合レベルAAに(一部)?準拠/);
    expect(text).toMatch(/部局のマニフェスト： ?\/242161\/2023\/総務部/);
    expect(text).toContain("2.2.1 タイミング調整可能");
    expect(text).toContain("2.5.3 ラベルを含む名前");
    expect(text).toContain("お問い合わせ");
    // JIS X 8341-3:2016 is WCAG 2.0, and 1.4.10 is 320 CSS px.
    expect(text).toContain("WCAG 2.0");
    expect(text).not.toContain("WCAG 2.1 レベルAAに相当");
    expect(text).not.toContain("360");
    expect(text).toContain("320 CSSピクセル");
    const css = await get("/assets/portal.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect(css.body).toContain("@media print");
  });

  it("renders document text inert: markup, attribute breaks and control characters", async () => {
    const evil = demoDocument();
    evil.department = { name: "<script>alert(1)</script>部" };
    const goal = evil.goals[0] as { title: string; mission: string; means: string[] };
    goal.title = `"><img src=x onerror=alert(1)>`;
    goal.mission = "制御\u0007文字\u001bと<b>太字</b>";
    goal.means = ['<a href="javascript:alert(1)">x</a>'];
    await importManifesto(t.ctx, evil, { published: true });
    const url = `/242161/2023/${encodeURIComponent("<script>alert(1)</script>部")}`;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("<script>");
    expect(res.body).not.toContain("<img");
    expect(res.body).not.toContain("<b>太字");
    expect(res.body).not.toContain('<a href="javascript');
    expect(res.body).not.toContain("\u0007");
    expect(res.body).not.toContain("\u001b");
    expect(res.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;部");
    expect(res.body).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    const year = await get("/242161/2023");
    expect(year.body).not.toContain("<script>");
  });
});
