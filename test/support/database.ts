// A fresh database for each test file, on the backend chosen by TASSEI_TEST_DB:
// `pglite` (default: a copy of a migrated embedded database) or `postgres` (a new database
// on the server at TASSEI_TEST_PG_URL, dropped afterwards). Nothing is mocked.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../../src/db/connection.ts";
import type { ServiceContext } from "../../src/services/context.ts";

export const TEST_BACKEND = process.env.TASSEI_TEST_DB === "postgres" ? "postgres" : "pglite";
const ADMIN_URL = process.env.TASSEI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  target: DatabaseTarget;
  handle: DatabaseHandle;
  ctx: ServiceContext;
  /** Environment for a child `tassei` process that should use this database. */
  env: Record<string, string>;
  /** Close (releasing the embedded lock, e.g. for a child process) and open again. */
  reopen(): Promise<void>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface ScratchPostgres {
  /** The new, empty database's URL. */
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own on the PostgreSQL server at TASSEI_TEST_PG_URL, whatever
 * backend the run tests; for tests that need the server itself (outages, migrate-to).
 */
export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const name = `tassei_t_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const id = crypto.randomBytes(6).toString("hex");
  let target: DatabaseTarget;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (TEST_BACKEND === "postgres") {
    const scratch = await createScratchPostgres();
    target = { kind: "postgres", url: scratch.url, poolSize: 4 };
    env = { DATABASE_URL: scratch.url };
    drop = scratch.drop;
  } else {
    const dataDir = path.join(inject("testRoot"), `db-${id}`);
    fs.cpSync(inject("pgliteTemplate"), dataDir, { recursive: true });
    target = { kind: "pglite", dataDir };
    env = { TASSEI_DATA_DIR: dataDir };
    drop = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const t: TestDatabase = {
    target,
    env,
    handle: await openDatabase(target, { purpose: "test" }),
    ctx: undefined as unknown as ServiceContext,
    async reopen() {
      await t.handle.close();
      t.handle = await openDatabase(target, { purpose: "test" });
      t.ctx = { db: t.handle.db, actor: "test" };
    },
    close: () => t.handle.close(),
    async destroy() {
      await t.handle.close().catch(() => {});
      await drop();
    },
  };
  t.ctx = { db: t.handle.db, actor: "test" };
  return t;
}
