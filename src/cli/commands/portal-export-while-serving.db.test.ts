// `tassei portal export` next to a running `tassei serve` (a real process): on the embedded
// database the server holds the data directory, so the export reads a copy the server writes
// through its socket, and says so; on PostgreSQL it reads the database itself.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCliAsync } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { type RunningServer, startServer } from "../../../test/support/server.ts";
import { importManifesto } from "../../services/import-manifesto.ts";

const SLOW = 300_000;
let t: TestDatabase;
let server: RunningServer | undefined;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
  await t.close(); // the server takes the data directory
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-export-serving-"));
  server = await startServer({ ...t.env, TASSEI_DEMO: "off" });
}, SLOW);
afterAll(async () => {
  await server?.stop();
  await t?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

it(
  "exports the public site while the server runs, and again writes nothing unchanged",
  async () => {
    const out = path.join(dir, "site");
    const args = ["portal", "export", "--municipality", "242161", "--out", out];
    const first = await runCliAsync(args, t.env);
    expect(first.status, first.stderr).toBe(0);
    if (TEST_BACKEND === "pglite") {
      expect(first.stderr).toMatch(/reading a copy taken through the running server, PID \d+/);
    }
    expect(fs.existsSync(path.join(out, "242161/2023/総務部/manifesto.pdf"))).toBe(true);
    expect(first.stdout).toContain("written\t242161/index.html");
    const again = await runCliAsync(args, t.env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe("");
    // The server was not disturbed.
    const page = await fetch(`${server?.url}/242161`);
    expect(page.status).toBe(200);
  },
  SLOW,
);
