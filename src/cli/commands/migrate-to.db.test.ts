import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/cli.ts";
import {
  createScratchPostgres,
  createTestDatabase,
  type ScratchPostgres,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import {
  dumpTables,
  exportEveryManifesto,
  seedEveryTable,
} from "../../services/backup/test-support.ts";

let source: TestDatabase;
let target: ScratchPostgres;
let targetUrl: string;
beforeAll(async () => {
  source = await createTestDatabase();
  await seedEveryTable(source.ctx);
  await source.close();
  target = await createScratchPostgres();
  targetUrl = target.url;
});
afterAll(async () => {
  await source?.destroy();
  await target?.drop();
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
