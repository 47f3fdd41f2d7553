// The administrative commands while `tassei serve` runs: a new city is set up from the shell
// next to a running server (a real process). On the embedded database the server holds
// the data directory, so each command goes through its socket and says so; on PostgreSQL
// each command opens the database itself. Either way the running server serves the result.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliAsync } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { type RunningServer, startServer } from "../../../test/support/server.ts";

const SLOW = 300_000;
const NABARI = "242080";
const PASSWORD = "correct horse battery staple";
const THROUGH = /through the running server, PID \d+/;

let t: TestDatabase;
let server: RunningServer | undefined;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.close(); // the server takes the data directory
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-admin-serving-"));
  server = await startServer({ ...t.env, TASSEI_DEMO: "off" });
}, SLOW);
afterAll(async () => {
  await server?.stop();
  await t?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function nabariDocument(department: string, municipalityName = "名張市") {
  const doc = demoDocument();
  doc.municipality = { code: NABARI, name: municipalityName, prefecture: "三重県" };
  doc.department = { name: department };
  return doc;
}

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

function expectRoute(stderr: string): void {
  if (TEST_BACKEND === "pglite") expect(stderr).toMatch(THROUGH);
  else expect(stderr).not.toMatch(THROUGH);
}

async function signIn(username: string, password: string): Promise<number> {
  const r = await fetch(`${server?.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return r.status;
}

describe("administrative commands while the server runs", () => {
  it(
    "creates the municipality, imports its plan and first manifestos, adds and changes accounts",
    async () => {
      const set = await runCliAsync(
        [
          "municipality",
          "set",
          "--municipality",
          NABARI,
          "--name",
          "名張市",
          "--prefecture",
          "三重県",
        ],
        t.env,
      );
      expect([set.status, set.stderr]).toEqual([0, expect.any(String)]);
      expect(set.stdout).toBe(`created ${NABARI} 名張市\n`);
      expectRoute(set.stderr);
      // What a command wrote can be read back the same way, without stopping the server.
      const shown = runCli(["municipality", "show", "--municipality", NABARI], t.env);
      expect([shown.status, shown.stderr]).toEqual([0, expect.any(String)]);
      expect(JSON.parse(shown.stdout)).toMatchObject({ code: NABARI, name: "名張市" });
      expectRoute(shown.stderr);

      const plan = await runCliAsync(
        [
          "plan",
          "import",
          "--municipality",
          NABARI,
          file("plan.csv", "code,title,parent\n1,安全なまち,\n1-1,防災,1\n"),
        ],
        t.env,
      );
      expect([plan.status, plan.stdout]).toEqual([0, "imported 2 plan items\n"]);
      const planShown = runCli(["plan", "show", "--municipality", NABARI], t.env);
      expect(planShown.status).toBe(0);
      expect(JSON.parse(planShown.stdout)).toEqual({
        items: [
          { code: "1", title: "安全なまち" },
          { code: "1-1", title: "防災", parent: "1" },
        ],
      });
      expectRoute(planShown.stderr);

      const imported = await runCliAsync(
        [
          "import",
          "--published",
          file("somu.json", nabariDocument("総務部")),
          file("kikaku.json", nabariDocument("企画部")),
        ],
        t.env,
      );
      expect([imported.status, imported.stderr]).toEqual([0, expect.any(String)]);
      expect(imported.stdout).toContain("created department 総務部 in 242080");
      expect(imported.stdout).toContain("created department 企画部 in 242080");
      expect(imported.stdout).toContain("2 件のマニフェストを取り込みました");
      expectRoute(imported.stderr);

      // The running server serves what the commands wrote, in the order of the import.
      const portal = await (await fetch(`${server?.url}/${NABARI}/2023`)).text();
      expect(portal.indexOf("総務部")).toBeGreaterThan(0);
      expect(portal.indexOf("総務部")).toBeLessThan(portal.indexOf("企画部"));

      const add = runCli(
        [
          "user",
          "add",
          "--username",
          "nabari-planning",
          "--role",
          "planning",
          "--municipality",
          NABARI,
          "--password-stdin",
        ],
        t.env,
        `${PASSWORD}\n`,
      );
      expect([add.status, add.stderr]).toEqual([0, expect.any(String)]);
      expectRoute(add.stderr);
      expect(await signIn("nabari-planning", PASSWORD)).toBe(200);
      const listed = runCli(["user", "list", "--municipality", NABARI, "--json"], t.env);
      expect(listed.status).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ username: "nabari-planning", role: "planning" }),
      ]);
      expectRoute(listed.stderr);

      const changed = runCli(
        ["user", "set-password", "--username", "nabari-planning", "--password-stdin"],
        t.env,
        "another long passphrase\n",
      );
      expect([changed.status, changed.stderr]).toEqual([0, expect.any(String)]);
      expect(await signIn("nabari-planning", PASSWORD)).toBe(401);
      expect(await signIn("nabari-planning", "another long passphrase")).toBe(200);
    },
    SLOW,
  );

  it(
    "refuses through the server as it would directly: exit 2, the field and the registered name",
    async () => {
      const r = await runCliAsync(
        ["import", file("renamed.json", nabariDocument("総務部", "なばり市"))],
        t.env,
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("municipality.name");
      expect(r.stderr).toContain("「名張市」");
      expect(r.stderr).toContain("何も取り込みませんでした");
    },
    SLOW,
  );
});
