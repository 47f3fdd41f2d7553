import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import {
  dumpTables,
  exportEveryManifesto,
  seedEveryTable,
} from "../../services/backup/test-support.ts";

const ADMIN_URL = process.env.TASSEI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const name = `tassei_t_${crypto.randomBytes(6).toString("hex")}`;
const targetUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let source: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase();
  await seedEveryTable(source.ctx);
  await source.close();
  await admin(`create database ${name}`);
});
afterAll(async () => {
  await source?.destroy();
  await admin(`drop database if exists ${name} with (force)`);
});

describe("tassei migrate-to", () => {
  if (TEST_BACKEND === "pglite") {
    it("moves an embedded test database into a fresh PostgreSQL database, exactly (embedded backend only)", async () => {
      const r = runCli(["migrate-to", targetUrl], source.env);
      expect(r.stderr).toMatch(/copied \d+ rows in \d+ tables/);
      expect(r.stderr).toContain("manifestos: 3");
      expect(r.status).toBe(0);
      const target: DatabaseHandle = await openDatabase({ kind: "postgres", url: targetUrl });
      try {
        await source.reopen();
        expect(await dumpTables(target.db)).toStrictEqual(await dumpTables(source.ctx.db));
        expect(await exportEveryManifesto({ db: target.db, actor: "test" })).toStrictEqual(
          await exportEveryManifesto(source.ctx),
        );
      } finally {
        await target.close();
        await source.close();
      }
      const again = runCli(["migrate-to", targetUrl], source.env);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("--force");
      expect(runCli(["migrate-to", targetUrl, "--force"], source.env).status).toBe(0);
    });
  } else {
    it("refuses a PostgreSQL source: it moves the embedded database (exit 2)", () => {
      const r = runCli(["migrate-to", targetUrl], source.env);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("backup");
    });
  }

  it("refuses a target that is not a postgres:// URL (exit 2)", () => {
    const r = runCli(["migrate-to", "mysql://localhost/x"], source.env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("postgres://");
  });
});
