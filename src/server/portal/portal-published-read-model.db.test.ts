// Search and indicator charts follow the newest publication: while a published plan's
// evaluation is drafted, citizens still find the plan and its figures, and nothing of the
// draft; once the results are published, they find the results.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import {
  createStaff,
  MUNICIPALITY,
  openEvaluationOf,
  PAGE,
  planDocument,
  publishDraft,
  resultsDocument,
  type Staff,
  saveDraft,
} from "./publication-test-support.ts";
import { portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;
let staff: Staff;
let id: number;

const PUBLISHED_WORD = "広聴広報";
const DRAFT_WORD = "評価下書き専用語";
const DRAFT_ACTUAL = 57.5;
const INDICATOR = "市民まちづくりアンケートの広聴広報に係る満足度";

async function search(q: string): Promise<string[]> {
  const r = await app.inject(`/${MUNICIPALITY}/search?q=${encodeURIComponent(q)}`);
  expect(r.statusCode).toBe(200);
  // Without white space: highlighting splits a match into elements of its own.
  return [...r.body.matchAll(/<li class="hit">[\s\S]*?<\/li>/g)].map((m) =>
    visibleText(m[0]).replace(/\s+/g, ""),
  );
}

/** The indicator's address, as the manifesto page links it. */
async function indicatorPath(): Promise<string | undefined> {
  const r = await app.inject(PAGE);
  expect(r.statusCode).toBe(200);
  const link = new RegExp(
    `href="(/${MUNICIPALITY}/indicators/\\d+)">この指標の推移を見る<span class="visually-hidden">（${INDICATOR}）`,
  ).exec(r.body);
  return link?.[1];
}

/** The rows of the indicator's data table: year, baseline, target, actual, department. */
async function chartRows(path: string): Promise<string[]> {
  const r = await app.inject(path);
  expect(r.statusCode).toBe(200);
  return [...r.body.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)].map((m) =>
    visibleText(m[0]).trim(),
  );
}

const searchRevisions = async () =>
  (
    await t.ctx.db
      .selectFrom("search_goals")
      .select("revision")
      .distinct()
      .where("manifesto_id", "=", id)
      .execute()
  ).map((r) => r.revision);

beforeAll(async () => {
  t = await createTestDatabase();
  id = (await importManifesto(t.ctx, planDocument(), { published: true })).manifestoId;
  staff = await createStaff(t);
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe("search and charts while the evaluation of a published plan is drafted", () => {
  let published: string[];
  let chart: string | undefined;

  it("find the published plan before the evaluation opens", async () => {
    expect((await search(PUBLISHED_WORD)).join()).toContain("伝わる広報と市民の市政参画の促進");
    chart = await indicatorPath();
    expect(chart).toBeDefined();
    published = await chartRows(chart!);
    expect(published.join("\n")).toContain("55");
  });

  it("keep finding the published plan, and nothing of the draft", async () => {
    await openEvaluationOf(t, staff, id);
    // What an evaluation's draft may write: results, evaluations, reasons, progress.
    const draft = resultsDocument();
    const goal = draft.goals[0]!;
    goal.evaluation = { ...goal.evaluation!, reason: `${DRAFT_WORD}の理由` };
    const target = goal.targets![0]!;
    target.result = { ...target.result, actual: DRAFT_ACTUAL };
    const saved = await saveDraft(t, staff.head, id, draft);
    expect(saved.revision).toBe(2);

    expect(await searchRevisions()).toEqual([1]);
    const hits = await search(PUBLISHED_WORD);
    expect(hits.join()).toContain("伝わる広報と市民の市政参画の促進");
    expect(hits.join()).not.toContain(DRAFT_WORD);
    expect(await search(DRAFT_WORD)).toEqual([]);
    expect(await search("49.4")).toEqual([]); // the drafted result

    expect(await indicatorPath()).toBe(chart);
    const rows = await chartRows(chart!);
    expect(rows).toEqual(published);
    expect(rows.join("\n")).not.toContain("49.4");
    expect(rows.join("\n")).not.toContain(String(DRAFT_ACTUAL));
    const list = await app.inject(`/${MUNICIPALITY}/indicators`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(INDICATOR);
  });

  it("find the results once they are published", async () => {
    await publishDraft(t, staff, id);
    expect(await searchRevisions()).toEqual([2]);
    expect(await search(DRAFT_WORD)).toHaveLength(1);
    expect(await search("49.4")).toHaveLength(1);
    const rows = (await chartRows(chart!)).join("\n");
    expect(rows).toContain(String(DRAFT_ACTUAL));
  });
});
