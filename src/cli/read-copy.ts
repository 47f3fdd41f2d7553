// The reading commands (export, assess, booklet, indicators, template, portal export) next
// to a running `tassei serve` on the embedded database. The server holds the data directory,
// so the command reads a copy instead: the server writes a consistent backup through its
// socket (as `tassei backup` does), which is restored into a scratch database that the
// command reads and then removes. The server keeps serving meanwhile and does none of the
// command's work — a booklet's rendering stays out of its event loop. On PostgreSQL, or
// with no server holding the directory, the command reads the database itself.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import type { AppError } from "../errors.ts";
import type { ServiceContext } from "../services/context.ts";
import { cliActor, heldDataDir, withDatabase } from "./context.ts";
import { backupThroughServer } from "./online-backup.ts";

export async function withReadableDatabase<T>(
  purpose: string,
  fn: (ctx: ServiceContext, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  try {
    return await withDatabase(purpose, fn);
  } catch (e) {
    const held = heldDataDir(e);
    if (!held) throw e;
    return readCopy(held.dataDir, purpose, fn, held.locked);
  }
}

async function readCopy<T>(
  dataDir: string,
  purpose: string,
  fn: (ctx: ServiceContext, handle: DatabaseHandle) => Promise<T>,
  locked: AppError,
): Promise<T> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-read-copy-"));
  try {
    const file = path.join(scratch, "copy.backup.gz");
    const online = await backupThroughServer(dataDir, file, locked);
    process.stderr.write(
      `(reading a copy taken through the running server, PID ${online.serverPid})\n`,
    );
    const { restoreBackupFile } = await import("../services/backup/restore-backup.ts");
    const handle = await openDatabase(
      { kind: "pglite", dataDir: path.join(scratch, "data") },
      { purpose: `tassei ${purpose} (copy)` },
    );
    try {
      await restoreBackupFile(handle.db, file, { force: false });
      return await fn({ db: handle.db, actor: cliActor() }, handle);
    } finally {
      await handle.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
