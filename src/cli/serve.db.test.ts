import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../test/support/database.ts";
import { DEMO_FILE, demoDocument } from "../../test/support/fixtures.ts";
import { type RunningServer, startServer } from "../../test/support/server.ts";
import { exportManifesto } from "../services/export-manifesto.ts";

let t: TestDatabase;
let server: RunningServer;
let stateDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.close();
  stateDir = t.env.TASSEI_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "tassei-state-"));
  server = await startServer({ ...t.env, TASSEI_DATA_DIR: stateDir, TASSEI_DEMO: "on" });
});
afterAll(async () => {
  await server.stop("SIGKILL");
  await t.destroy();
  if (t.env.TASSEI_DATA_DIR === undefined) fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("tassei serve", () => {
  it("answers /healthz with 200 once the database is ready", async () => {
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok", database: t.target.kind });
  });

  it("creates the first administrator on first start, its password in a 0600 file the log names (not in the log), and it signs in", async () => {
    const file = path.join(stateDir, "first-admin-password");
    expect(server.stderr()).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = /password: (\S+)/.exec(fs.readFileSync(file, "utf8"))?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(server.stderr()).not.toContain(password);
    const r = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { user: { role: string } }).user.role).toBe("admin");
  });

  it("exposes Prometheus metrics and security headers", async () => {
    const r = await fetch(`${server.url}/metrics`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("tassei_build_info");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("serves the Japanese portal, HTML 404 pages, and JSON 404s under /api, without internals", async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toContain("text/html");
    expect(await home.text()).toContain('<html lang="ja">');
    const missing = await fetch(`${server.url}/no/such/page?x=<script>`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    expect(await missing.text()).not.toContain("<script>");
    const api = await fetch(`${server.url}/api/no/such/route`);
    expect(api.status).toBe(404);
    const body = (await api.json()) as { error: { code: string } };
    expect(body.error.code).toBe("not_found");
  });

  it(
    TEST_BACKEND === "pglite"
      ? "imports through the server that holds the embedded data directory, naming it"
      : "lets a second process import into the same PostgreSQL database while the server runs",
    () => {
      const other = demoDocument();
      other.fiscalYear = 2024;
      const file = path.join(
        path.dirname(t.target.kind === "pglite" ? t.target.dataDir : "/tmp"),
        `fy2024-${process.pid}.json`,
      );
      fs.writeFileSync(file, JSON.stringify(other));
      const r = runCli(["import", file], t.env);
      fs.rmSync(file);
      if (TEST_BACKEND === "pglite") {
        // The administrative commands run in the server that holds the database (issue 10).
        expect(r.status).toBe(0);
        expect(r.stderr).toContain(`through the running server, PID ${server.child.pid}`);
        expect(r.stdout).toContain("1 件のマニフェストを取り込みました");
      } else {
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
      }
    },
  );

  it("stops on SIGTERM with exit 0 and releases the embedded lock", async () => {
    expect(await server.stop("SIGTERM")).toBe(0);
    if (t.target.kind === "pglite") {
      expect(fs.existsSync(path.join(t.target.dataDir, "tassei.lock"))).toBe(false);
    }
    // the demo was loaded on first start, exactly as shipped
    await t.reopen();
    const exported = await exportManifesto(t.ctx, {
      municipalityCode: "242161",
      fiscalYear: 2023,
      department: "総務部",
    });
    expect(exported).toStrictEqual(JSON.parse(fs.readFileSync(DEMO_FILE, "utf8")));
  });
});
