// The portal shows what the format's extensions hold: the owner of each goal, its plan and
// tags, both ratings and the year-end fields; SDG tags filter the goals of a manifesto.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { updateMunicipality } from "../../services/update-municipality-settings.ts";
import { expectWellFormedPage, portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, extensionFixture("prefecture"), { published: true });
  await importManifesto(t.ctx, extensionFixture("city"), { published: true });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

const url = `/240001/2024/${encodeURIComponent("環境生活部")}`;

async function text(address: string): Promise<{ body: string; text: string }> {
  const res = await app.inject({ method: "GET", url: address });
  expect(res.statusCode).toBe(200);
  return { body: res.body, text: visibleText(res.body) };
}

describe("a prefecture's 工程表 on the portal", () => {
  it("shows each goal's 所属, plan, tags, both ratings and the year-end fields", async () => {
    const { body, text: page } = await text(url);
    expectWellFormedPage(body, "環境生活部");
    expect(page).toContain("担当所属");
    expect(page).toContain("廃棄物・リサイクル課（課長 山田 太郎）");
    expect(page).toContain("電話 059-224-2380（内線 2380）");
    expect(page).toContain("今年度の目標");
    expect(page).toContain("SDGs 12 つくる責任 つかう責任");
    expect(page).toContain("達成度 6（0〜10）");
    expect(page).toContain("評価日 2025-04-30");
    expect(page).toContain("小売業以外（飲食店・宿泊施設）の協力店登録が伸びていない。");
    expect(page).toContain("当初予算額 12,345千円");
    expect(page).toContain("2025年度の目標 850g（今年度の計画線 877.5）：計画より遅れ");
    // No 組織使命 row for goals without one; goal 3 has one.
    expect(page.match(/組織使命/g)).toHaveLength(1);
  });

  it("filters the goals by an SDG tag", async () => {
    const all = await text(url);
    expect(all.text).toContain("タグで絞り込む");
    expect(all.body).toContain(`href="${url}?tag=sdg%3A15"`);
    const filtered = await text(`${url}?tag=sdg%3A15`);
    expect(filtered.text).toContain("「SDGs 15 陸の豊かさも守ろう」の目標 1件を表示しています。");
    expect(filtered.text).toContain("希少野生動植物の保護");
    expect(filtered.text).not.toContain("大気環境の監視と光化学スモッグ対策");
    expect(filtered.body).toMatch(/aria-current="page">SDGs 15/);
    // A target's tag filters its goal too; an unknown tag shows every goal.
    const activity = await text(`${url}?tag=indicator%3Aactivity`);
    expect(activity.text).toContain("の目標 2件を表示しています。");
    const unknown = await text(`${url}?tag=sdg%3A99`);
    expect(unknown.text).toContain("大気環境の監視と光化学スモッグ対策");
    expect(unknown.text).toContain("希少野生動植物の保護");
  });
});

describe("a city's results table on the portal", () => {
  it("shows the result of each goal without a mission or an empty reason", async () => {
    const { text: page } = await text(`/272051/2023/${encodeURIComponent("都市魅力部")}`);
    expect(page).toContain("成果・実績");
    expect(page).toContain("関連イベントを24回開催し、延べ約1万2千人が参加した。");
    expect(page).not.toContain("組織使命");
    expect(page).not.toContain("タグで絞り込む");
  });
});

describe("the public search by tag", () => {
  beforeAll(async () => {
    // A second department of the same year: goal 1 has SDG 12 itself, goal 2 on a target only.
    const other = extensionFixture("prefecture");
    other.department = { ...other.department, name: "農林水産部" };
    const [first, second] = other.goals;
    if (!first || !second) throw new Error("the fixture has fewer goals");
    first.title = "県産農産物の地産地消";
    second.title = "漁業資源の適正な管理";
    second.tags = ["sdg:14"];
    const target = second.targets?.[0];
    if (!target) throw new Error("the fixture's goal 2 has no target");
    target.tags = ["sdg:12"];
    other.goals = [first, second];
    await importManifesto(t.ctx, other, { published: true });
  });

  it("finds every goal with SDG 12 across the departments, without a keyword", async () => {
    for (const address of ["/search?tag=sdg%3A12", "/240001/search?tag=sdg%3A12&year=2024"]) {
      const { body, text: page } = await text(address);
      expectWellFormedPage(body, "検索結果");
      expect(page).toContain("検索結果：3件");
      expect(page).toContain("食品ロス削減とごみの排出抑制");
      expect(page).toContain("県産農産物の地産地消");
      expect(page).toContain("漁業資源の適正な管理");
      expect(page).not.toContain("大気環境の監視と光化学スモッグ対策");
      expect(page).not.toContain("希少野生動植物の保護");
      expect(body).toMatch(/<option value="sdg:12" selected>/);
    }
  });

  it("combines the tag with words, and refuses a tag not written vocabulary:tag", async () => {
    const { text: page } = await text(`/search?q=${encodeURIComponent("地産地消")}&tag=sdg%3A12`);
    expect(page).toContain("検索結果：1件");
    // The word is highlighted in the title, so its text is split around the mark.
    expect(page).toContain("県産農産物の");
    const none = await text("/search?tag=sdg%3A17");
    expect(none.text).toContain("タグ「SDGs 17");
    expect(none.text).toContain("に一致する目標は見つかりませんでした。");
    const bad = await app.inject({ method: "GET", url: "/search?tag=SDG12" });
    expect(bad.statusCode).toBe(400);
    expect(visibleText(bad.body)).toContain("タグは sdg:12 のように");
  });
});

describe("the municipality's own tag vocabulary (its setting)", () => {
  beforeAll(async () => {
    await updateMunicipality(t.ctx, {
      code: "240001",
      tagVocabularies: [
        { id: "kenmin", name: "県民力ビジョン", tags: [{ id: "1", label: "1 安全・安心" }] },
      ],
    });
    // A document that names the tag without defining the vocabulary itself.
    const doc = extensionFixture("prefecture");
    doc.department = { ...doc.department, name: "防災対策部" };
    const [first] = doc.goals;
    if (!first) throw new Error("the fixture has no goal");
    first.title = "防犯灯の整備";
    first.tags = ["kenmin:1"];
    for (const target of first.targets ?? []) delete target.tags;
    doc.goals = [first];
    await importManifesto(t.ctx, doc, { published: true });
  });

  it("is offered by its labels in the search and finds its goals", async () => {
    const form = await text("/240001/search");
    expect(form.body).toContain('<option value="kenmin:1">県民力ビジョン 1 安全・安心</option>');
    expect(form.body).toContain('<option value="sdg:12">SDGs 12 つくる責任 つかう責任</option>');
    const { text: page } = await text("/240001/search?tag=kenmin%3A1");
    expect(page).toContain("タグ「県民力ビジョン 1 安全・安心」の検索結果");
    expect(page).toContain("検索結果：1件");
    expect(page).toContain("防犯灯の整備");
  });

  it("names the tag on the manifesto's page", async () => {
    const { text: page } = await text(`/240001/2024/${encodeURIComponent("防災対策部")}`);
    expect(page).toContain("県民力ビジョン 1 安全・安心");
    expect(page).not.toContain("kenmin:1");
  });
});
