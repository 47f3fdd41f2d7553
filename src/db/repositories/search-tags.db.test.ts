// The tag search (/search?tag=, issue 17) reads the tags column of search_goals (migration
// 0021), filled in the publication's transaction: it finds exactly the goals tagged, on
// their own or on a target, in the published revision only, through its index.
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { fillSearchTags } from "../migrations/0021-tags-and-score-scale.ts";
import { publicGoalSearchQuery, searchPublicGoals } from "./public-search.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, extensionFixture("prefecture"), { published: true });
  await importManifesto(t.ctx, extensionFixture("city"), { published: true });
  // Another department: goal 1 tagged sdg:12 itself, goal 2 only on a target.
  const other = extensionFixture("prefecture");
  other.department = { ...other.department, name: "農林水産部" };
  const [first, second] = other.goals;
  if (!first || !second) throw new Error("the fixture has fewer goals");
  first.tags = ["sdg:12"];
  second.tags = ["sdg:14"];
  for (const target of second.targets ?? []) target.tags = [];
  const target = second.targets?.[0];
  if (!target) throw new Error("the fixture's goal 2 has no target");
  target.tags = ["sdg:12", "indicator:outcome"];
  other.goals = [first, second];
  await importManifesto(t.ctx, other, { published: true });
});
afterAll(async () => {
  await t.destroy();
});

const found = async (tag: string, words: string[] = []) =>
  (await searchPublicGoals(t.ctx.db, { words, tag, limit: 100 }))
    .map((h) => `${h.departmentName} ${h.goalNumber}`)
    .sort();

/** The same question asked of the documents themselves, as the search did before 0021. */
async function fromDocuments(tag: string): Promise<string[]> {
  const { rows } = await sql<{ hit: string }>`
    select s.department_name || ' ' || s.goal_number as hit
      from search_goals s join manifesto_revisions r
        on r.manifesto_id = s.manifesto_id and r.revision = s.revision
     where coalesce(r.document -> 'goals' -> s.position -> 'tags', '[]') @> ${JSON.stringify([tag])}::jsonb
        or exists (select 1 from jsonb_array_elements(
                     coalesce(r.document -> 'goals' -> s.position -> 'targets', '[]')) as t
                    where coalesce(t -> 'tags', '[]') @> ${JSON.stringify([tag])}::jsonb)`.execute(
    t.ctx.db,
  );
  return rows.map((r) => r.hit).sort();
}

describe("the tag search", () => {
  it("finds exactly the goals with the tag, their own or a target's", async () => {
    expect(await found("sdg:12")).toEqual(["環境生活部 1", "農林水産部 1", "農林水産部 2"]);
    expect(await found("sdg:14")).toEqual(["農林水産部 2"]);
    expect(await found("mie-plan:4-2")).toEqual(["環境生活部 1"]);
    expect(await found("sdg:17")).toEqual([]);
    for (const tag of ["sdg:12", "sdg:15", "indicator:outcome", "indicator:activity", "sdg:3"]) {
      expect(await found(tag)).toEqual(await fromDocuments(tag));
    }
  });

  it("follows a published correction, in its transaction", async () => {
    const doc = extensionFixture("prefecture");
    const first = doc.goals[0];
    if (!first) throw new Error("no goal");
    first.tags = ["sdg:17"];
    for (const target of first.targets ?? []) target.tags = [];
    await importManifesto(t.ctx, doc, { published: true, note: "タグの訂正" });
    expect(await found("sdg:17")).toEqual(["環境生活部 1"]);
    expect(await found("sdg:12")).toEqual(["農林水産部 1", "農林水産部 2"]);
  });

  it("is filled for rows written before migration 0021", async () => {
    const before = await t.ctx.db
      .selectFrom("search_goals")
      .select(["tags"])
      .orderBy("manifesto_id")
      .orderBy("goal_number")
      .execute();
    await sql`update search_goals set tags = '{}'`.execute(t.ctx.db);
    expect(await found("sdg:17")).toEqual([]);
    await fillSearchTags(t.ctx.db as unknown as Kysely<unknown>);
    const after = await t.ctx.db
      .selectFrom("search_goals")
      .select(["tags"])
      .orderBy("manifesto_id")
      .orderBy("goal_number")
      .execute();
    expect(after).toEqual(before);
  });

  it("is answered from the tags index, never by reading every goal's document", async () => {
    const plan = await t.ctx.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await publicGoalSearchQuery(trx, {
        words: [],
        tag: "sdg:12",
        limit: 101,
      }).explain();
      return rows.map((r) => String(Object.values(r)[0])).join("\n");
    });
    expect(plan).toMatch(/search_goals_tags/);
    expect(plan).not.toMatch(/jsonb_array_elements/);
  });
});
