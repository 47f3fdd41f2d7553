// The embedded database's connection: its one connection in turns (pglite-pool.ts says why),
// and the settings it starts with.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DatabaseHandle,
  DEFAULT_PGLITE_SHARED_BUFFERS_MB,
  openDatabase,
} from "./connection.ts";

let dir: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-turns-"));
  handle = await openDatabase({ kind: "pglite", dataDir: dir }, { migrate: false });
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = (n: number) => sql<{ n: number }>`select ${n}::int as n`.execute(handle.db);

it("lets the event loop turn between two callers of the one connection", async () => {
  const order: string[] = [];
  const a = one(1).then(() => order.push("first statement"));
  const b = one(2).then(() => order.push("second statement"));
  // Stands for the poll phase's work (accepting a connection, reading a request) that
  // became ready meanwhile: before, both statements ran before the loop got to it.
  setImmediate(() => setImmediate(() => order.push("event loop")));
  await Promise.all([a, b]);
  expect(order).toEqual(["first statement", "event loop", "second statement"]);
});

it("serves callers first come, first served, and a transaction as one turn", async () => {
  const order: number[] = [];
  const inTransaction = handle.db.transaction().execute(async (trx) => {
    order.push(0);
    await sql`select 1`.execute(trx);
    await sql`select 2`.execute(trx);
    order.push(0);
  });
  const singles = Array.from({ length: 8 }, (_, i) =>
    one(i + 1).then((r) => order.push(r.rows[0]?.n ?? -1)),
  );
  await Promise.all([inTransaction, ...singles]);
  expect(order).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

it("starts with the default shared buffers, not PostgreSQL's 128MB", async () => {
  const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(handle.db);
  expect(rows).toEqual([{ shared_buffers: `${DEFAULT_PGLITE_SHARED_BUFFERS_MB}MB` }]);
});

it("hands the turn on after a statement fails", async () => {
  await expect(sql`select 1 / 0`.execute(handle.db)).rejects.toThrow(/division by zero/);
  expect((await one(7)).rows).toEqual([{ n: 7 }]);
});

describe("prepared statements", () => {
  const prepared = () =>
    sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`
      .execute(handle.db)
      .then((r) => r.rows.filter((row) => row.name.startsWith("tassei_")));

  it("keeps a statement with parameters prepared from its second run, and answers it right", async () => {
    const statement = (n: number) =>
      sql<{ n: number }>`select ${n}::int * 3 as n /* prepared-test */`.execute(handle.db);
    for (let n = 1; n <= 8; n++) expect((await statement(n)).rows[0]?.n).toBe(n * 3);
    const ours = (await prepared()).filter((p) => p.statement.includes("prepared-test"));
    expect(ours).toHaveLength(1);
  });

  it("runs a text of several commands without parameters as before", async () => {
    for (let i = 0; i < 3; i++) {
      await sql`create temporary table if not exists several (n int); insert into several values (1)`.execute(
        handle.db,
      );
    }
    const r = await sql<{ count: number }>`select count(*)::int as count from several`.execute(
      handle.db,
    );
    expect(r.rows[0]?.count).toBe(3);
  });

  it("refuses a statement that does not parse each time, and goes on with the next", async () => {
    const broken = () => sql`selec ${1}::int`.execute(handle.db);
    for (let i = 0; i < 3; i++) await expect(broken()).rejects.toThrow(/syntax error/);
    expect((await one(7)).rows[0]?.n).toBe(7);
  });
});
