// The planner is asked about a short word once per cache lifetime, not on every search.
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../import-manifesto.ts";
import { commonWordsOf, newCommonWordCache } from "./common-words.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
});
afterAll(() => t?.destroy());

// A handle that fails any statement: proof that an answer came from the cache.
const refuseEveryQuery: KyselyPlugin = {
  transformQuery() {
    throw new Error("the database was asked");
  },
  transformResult: async (args) => args.result,
};

describe("commonWordsOf", () => {
  it("asks the planner once per word and answers from the cache after that", async () => {
    const cache = newCommonWordCache();
    expect(await commonWordsOf(t.ctx.db, ["の", "防災", "防災訓練"], 1, cache)).toEqual([
      "の",
      "防災",
    ]);
    const offline = t.ctx.db.withPlugin(refuseEveryQuery);
    expect(await commonWordsOf(offline, ["防災", "の"], 1, cache)).toEqual(["防災", "の"]);
    // A word not yet asked about is asked about.
    await expect(commonWordsOf(offline, ["量子"], 1, cache)).rejects.toThrow(
      "the database was asked",
    );
  });

  it("keeps the answers of different thresholds apart", async () => {
    const cache = newCommonWordCache();
    expect(await commonWordsOf(t.ctx.db, ["の"], 1, cache)).toEqual(["の"]);
    expect(await commonWordsOf(t.ctx.db, ["の"], 1_000_000_000, cache)).toEqual([]);
  });
});
