// One writer per embedded data directory. PGlite lets two processes open one directory
// without complaint and then silently loses writes, so the directory is held with a lock
// file naming the owner's PID. A lock left by a killed process is taken over at once:
// the PID check is exact on one host, where a time-based staleness rule would make a
// restart after a crash wait, or worse, let a slow live owner be overtaken. PIDs are
// reused, though (after a reboot the old number often belongs to some other program), so
// the lock also records the boot and the process's start time (Linux /proc): a live
// process with the lock's PID but another start time, or a lock from an earlier boot, is
// not its owner.
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
  /** /proc/sys/kernel/random/boot_id when the lock was taken (absent where there is none). */
  bootId?: string;
  /** The owner's start time in clock ticks since boot (/proc/PID/stat, field 22). */
  startTime?: string;
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

function currentBootId(): string | undefined {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** When the process started, in clock ticks since boot; undefined without /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19]; // field 22 counted from the state, which is field 3
  } catch {
    return undefined;
  }
}

/**
 * Whether the lock's owner still runs here: its PID is alive and, where the lock says, in
 * the same boot and started at the same moment (not a later process given the same PID).
 */
function ownerRuns(owner: LockInfo): boolean {
  if (!isAlive(owner.pid)) return false;
  const bootId = currentBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  const started = owner.startTime ? processStartTime(owner.pid) : undefined;
  if (owner.startTime && started && owner.startTime !== started) return false;
  return true;
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined; // half-written or removed meanwhile: treated as stale
  }
}

/** The process on this host that holds the data directory now, if one runs. */
export function liveLockOwner(
  dataDir: string,
): Pick<LockInfo, "pid" | "command" | "since"> | undefined {
  const owner = readLock(path.join(dataDir, LOCK_NAME));
  if (!owner || owner.host !== os.hostname() || !ownerRuns(owner)) return undefined;
  return { pid: owner.pid, command: owner.command, since: owner.since };
}

const STORAGE_PROBLEMS: Record<string, string> = {
  EACCES: "書き込む権限がありません / no permission to write",
  EPERM: "書き込む権限がありません / no permission to write",
  EROFS: "読み取り専用のファイルシステムです / the file system is read-only",
  ENOSPC: "ディスクの空きがありません / the disk is full",
  EDQUOT: "ディスクの使用量の上限（クォータ）に達しています / the disk quota is used up",
  ENOTDIR:
    "途中にファイルがあり、ディレクトリを作れません / a file stands where a directory is needed",
  EEXIST: "同じ名前のファイルがあります / a file of that name exists",
};

/**
 * Below this much free space PostgreSQL cannot be trusted to start or to write: a new WAL
 * segment alone takes 16 MiB, and PGlite aborts (a bare "Aborted()") when it cannot write
 * on start. Refusing to start says why instead.
 */
export const MIN_FREE_BYTES = 32 * 2 ** 20;

export function storageProblem(dataDir: string, why: string): AppError {
  return new AppError(
    "storage_unavailable",
    `データディレクトリ ${dataDir} を使えません（${why}）。TASSEI_DATA_DIR を確認してください。`,
  );
}

export function storageProblemFor(dataDir: string, code: string): AppError | undefined {
  const why = STORAGE_PROBLEMS[code];
  return why === undefined ? undefined : storageProblem(dataDir, why);
}

/** Free bytes for this user where `dir` is; undefined when the system cannot say. */
export function freeBytes(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

export function tooLittleSpace(dataDir: string): AppError | undefined {
  const free = freeBytes(dataDir);
  if (free === undefined || free >= MIN_FREE_BYTES) return undefined;
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return storageProblem(
    dataDir,
    `ディスクの空きが足りません: 空き ${mb(free)} MB、少なくとも ${mb(MIN_FREE_BYTES)} MB 必要です / ` +
      `not enough free disk space: ${mb(free)} MB free, at least ${mb(MIN_FREE_BYTES)} MB needed`,
  );
}

/**
 * The directory must exist, take a file that reaches the disk (written, flushed), and have
 * room to work; said plainly when not. The probe is the lock file's content, written aside.
 */
function prepareDataDir(dataDir: string, probe: string, content: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(probe, "w", 0o644);
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw storageProblemFor(dataDir, code) ?? storageProblem(dataDir, (e as Error).message);
  }
  const full = tooLittleSpace(dataDir);
  if (full) throw full;
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const file = path.join(dataDir, LOCK_NAME);
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
  };
  const bootId = currentBootId();
  const startTime = processStartTime(process.pid);
  if (bootId) info.bootId = bootId;
  if (startTime) info.startTime = startTime;
  // The lock appears with its content complete: written aside, then hard-linked into place
  // (link fails if the lock exists), so a second process never reads a half-written lock.
  const pending = `${file}.${process.pid}`;
  // A live owner is named before anything is written: on a full or read-only disk, a second
  // command learns that the server holds the directory (and `tassei backup` asks it).
  refuseIfHeld(file, dataDir);
  try {
    prepareDataDir(dataDir, pending, JSON.stringify(info));
    return takeLock(file, pending, dataDir);
  } finally {
    try {
      fs.rmSync(pending, { force: true });
    } catch {
      // A read-only file system refuses even this; the error that matters is already thrown.
    }
  }
}

/** Throws data_dir_locked when the lock names a process that still runs (or another host). */
function refuseIfHeld(file: string, dataDir: string): void {
  const owner = readLock(file);
  if (owner && owner.host === os.hostname() && ownerRuns(owner)) {
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
      refuseIfHeld(file, dataDir);
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
