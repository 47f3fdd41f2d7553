// What the database layer knows about storage failures, said plainly. PGlite reports file
// errors as Emscripten objects with WASI error numbers (not Errors, so a bare message would
// read "[object Object]"), and aborts with no reason at all when it cannot write on start;
// PostgreSQL reports a full disk as SQLSTATE 53100 in a query that fails.
import { AppError } from "../errors.ts";
import { storageProblemFor, tooLittleSpace } from "./data-dir-lock.ts";

// WASI numbers of the errors a data directory can give (Emscripten's ERRNO_CODES).
const WASI_ERRNO: Record<number, string> = {
  2: "EACCES",
  19: "EDQUOT",
  51: "ENOSPC",
  63: "EPERM",
  69: "EROFS",
};

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null) {
    const { name, errno } = e as { name?: unknown; errno?: unknown };
    if (typeof name === "string") return `${name}${typeof errno === "number" ? ` ${errno}` : ""}`;
  }
  return String(e);
}

/** PGlite could not open (or create) the database in `dataDir`: why, as far as it can be told. */
export function pgliteOpenError(dataDir: string, e: unknown): Error {
  const errno = (e as { errno?: unknown } | null)?.errno;
  const code = typeof errno === "number" ? WASI_ERRNO[errno] : undefined;
  const known = code === undefined ? undefined : storageProblemFor(dataDir, code);
  if (known) return known;
  // An abort says nothing; a disk that filled up meanwhile is the usual reason.
  const full = tooLittleSpace(dataDir);
  if (full) return full;
  return new Error(`the embedded database in ${dataDir} could not be opened: ${describe(e)}`, {
    cause: e,
  });
}

const DISK_FULL = "53100";

function sqlState(e: unknown): string | undefined {
  for (let c: unknown = e; typeof c === "object" && c !== null; c = (c as Error).cause) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A query (a migration, a save) failed because the database's disk is full. */
export function isDiskFull(e: unknown): boolean {
  return sqlState(e) === DISK_FULL;
}

/** The storage error to report instead of `e` when the database's disk is full. */
export function diskFullError(location: string, e: unknown): AppError | undefined {
  if (!isDiskFull(e)) return undefined;
  return new AppError(
    "storage_unavailable",
    `データベース（${location}）のディスクの空きがありません。空きを作ってから、もう一度実行してください。` +
      ` / the disk of the database (${location}) is full; free some space and try again.`,
  );
}
