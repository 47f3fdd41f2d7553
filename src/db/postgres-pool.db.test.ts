// The PostgreSQL pool's wrapper (postgres-pool.ts): one per pooled connection, so that Kysely
// reuses its connection object (the turns themselves: loop-turns.test.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, type ScratchPostgres } from "../../test/support/database.ts";
import { postgresPoolTakingTurns } from "./postgres-pool.ts";

let scratch: ScratchPostgres;
let pool: pg.Pool;
beforeAll(async () => {
  scratch = await createScratchPostgres();
  pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await scratch?.drop();
});

describe("a PostgreSQL pool taking turns", () => {
  it("gives the same wrapper each time the same connection is checked out", async () => {
    const turns = postgresPoolTakingTurns(pool);
    const first = await turns.connect();
    first.release();
    const second = await turns.connect();
    second.release();
    expect(second).toBe(first);
  });
});
