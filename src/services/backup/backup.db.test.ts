import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { ValidationError } from "../../errors.ts";
import { importManifesto } from "../import-manifesto.ts";
import { createBackupFile } from "./create-backup.ts";
import { BACKUP_FORMAT, type BackupHeader } from "./format.ts";
import { restoreBackupFile } from "./restore-backup.ts";
import { dumpTables, exportEveryManifesto, seedEveryTable, userTables } from "./test-support.ts";

const SEEDED_TABLES = [
  "municipalities",
  "plan_items",
  "departments",
  "manifestos",
  "manifesto_revisions",
  "indicators",
  "goals",
  "targets",
  "audit_events",
];

let source: TestDatabase;
let target: TestDatabase;
let empty: TestDatabase;
let dir: string;
let file: string;
let header: BackupHeader;

beforeAll(async () => {
  [source, target, empty] = await Promise.all([
    createTestDatabase(),
    createTestDatabase(),
    createTestDatabase(),
  ]);
  await seedEveryTable(source.ctx);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-backup-test-"));
  file = path.join(dir, "full.tassei-backup.gz");
  header = (await createBackupFile(source.ctx.db, file, { pageSize: 3 })).header;
});
afterAll(async () => {
  await Promise.all([source?.destroy(), target?.destroy(), empty?.destroy()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

function backupLines(): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n").filter(Boolean);
}

function writeVariant(name: string, lines: string[]): string {
  const out = path.join(dir, name);
  fs.writeFileSync(out, zlib.gzipSync(`${lines.join("\n")}\n`));
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as Error).message;
}

async function expectEmpty(db: TestDatabase): Promise<void> {
  const dump = await dumpTables(db.ctx.db);
  expect(Object.values(dump).flat()).toEqual([]);
}

describe("backup", () => {
  it("covers every table of the schema, parents before the tables that refer to them", async () => {
    expect(header.format).toBe(BACKUP_FORMAT);
    expect(header.schemaVersion).toMatch(/^\d{4}-/);
    const names = header.tables.map((t) => t.name);
    expect([...names].sort()).toEqual(await userTables(source.ctx.db));
    const fks = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent from pg_constraint f
        join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
       where f.contype = 'f'`.execute(source.ctx.db);
    expect(fks.rows.length).toBeGreaterThan(5);
    for (const fk of fks.rows) {
      // A table that refers to itself (comment threads) keeps its rows in key order, which
      // puts a parent row before its replies.
      if (fk.parent === fk.child) continue;
      expect(names.indexOf(fk.parent)).toBeLessThan(names.indexOf(fk.child));
    }
    // every row of the snapshot is in the file, each once
    const lines = backupLines();
    const counted = header.tables.reduce((n, t) => n + t.rows, 0);
    expect(lines.length - 1).toBe(counted);
    const filled = header.tables.filter((t) => t.rows > 0).map((t) => t.name);
    expect(filled).toEqual(expect.arrayContaining(SEEDED_TABLES));
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });
});

describe("restore", () => {
  it("gives back every row of every table and every manifesto's export exactly", async () => {
    const result = await restoreBackupFile(target.ctx.db, file);
    expect(result.replaced).toBe(false);
    expect(await dumpTables(target.ctx.db)).toStrictEqual(await dumpTables(source.ctx.db));
    const exported = await exportEveryManifesto(source.ctx);
    expect(exported).toHaveLength(3);
    expect(await exportEveryManifesto(target.ctx)).toStrictEqual(exported);
    const detail = await sql<{ detail: string }>`
      select detail::text as detail from audit_events where action = 'test.values'`.execute(
      target.ctx.db,
    );
    expect(detail.rows[0]?.detail).toContain("12345678901234567890123");
    expect(detail.rows[0]?.detail).toContain("0.1000000000000000000001");
  });

  it("continues identities after the largest restored id", async () => {
    const maxBefore = await sql<{ m: string }>`select max(id)::text as m from audit_events`.execute(
      target.ctx.db,
    );
    const next = demoDocument();
    next.fiscalYear = 2025;
    const imported = await importManifesto(target.ctx, next);
    const ids = await sql<{
      id: string;
    }>`select id::text as id from manifestos order by id`.execute(target.ctx.db);
    expect(new Set(ids.rows.map((r) => r.id)).size).toBe(ids.rows.length);
    expect(imported.manifestoId).toBe(Math.max(...ids.rows.map((r) => Number(r.id))));
    const maxAfter = await sql<{ m: string }>`select max(id)::text as m from audit_events`.execute(
      target.ctx.db,
    );
    expect(BigInt(maxAfter.rows[0]!.m)).toBeGreaterThan(BigInt(maxBefore.rows[0]!.m));
  });

  it("refuses a database that holds data, and replaces it with --force", async () => {
    const before = await dumpTables(target.ctx.db);
    const message = await refusal(restoreBackupFile(target.ctx.db, file));
    expect(message).toContain("--force");
    expect(await dumpTables(target.ctx.db)).toStrictEqual(before);
    const result = await restoreBackupFile(target.ctx.db, file, { force: true });
    expect(result.replaced).toBe(true);
    expect(await dumpTables(target.ctx.db)).toStrictEqual(await dumpTables(source.ctx.db));
  });

  it("refuses a cut-off file and writes nothing", async () => {
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, "cut.gz");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await refusal(restoreBackupFile(empty.ctx.db, cut))).toContain("途中で切れて");
    // cut at a line boundary and compressed again: gzip is whole, rows are missing
    const lines = backupLines();
    const partial = writeVariant("partial.gz", lines.slice(0, lines.length - 2));
    expect(await refusal(restoreBackupFile(empty.ctx.db, partial))).toContain("不完全");
    await expectEmpty(empty);
  });

  it("refuses a backup of another schema version, naming both", async () => {
    const [first, ...rows] = backupLines();
    const old = { ...JSON.parse(first!), schemaVersion: "0000-older" };
    const variant = writeVariant("old.gz", [JSON.stringify(old), ...rows]);
    const message = await refusal(restoreBackupFile(empty.ctx.db, variant));
    expect(message).toContain("0000-older");
    expect(message).toContain(header.schemaVersion);
    await expectEmpty(empty);
  });

  it("refuses what is not a backup: plain text, another JSON, a damaged row, no file", async () => {
    const plain = path.join(dir, "plain.txt");
    fs.writeFileSync(plain, "not a backup\n");
    expect(await refusal(restoreBackupFile(empty.ctx.db, plain))).toContain("壊れて");
    const other = writeVariant("other.gz", [JSON.stringify(demoDocument())]);
    expect(await refusal(restoreBackupFile(empty.ctx.db, other))).toContain(BACKUP_FORMAT);
    const [first, second, ...rest] = backupLines();
    const damaged = writeVariant("damaged.gz", [first!, second!.slice(0, -5), ...rest]);
    expect(await refusal(restoreBackupFile(empty.ctx.db, damaged))).toContain("2 行目");
    expect(await refusal(restoreBackupFile(empty.ctx.db, path.join(dir, "none.gz")))).toContain(
      "none.gz",
    );
    await expectEmpty(empty);
  });

  it("includes a table a later migration adds, without being told about it", async () => {
    for (const db of [source.ctx.db, empty.ctx.db]) {
      await sql`create table zz_later (
        id bigint generated always as identity primary key,
        municipality_code text not null references municipalities (code),
        settings jsonb, noted_at timestamptz)`.execute(db);
    }
    await sql`insert into zz_later (municipality_code, settings, noted_at)
              values ('242161', '{"a": [1, 2.50]}', '2025-01-02 03:04:05.678901+00')`.execute(
      source.ctx.db,
    );
    const later = path.join(dir, "later.gz");
    const written = await createBackupFile(source.ctx.db, later);
    const names = written.header.tables.map((t) => t.name);
    expect(names.indexOf("zz_later")).toBeGreaterThan(names.indexOf("municipalities"));
    await restoreBackupFile(empty.ctx.db, later);
    expect(await dumpTables(empty.ctx.db)).toStrictEqual(await dumpTables(source.ctx.db));
  });
});
