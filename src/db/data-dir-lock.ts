// One writer per embedded data directory. PGlite lets two processes open one directory
// without complaint and then silently loses writes, so the directory is held with a lock
// file naming the owner's PID. A lock left by a killed process is taken over at once:
// the PID check is exact on one host, where a time-based staleness rule would make a
// restart after a crash wait, or worse, let a slow live owner be overtaken.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "../errors.ts";

const LOCK_NAME = "tassei.lock";

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined; // half-written or removed meanwhile: treated as stale
  }
}

const STORAGE_PROBLEMS: Record<string, string> = {
  EACCES: "書き込む権限がありません / no permission to write",
  EPERM: "書き込む権限がありません / no permission to write",
  EROFS: "読み取り専用のファイルシステムです / the file system is read-only",
  ENOSPC: "ディスクの空きがありません / the disk is full",
  ENOTDIR:
    "途中にファイルがあり、ディレクトリを作れません / a file stands where a directory is needed",
  EEXIST: "同じ名前のファイルがあります / a file of that name exists",
};

/** The directory must exist and take a file; said plainly when it cannot. */
function prepareDataDir(dataDir: string, probe: string, content: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(probe, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const why = STORAGE_PROBLEMS[code] ?? (e as Error).message;
    throw new AppError(
      "storage_unavailable",
      `データディレクトリ ${dataDir} を使えません（${why}）。TASSEI_DATA_DIR を確認してください。`,
    );
  }
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const file = path.join(dataDir, LOCK_NAME);
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
  };
  // The lock appears with its content complete: written aside, then hard-linked into place
  // (link fails if the lock exists), so a second process never reads a half-written lock.
  const pending = `${file}.${process.pid}`;
  prepareDataDir(dataDir, pending, JSON.stringify(info));
  try {
    return takeLock(file, pending, dataDir);
  } finally {
    fs.rmSync(pending, { force: true });
  }
}

function takeLock(file: string, pending: string, dataDir: string): DataDirLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.linkSync(pending, file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readLock(file);
      if (owner && owner.host === os.hostname() && isAlive(owner.pid)) {
        throw new AppError(
          "data_dir_locked",
          `データディレクトリ ${dataDir} は別の Tassei プロセス（PID ${owner.pid}、${owner.command}、${owner.since} から）が使用中です。` +
            "そのプロセスを止めてから実行するか、PostgreSQL サーバー（DATABASE_URL）を使ってください。" +
            ` / The data directory is in use by another Tassei process (PID ${owner.pid}: ${owner.command}).`,
        );
      }
      if (owner && owner.host !== os.hostname()) {
        throw new AppError(
          "data_dir_locked",
          `データディレクトリ ${dataDir} は別のホスト ${owner.host} のプロセス（PID ${owner.pid}）が使用中です。` +
            `そのプロセスが終了している場合は ${file} を削除してください。`,
        );
      }
      // The owner is gone (killed, crashed): take the lock over. (Two processes starting in
      // the same instant after a crash could both get here; that needs a crash and a race.)
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError(
    "data_dir_locked",
    `データディレクトリ ${dataDir} のロックを取得できませんでした。`,
  );
}
