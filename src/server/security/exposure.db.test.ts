// What the probe found exposed: the first administrator's password in the service's log,
// /metrics open to anyone, the data directory readable by every local user, and the staff
// app's source maps served.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import viteConfig from "../../../vite.config.ts";
import { announceFirstAdmin, FIRST_ADMIN_PASSWORD_FILE } from "../../cli/first-admin-notice.ts";
import { openDatabase } from "../../db/connection.ts";
import { loosePermissions, loosePermissionsWarning } from "../../db/data-dir-permissions.ts";
import { buildApp } from "../app.ts";
import { registerStaffApp } from "../staff-app.ts";

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-exposure-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("the first administrator's one-time password", () => {
  const admin = { username: "admin", password: "Zx9-one-time-secret-value" };

  it("goes to a file only the service user can read when standard error is not a terminal, the log naming the file", () => {
    const previous = process.umask(0o022);
    try {
      let log = "";
      const dir = path.join(scratch, "state");
      announceFirstAdmin(admin, dir, { isTTY: false, write: (t: string) => (log += t) });
      const file = path.join(dir, FIRST_ADMIN_PASSWORD_FILE);
      expect(log).not.toContain(admin.password);
      expect(log).toContain(file);
      expect(mode(file)).toBe(0o600);
      expect(fs.readFileSync(file, "utf8")).toContain(admin.password);
    } finally {
      process.umask(previous);
    }
  });

  it("is printed on a terminal, and only there", () => {
    let log = "";
    announceFirstAdmin(admin, path.join(scratch, "tty"), {
      isTTY: true,
      write: (t: string) => (log += t),
    });
    expect(log).toContain(admin.password);
    expect(fs.existsSync(path.join(scratch, "tty", FIRST_ADMIN_PASSWORD_FILE))).toBe(false);
  });
});

describe("/metrics without a token", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.destroy());

  it("answers this machine only: not another address, not a request a proxy forwarded", async () => {
    const app = await buildApp({ database: t.handle, logLevel: "silent" });
    try {
      const get = (remoteAddress: string, headers: Record<string, string> = {}) =>
        app.inject({ method: "GET", url: "/metrics", remoteAddress, headers });
      expect((await get("203.0.113.5")).statusCode).toBe(404);
      expect((await get("127.0.0.1", { "x-forwarded-for": "203.0.113.5" })).statusCode).toBe(404);
      expect((await get("127.0.0.1", { forwarded: "for=203.0.113.5" })).statusCode).toBe(404);
      const local = await get("127.0.0.1");
      expect(local.statusCode).toBe(200);
      expect(local.body).toContain("tassei_build_info");
      expect((await get("::1")).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("the embedded database's directory", () => {
  it("is created 0700 with files 0600 even under umask 022", async () => {
    const dataDir = path.join(scratch, "data");
    const previous = process.umask(0o022);
    try {
      const handle = await openDatabase({ kind: "pglite", dataDir });
      await handle.close();
    } finally {
      process.umask(previous);
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(loosePermissions(dataDir)).toBeNull();
    const readable = fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && (mode(path.join(e.parentPath, e.name)) & 0o077) !== 0)
      .map((e) => e.name);
    expect(readable).toEqual([]);
  });

  it("that is looser already is named at start-up", () => {
    const dataDir = path.join(scratch, "loose");
    fs.mkdirSync(path.join(dataDir, "pg"), { recursive: true });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, "pg", "users"), "hashes");
    fs.chmodSync(path.join(dataDir, "pg", "users"), 0o644);
    const loose = loosePermissions(dataDir);
    expect(loose).toMatchObject({ directoryMode: "0755" });
    expect(loose?.looseEntries).toBeGreaterThanOrEqual(1);
    const warning = loosePermissionsWarning(dataDir, loose ?? ({} as never));
    expect(warning).toContain("chmod -R go=");
    expect(warning).toContain(path.join("pg", "users"));
  });
});

describe("the staff app's source maps", () => {
  it("are not built", () => {
    const config = viteConfig as { build?: { sourcemap?: unknown } };
    expect(config.build?.sourcemap).toBeFalsy();
  });

  it("are not served even when a build left one", async () => {
    const dir = path.join(scratch, "web");
    fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html>");
    fs.writeFileSync(path.join(dir, "assets", "index-abc.js"), "console.log(1)");
    fs.writeFileSync(path.join(dir, "assets", "index-abc.js.map"), '{"sources":["secret.ts"]}');
    const app = Fastify();
    await registerStaffApp(app, { dir });
    try {
      expect((await app.inject("/staff/assets/index-abc.js")).statusCode).toBe(200);
      const map = await app.inject("/staff/assets/index-abc.js.map");
      expect(map.statusCode).not.toBe(200);
      expect(map.body).not.toContain("secret.ts");
    } finally {
      await app.close();
    }
  });
});
