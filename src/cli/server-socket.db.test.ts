// A command given while `tassei serve` is still starting: the server holds the data
// directory's lock from its first moment but opens its socket only when the database is
// ready, so the command waits for the socket instead of being refused as "in use". Nothing
// else is waited for: another command's lock, or no lock, answers at once.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { PROJECT_ROOT } from "../../test/support/fixtures.ts";
import { acquireDataDirLock, type DataDirLock } from "../db/data-dir-lock.ts";
import { AppError } from "../errors.ts";
import {
  BACKUP_SOCKET_NAME,
  type BackupSocket,
  serveBackupSocket,
} from "../server/backup-socket.ts";
import { runAdminCommand } from "./admin-command.ts";
import { backupThroughServer } from "./online-backup.ts";
import { serverSocketOpen } from "./server-socket.ts";

let t: TestDatabase;
let root: string;
const held: DataDirLock[] = [];
const sockets: BackupSocket[] = [];
const log = { info() {}, warn() {}, error() {} };
const locked = new AppError("data_dir_locked", "in use by another process (test)");

beforeAll(async () => {
  t = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-starting-"));
});
afterEach(async () => {
  for (const s of sockets.splice(0)) await s.close();
  for (const l of held.splice(0)) l.release();
});
afterAll(async () => {
  await t?.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A data directory held by this process under `command`, as serve.ts holds it. */
function heldDir(name: string, command: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  held.push(acquireDataDirLock(dir, command));
  return dir;
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function openSocketAfter(dir: string, ms: number): Promise<void> {
  await sleep(ms);
  const socket = await serveBackupSocket(t.ctx.db, dir, log);
  if (socket) sockets.push(socket);
}

describe("a command next to a starting server", () => {
  it("waits for the socket, says so once, and then goes through it", async () => {
    const dir = heldDir("starting", "tassei serve");
    const waited: number[] = [];
    const opening = openSocketAfter(dir, 400);
    const open = await serverSocketOpen(dir, { onWait: (pid) => waited.push(pid) });
    await opening;
    expect(open).toBe(true);
    expect(waited).toEqual([process.pid]);
  });

  it("takes a backup through a server that opens its socket after the command started", async () => {
    const dir = heldDir("backup", "tassei serve");
    const file = path.join(root, "starting.backup.gz");
    const opening = openSocketAfter(dir, 400);
    const backup = await backupThroughServer(dir, file, locked);
    await opening;
    expect(backup.summary.tables).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBe(backup.bytes);
  });

  it("runs an administrative command through a server that opens its socket meanwhile", async () => {
    const dir = heldDir("admin", "tassei serve");
    const saved = { url: process.env.DATABASE_URL, dir: process.env.TASSEI_DATA_DIR };
    delete process.env.DATABASE_URL;
    process.env.TASSEI_DATA_DIR = dir;
    try {
      const opening = openSocketAfter(dir, 400);
      const users = await runAdminCommand("user list", {});
      await opening;
      expect(Array.isArray(users)).toBe(true);
    } finally {
      restoreEnv("DATABASE_URL", saved.url);
      restoreEnv("TASSEI_DATA_DIR", saved.dir);
    }
  });

  it("waits past a socket a killed server left behind", async () => {
    const dir = heldDir("stale", "tassei serve");
    const file = path.join(dir, BACKUP_SOCKET_NAME);
    const script = `require("net").createServer().listen(${JSON.stringify(file)}, () => process.kill(process.pid, "SIGKILL"))`;
    spawnSync(process.execPath, ["-e", script]);
    expect(fs.lstatSync(file).isSocket()).toBe(true);
    const opening = openSocketAfter(dir, 400);
    expect(await serverSocketOpen(dir)).toBe(true);
    await opening;
  });

  it("says so when the server it waits for stops before opening the socket", async () => {
    const dir = path.join(root, "stops");
    fs.mkdirSync(dir);
    // Another process starts as a server would (the lock first) and exits before its socket.
    const script = `import("./src/db/data-dir-lock.ts").then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}, "tassei serve"); process.stdout.write("held\\n"); setTimeout(() => process.exit(1), 500); })`;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: PROJECT_ROOT });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    const waited: number[] = [];
    await expect(serverSocketOpen(dir, { onWait: (p) => waited.push(p) })).rejects.toThrow(
      `The server (PID ${child.pid}) stopped before it finished starting`,
    );
    expect(waited).toEqual([child.pid]);
  });

  it("gives up after the wait when the server never opens it", async () => {
    const dir = heldDir("never", "tassei serve");
    const waited: number[] = [];
    const started = Date.now();
    const open = await serverSocketOpen(dir, { timeoutMs: 300, onWait: (p) => waited.push(p) });
    expect(open).toBe(false);
    // The wait is counted from the server's start (when it took the lock), a moment earlier.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(waited).toEqual([process.pid]);
  });
});

describe("no starting server", () => {
  it("answers at once when another command holds the directory", async () => {
    const dir = heldDir("import", "tassei import");
    const waited: number[] = [];
    expect(await serverSocketOpen(dir, { onWait: (p) => waited.push(p) })).toBe(false);
    expect(waited).toEqual([]);
    await expect(backupThroughServer(dir, path.join(root, "no.backup.gz"), locked)).rejects.toBe(
      locked,
    );
  });

  it("does not wait for a server that has run longer than a start takes", async () => {
    const dir = heldDir("running", "tassei serve");
    await sleep(50);
    expect(
      await serverSocketOpen(dir, { timeoutMs: 40, onWait: () => expect.fail("no wait") }),
    ).toBe(false);
  });

  it("answers at once when nothing holds the directory", async () => {
    const dir = path.join(root, "free");
    fs.mkdirSync(dir);
    expect(await serverSocketOpen(dir, { onWait: () => expect.fail("no wait") })).toBe(false);
  });
});
