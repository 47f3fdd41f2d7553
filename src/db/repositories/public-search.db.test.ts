import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import {
  commonShortWords,
  likePattern,
  publicGoalSearchQuery,
  refreshSearchDocument,
  searchPublicGoals,
} from "./public-search.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

const rows = () =>
  t.ctx.db
    .selectFrom("search_goals")
    .select(["manifesto_id", "revision", "goal_number", "level", "policy_refs", "body"])
    .orderBy("goal_number")
    .execute();

describe("search rows", () => {
  it("hold each goal's texts NFKC-normalised and lower-cased, with level and refs", async () => {
    const { manifestoId } = await importManifesto(t.ctx, demoDocument(), { published: true });
    await refreshSearchDocument(t.ctx.db, manifestoId);
    const all = await rows();
    expect(all).toHaveLength(6);
    const first = all[0];
    expect(first).toMatchObject({
      revision: 1,
      goal_number: 1,
      level: 3,
      policy_refs: ["7-1-1", "7-1-2"],
    });
    expect(first?.body).toContain("sns等を活用し"); // ＳＮＳ folded
    expect(first?.body).toContain("youtube");
    expect(first?.body).toContain("満足度49.4%"); // the result text, ％ folded
  });

  it("follow every publication, in the publication's own transaction", async () => {
    const doc = demoDocument();
    (doc.goals[0] as { title: string }).title = "新しい題名の目標";
    const { manifestoId } = await importManifesto(t.ctx, doc, { published: true });
    const found = await searchPublicGoals(t.ctx.db, { words: ["新しい題名"], limit: 10 });
    expect(found.map((h) => [h.goalNumber, h.fiscalYear])).toEqual([[1, 2023]]);
    expect(
      await searchPublicGoals(t.ctx.db, { words: ["伝わる広報と市民"], limit: 10 }),
    ).toHaveLength(0);
    expect((await rows()).every((r) => r.revision === 2 && r.manifesto_id === manifestoId)).toBe(
      true,
    );
  });

  it("has a trigram index wherever pg_trgm is installed", async () => {
    const ext = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(t.ctx.db);
    const index = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_indexes where indexname = 'search_goals_body_trgm'`.execute(
      t.ctx.db,
    );
    expect(index.rows[0]?.n).toBe(ext.rows[0]?.n);
  });

  it("escapes LIKE's special characters", () => {
    expect(likePattern("10%_a\\b")).toBe("%10\\%\\_a\\\\b%");
  });
});

describe("two-character words", () => {
  it("are found through the character-pair index, surrogate pairs counted as one character", async () => {
    const pairs = await sql<{
      p: string[];
    }>`select tassei_bigrams('𠮷野の防災') as p`.execute(t.ctx.db);
    expect(pairs.rows[0]?.p.sort()).toEqual(["の防", "防災", "野の", "𠮷野"].sort());

    const doc = demoDocument();
    (doc.goals[0] as { title: string }).title = "𠮷野地区の防災訓練";
    await importManifesto(t.ctx, doc, { published: true });
    for (const word of ["𠮷野", "防災"]) {
      const found = await searchPublicGoals(t.ctx.db, { words: [word], limit: 10 });
      expect(found.map((h) => h.goalNumber)).toEqual([1]);
    }
    expect(await searchPublicGoals(t.ctx.db, { words: ["量子"], limit: 10 })).toEqual([]);
  });
});

describe("one-character words (issue 15)", () => {
  it("are found through the character index, a surrogate pair counted as one character", async () => {
    const chars = await sql<{ c: string[] }>`select tassei_characters('𠮷野の野') as c`.execute(
      t.ctx.db,
    );
    expect(chars.rows[0]?.c.sort()).toEqual(["の", "野", "𠮷"].sort());

    const doc = demoDocument();
    (doc.goals[0] as { title: string }).title = "𠮷野の橋梁点検";
    await importManifesto(t.ctx, doc, { published: true });
    for (const word of ["𠮷", "梁"]) {
      const found = await searchPublicGoals(t.ctx.db, { words: [word], limit: 10 });
      expect(found.map((h) => h.goalNumber)).toEqual([1]);
    }
    expect(await searchPublicGoals(t.ctx.db, { words: ["鰻"], limit: 10 })).toEqual([]);
  });

  // A table this small is read whole whatever the indexes; with sequential scans priced out,
  // the plan shows whether an index can answer the word at all, as it must at 125,000
  // manifestos (without one, the plan still reads search_goals from end to end).
  it.each([
    ["1 character", "橋"],
    ["2 characters", "防災"],
  ])(
    "are answered from an index of the goals' text, never by reading every goal (%s)",
    async (_, word) => {
      const plan = await t.ctx.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = await publicGoalSearchQuery(trx, { words: [word], limit: 101 }).explain();
        return rows.map((r) => String(Object.values(r)[0])).join("\n");
      });
      expect(plan).not.toMatch(/Seq Scan on search_goals/);
      expect(plan).toMatch(/Index Scan (using|on) search_goals_body_/);
    },
  );
});

describe("common 1–2-character words (issue 15)", () => {
  it("are matched by LIKE alone, finding the same goals in the same order as through the index", async () => {
    for (const words of [["の"], ["橋梁"], ["野", "の"]]) {
      const throughIndex = await searchPublicGoals(t.ctx.db, { words, limit: 101 });
      const walked = await searchPublicGoals(t.ctx.db, { words, limit: 101, commonWords: words });
      expect(throughIndex.length).toBeGreaterThan(0);
      expect(walked).toEqual(throughIndex);
    }
  });

  it("do not compute each goal's characters or pairs again while walking the goals", async () => {
    const compiled = publicGoalSearchQuery(t.ctx.db, {
      words: ["の", "防災"],
      limit: 101,
      commonWords: ["の", "防災"],
    }).compile();
    expect(compiled.sql).not.toMatch(/tassei_characters|tassei_bigrams/);
    expect(compiled.sql).toMatch(/like/);
  });

  it("are told from the planner's estimate, words of 3 characters and more never", async () => {
    expect(await commonShortWords(t.ctx.db, ["の", "防災", "防災訓練"], 1)).toEqual(["の", "防災"]);
    expect(await commonShortWords(t.ctx.db, ["の", "防災"], 1_000_000_000)).toEqual([]);
  });
});
