// What docs/operations.md says of migrations at start: all pending ones run in one
// transaction (a failure leaves none of them applied, and names the one that failed), and
// a database migrated by a later release is refused with the way back named.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Kysely, type Migration, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { openDatabase } from "./connection.ts";
import { MIGRATIONS, migrateToLatest, schemaIsCurrent } from "./migrate.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.destroy());

const createTable = (name: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await sql`create table ${sql.id(name)} (id integer primary key)`.execute(db);
  },
});
const failing: Migration = {
  up: async (db: Kysely<unknown>) => {
    await sql`create table release_test_b (id integer primary key)`.execute(db);
    await sql`select 1 / 0`.execute(db);
  },
};

async function exists(table: string): Promise<boolean> {
  const { rows } = await sql<{
    found: string | null;
  }>`select to_regclass(${table})::text as found`.execute(t.ctx.db);
  return rows[0]?.found !== null;
}

async function applied(): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(t.ctx.db);
  return rows.map((r) => r.name);
}

describe("migrations at start", () => {
  it("find an up-to-date schema in two statements, without the Migrator's introspection", async () => {
    const statements: string[] = [];
    const counted = t.ctx.db.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    expect(await schemaIsCurrent(counted)).toBe(true);
    expect(statements).toHaveLength(2);
    // The Migrator on the same up-to-date schema, for the comparison the check is there for.
    statements.length = 0;
    await migrateToLatest(counted);
    expect(statements.length).toBeGreaterThan(4);
  });

  it("do not take a schema with a migration pending, or one this version does not know, as current", async () => {
    expect(
      await schemaIsCurrent(t.ctx.db, { ...MIGRATIONS, "9997-pending": createTable("pending_x") }),
    ).toBe(false);
    const { "0022-public-manifesto-page": _newest, ...older } = MIGRATIONS;
    expect(await schemaIsCurrent(t.ctx.db, older)).toBe(false);
  });

  it("do not take a database never migrated as current", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-unmigrated-"));
    const fresh = await openDatabase({ kind: "pglite", dataDir }, { migrate: false });
    try {
      expect(await schemaIsCurrent(fresh.db)).toBe(false);
    } finally {
      await fresh.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("run all pending ones in one transaction: one failing leaves none applied", async () => {
    const before = await applied();
    await expect(
      migrateToLatest(t.ctx.db, {
        ...MIGRATIONS,
        "9998-release-test-a": createTable("release_test_a"),
        "9999-release-test-b": failing,
      }),
    ).rejects.toThrow(/9999-release-test-b/);
    expect(await exists("release_test_a")).toBe(false);
    expect(await exists("release_test_b")).toBe(false);
    expect(await applied()).toEqual(before);
  });

  it("refuse a database migrated by a later release, naming the way back", async () => {
    await migrateToLatest(t.ctx.db, {
      ...MIGRATIONS,
      "9998-release-test-a": createTable("release_test_a"),
    });
    const refused = migrateToLatest(t.ctx.db);
    await expect(refused).rejects.toMatchObject({ code: "conflict" });
    await expect(refused).rejects.toThrow(/9998-release-test-a.*restore the backup taken before/s);
  });
});
