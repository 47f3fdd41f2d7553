// Search and the published scope: what citizens find, and that drafts are nowhere.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { expectWellFormedPage, portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;

/** A one-goal document of another department, containing the given text in its means. */
function otherDepartment(name: string, means: string, code = "242161") {
  const doc = demoDocument();
  if (code !== "242161") doc.municipality = { code, name: "吹田市", prefecture: "大阪府" };
  doc.department = { name };
  doc.goals = [{ ...(doc.goals[2] as object), means: [means] }];
  return doc;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
  await importManifesto(t.ctx, otherDepartment("危機管理部", "地域の防災訓練を年4回実施する。"), {
    published: true,
  });
  // a draft: never visible, whatever it contains
  await importManifesto(t.ctx, otherDepartment("下書き部", "防災の秘密の下書きＳＮＳ"));
  await importManifesto(t.ctx, otherDepartment("市民部", "防災アプリを周知する。", "272051"), {
    published: true,
  });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

async function get(url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.body, text: visibleText(res.body) };
}
const search = (q: string, extra = "", base = "/242161/search") =>
  get(`${base}?q=${encodeURIComponent(q)}${extra}`);

describe("portal search", () => {
  it("shows the form for an empty query", async () => {
    const res = await get("/242161/search");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "伊賀市の部局マニフェストを検索");
    expect(res.body).toContain('<form class="search-form"');
    expect(res.body).not.toContain("検索結果");
  });

  it("finds a 2-character Japanese word and highlights it", async () => {
    const res = await search("防災");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "「防災」の検索結果");
    expect(res.text).toContain("検索結果：1件");
    expect(res.body).toContain("地域の<mark>防災</mark>訓練");
    expect(res.text).toContain("危機管理部");
    expect(res.text).not.toContain("秘密"); // the draft
    expect(res.text).not.toContain("防災アプリ"); // another municipality
  });

  it("finds ＳＮＳ and SNS alike, whichever is typed", async () => {
    for (const q of ["ＳＮＳ", "SNS", "sns"]) {
      const res = await search(q);
      expect(res.text).toContain("検索結果：1件");
      expect(res.body).toContain("<mark>ＳＮＳ</mark>等を活用し");
      expect(res.body).toContain("<mark>SNS</mark>の登録者数");
    }
  });

  it("requires every word and narrows by year, department, policy ref and level", async () => {
    expect((await search("SNS 登録者数")).text).toContain("検索結果：1件");
    expect((await search("SNS 存在しない語")).text).toContain("検索結果：0件");
    expect((await search("目標", "&year=2024")).text).toContain("検索結果：0件");
    const all = await search("人材");
    const byDept = await search("人材", `&department=${encodeURIComponent("危機管理部")}`);
    expect(all.text).toContain("検索結果：2件");
    expect(byDept.text).toContain("検索結果：1件");
    expect((await search("広報", "&policy=7-1-%E2%91%A1")).text).toContain("検索結果：2件");
    expect((await search("広報", "&policy=7-3-%E2%91%A0")).text).toContain("検索結果：0件");
    const level4 = await search("広報", "&level=4");
    expect(level4.text).toContain("検索結果：1件");
    expect(level4.text).toContain("庁内全体の情報発信力の強化");
    // The hit says the level in words, not by its number alone (issue 18).
    expect(level4.text).toContain("自己評価 4 達成水準を上回る成果があった");
  });

  it("answers a 1-character query", async () => {
    const res = await search("部");
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/検索結果：\d+件/);
  });

  it("treats % and _ as characters, not patterns", async () => {
    // as patterns these would match アンケート and every goal
    expect((await search("ア%ト")).text).toContain("検索結果：0件");
    expect((await search("_")).text).toContain("検索結果：0件");
    // ％ in the documents is % after NFKC: a literal % finds them
    expect((await search("%")).body).toContain("満足度55<mark>％</mark>以上");
  });

  it("searches across municipalities from /search", async () => {
    const res = await search("防災", "", "/search");
    expect(res.status).toBe(200);
    expect(res.text).toContain("検索結果：2件");
    expect(res.text).toContain("吹田市");
    expect(res.text).not.toContain("秘密");
  });

  it("lists several municipalities on /", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expectWellFormedPage(res.body, "部局マニフェスト");
    expect(res.body).toContain('href="/242161"');
    expect(res.body).toContain('href="/272051"');
  });
});

describe("drafts are invisible", () => {
  const draft = encodeURIComponent("下書き部");
  it("has no page, no download and no history", async () => {
    for (const url of [
      `/242161/2023/${draft}`,
      `/242161/2023/${draft}/manifesto.json`,
      `/242161/2023/${draft}/manifesto.xlsx`,
      `/242161/2023/${draft}/manifesto.pdf`,
      `/242161/departments/${draft}`,
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body).toContain('<html lang="ja">');
    }
  });

  it("is left out of the year page, the open-data CSV and the municipality page", async () => {
    for (const url of ["/242161", "/242161/2023", "/242161/2023/opendata.csv"]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.body, url).not.toContain("下書き部");
    }
    const csv = await get("/242161/2023/opendata.csv");
    expect(csv.body).toContain("危機管理部");
  });

  it("makes a municipality with drafts only invisible", async () => {
    const only = otherDepartment("非公開部", "非公開", "011002");
    only.municipality = { code: "011002", name: "札幌市" };
    await importManifesto(t.ctx, only);
    expect((await get("/011002")).status).toBe(404);
    expect((await get("/011002/2023")).status).toBe(404);
    expect((await get("/")).body).not.toContain("札幌市");
    expect((await search("非公開", "", "/search")).text).toContain("検索結果：0件");
  });
});
