// The backup socket of a server on the embedded database, in process: owner-only, nothing
// but the backup served, a socket left by a killed server replaced, a data directory too deep
// for a socket address still served, a stream the server did not finish refused by the
// client (no file), and a reader that goes away releasing the backup's transaction (on
// PGlite every other query waits for it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { backupThroughServer } from "../cli/online-backup.ts";
import { AppError } from "../errors.ts";
import { writeBackupTo } from "../services/backup/create-backup.ts";
import { seedEveryTable } from "../services/backup/test-support.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import { BACKUP_SOCKET_NAME, type BackupSocket, serveBackupSocket } from "./backup-socket.ts";

let t: TestDatabase;
let root: string;
const sockets: BackupSocket[] = [];
const logged: string[] = [];
const log = {
  info: (_: object, msg: string) => logged.push(msg),
  warn: (_: object, msg: string) => logged.push(msg),
  error: (_: object, msg: string) => logged.push(msg),
};
const locked = new AppError("data_dir_locked", "in use by another process (test)");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedEveryTable(t.ctx);
  for (const entry of generateDataset({ municipalities: 1, departments: 5, years: 2, seed: 5 })) {
    await importManifesto(t.ctx, entry.document);
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-socket-"));
});
afterEach(async () => {
  for (const s of sockets.splice(0)) await s.close();
  logged.length = 0;
});
afterAll(async () => {
  await t?.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

function dataDir(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function serve(dir: string): Promise<BackupSocket> {
  const socket = await serveBackupSocket(t.ctx.db, dir, log);
  if (!socket) throw new Error(`no socket: ${logged.join("; ")}`);
  sockets.push(socket);
  return socket;
}

function backupLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n").filter(Boolean);
}

/** A socket file with nobody listening: what a server killed with SIGKILL leaves. */
function leaveDeadSocket(file: string): void {
  const script = `require("net").createServer().listen(${JSON.stringify(file)}, () => process.kill(process.pid, "SIGKILL"))`;
  spawnSync(process.execPath, ["-e", script]);
  expect(fs.lstatSync(file).isSocket()).toBe(true);
}

describe("the backup socket", () => {
  it("is the owner's alone, serves the whole backup and nothing else, and goes on close", async () => {
    const dir = dataDir("plain");
    const socket = await serve(dir);
    expect(socket.path).toBe(path.join(dir, BACKUP_SOCKET_NAME));
    expect(fs.statSync(socket.path).mode & 0o777).toBe(0o600);

    const out = path.join(root, "plain.gz");
    const result = await backupThroughServer(dir, out, locked);
    expect(result.serverPid).toBe(String(process.pid));
    const lines = backupLines(out);
    const header = JSON.parse(lines[0] ?? "{}");
    expect(header.format).toBe("tassei.backup/v1");
    expect(result.summary.rows).toBe(lines.length - 1);
    expect(result.summary.rows).toBeGreaterThan(100);
    expect(fs.statSync(out).mode & 0o077).toBe(0);

    const other = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get({ socketPath: socket.path, path: "/api/session", agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", reject);
    });
    expect(other).toBe(404);

    await socket.close();
    sockets.length = 0;
    expect(fs.existsSync(socket.path)).toBe(false);
  });

  it("replaces a socket a killed server left, and leaves a file that is not a socket alone", async () => {
    const dir = dataDir("stale");
    leaveDeadSocket(path.join(dir, BACKUP_SOCKET_NAME));
    // Nobody answers there: the client reports the data directory as locked, as before.
    await expect(backupThroughServer(dir, path.join(root, "x.gz"), locked)).rejects.toBe(locked);
    await serve(dir);
    await backupThroughServer(dir, path.join(root, "stale.gz"), locked);
    expect(backupLines(path.join(root, "stale.gz")).length).toBeGreaterThan(100);

    const blocked = dataDir("blocked");
    fs.writeFileSync(path.join(blocked, BACKUP_SOCKET_NAME), "not a socket");
    expect(await serveBackupSocket(t.ctx.db, blocked, log)).toBeUndefined();
    expect(logged.join(" ")).toContain("not a socket");
    expect(fs.readFileSync(path.join(blocked, BACKUP_SOCKET_NAME), "utf8")).toBe("not a socket");
  });

  it("serves a data directory deeper than a socket address can name", async () => {
    const dir = dataDir(`${"深い階層/".repeat(12)}data`);
    expect(Buffer.byteLength(path.join(dir, BACKUP_SOCKET_NAME))).toBeGreaterThan(108);
    const socket = await serve(dir);
    expect(fs.lstatSync(socket.path).isSocket()).toBe(true);
    const out = path.join(root, "deep.gz");
    const result = await backupThroughServer(dir, out, locked);
    expect(result.summary.rows).toBe(backupLines(out).length - 1);
  });

  it("keeps no file when the server ends the stream before the backup is complete", async () => {
    const dir = dataDir("broken");
    const file = path.join(dir, BACKUP_SOCKET_NAME);
    // A server that dies half-way: headers and part of the body, never the trailer.
    const broken = http.createServer((_req, res) => {
      res.writeHead(200, { trailer: "x-tassei-backup" });
      res.write(zlib.gzipSync("{}\n").subarray(0, 10), () => res.destroy());
    });
    await new Promise<void>((resolve) => broken.listen(file, resolve));
    try {
      const out = path.join(root, "broken.gz");
      await expect(backupThroughServer(dir, out, locked)).rejects.toThrow(
        /最後まで送りませんでした/,
      );
      expect(fs.readdirSync(root).filter((f) => f.includes("broken"))).toEqual(["broken"]);
    } finally {
      broken.close();
    }
  });

  it("ends the backup and its transaction when the reader goes away", async () => {
    let written = 0;
    let firstWrite: () => void = () => {};
    const wrote = new Promise<void>((resolve) => {
      firstWrite = resolve;
    });
    // A reader that takes one chunk and then never reads again.
    const reader = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, _done) {
        written += 1;
        firstWrite();
      },
    });
    const backup = writeBackupTo(t.ctx.db, reader, { pageSize: 5 });
    await wrote;
    reader.destroy();
    await expect(backup).rejects.toThrow();
    expect(written).toBe(1);
    // The single connection of the embedded database is free again.
    const r = await sql<{ one: number }>`select 1 as one`.execute(t.ctx.db);
    expect(r.rows[0]?.one).toBe(1);
  });
});
