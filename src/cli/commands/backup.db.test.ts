import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import {
  dumpTables,
  exportEveryManifesto,
  seedEveryTable,
} from "../../services/backup/test-support.ts";

let source: TestDatabase;
let target: TestDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedEveryTable(source.ctx);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-backup-cli-"));
  file = path.join(dir, "tassei.backup.gz");
});
afterAll(async () => {
  await Promise.all([source?.destroy(), target?.destroy()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("tassei backup and tassei restore", () => {
  it(
    TEST_BACKEND === "pglite"
      ? "backup refuses an embedded database another process holds, naming it"
      : "backup runs while another process uses the PostgreSQL database",
    () => {
      const r = runCli(["backup", "--out", file], source.env);
      if (TEST_BACKEND === "pglite") {
        expect(r.status).toBe(1);
        expect(r.stderr).toContain("使用中");
        expect(fs.existsSync(file)).toBe(false);
      } else {
        expect(r.stderr).toContain("→");
        expect(r.status).toBe(0);
      }
    },
  );

  it("backup writes the file and says what it holds; restore gives everything back", async () => {
    await source.close();
    const backup = runCli(["backup", "--out", file], source.env);
    expect(backup.stderr).toMatch(/\d+ rows in \d+ tables → .*tassei\.backup\.gz/);
    expect(backup.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(["tassei.backup.gz"]);

    await target.close();
    const restore = runCli(["restore", file], target.env);
    expect(restore.stderr).toContain("manifesto_revisions: 4");
    expect(restore.status).toBe(0);
    await Promise.all([source.reopen(), target.reopen()]);
    expect(await dumpTables(target.ctx.db)).toStrictEqual(await dumpTables(source.ctx.db));
    expect(await exportEveryManifesto(target.ctx)).toStrictEqual(
      await exportEveryManifesto(source.ctx),
    );
  });

  it("restore refuses a database with data (exit 2) unless --force", async () => {
    await target.close();
    const refused = runCli(["restore", file], target.env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--force");
    const forced = runCli(["restore", file, "--force"], target.env);
    expect(forced.stderr).toContain("previous contents replaced");
    expect(forced.status).toBe(0);
  });

  it("refuses a missing or cut-off file and a missing --out with exit 2", () => {
    const cut = path.join(dir, "cut.gz");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const truncated = runCli(["restore", cut, "--force"], target.env);
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toContain("途中で切れて");
    const missing = runCli(["restore", path.join(dir, "none.gz")], target.env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("none.gz");
    expect(runCli(["backup"], target.env).status).toBe(2);
  });

  it("backup into a folder that does not exist is refused (exit 2), naming it", () => {
    const r = runCli(["backup", "--out", path.join(dir, "no/such/dir/x.gz")], target.env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no/such/dir");
    expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
  });
});
