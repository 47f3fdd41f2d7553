// Several app processes on one database: on a PostgreSQL server they start together and
// migrate once; on the embedded database the second is refused (one writer per directory).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../test/support/database.ts";
import { type RunningServer, startServer } from "../../test/support/server.ts";

let t: TestDatabase;
const servers: RunningServer[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  // An empty database with no schema at all: both processes find it unmigrated.
  await t.ctx.db.schema.dropSchema("public").cascade().execute();
  await t.ctx.db.schema.createSchema("public").execute();
  await t.close();
});
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  await t.destroy();
});

describe(`two tassei serve processes on one ${TEST_BACKEND} database`, () => {
  it(
    TEST_BACKEND === "postgres"
      ? "both start together, the schema migrated exactly once"
      : "the second is refused while the first holds the data directory",
    async () => {
      const env = { ...t.env, TASSEI_DEMO: "off" };
      const started = await Promise.allSettled([startServer(env), startServer(env)]);
      for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
      if (TEST_BACKEND === "postgres") {
        expect(started.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
        for (const s of servers) expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
        await t.reopen();
        const applied = await t.ctx.db
          .selectFrom("kysely_migration" as never)
          .select(["name" as never])
          .execute();
        const names = applied.map((r) => (r as { name: string }).name);
        expect(new Set(names).size).toBe(names.length);
        expect(names[0]).toBe("0001-initial");
      } else {
        expect(servers).toHaveLength(1);
        const refused = started.find((s) => s.status === "rejected") as PromiseRejectedResult;
        expect(String(refused.reason)).toContain("使用中");
      }
    },
  );
});
