// The portal shows what the format's extensions hold: the owner of each goal, its plan and
// tags, both ratings and the year-end fields; SDG tags filter the goals of a manifesto.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
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
