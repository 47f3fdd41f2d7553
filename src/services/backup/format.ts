// tassei.backup/v1: gzip-compressed JSON Lines. The first line is the header; every other
// line is one row, `{ "t": table, "r": { column: text form | null } }`, tables in the
// header's order (parents before children). Values are PostgreSQL's text forms, so that
// jsonb, timestamps and doubles come back exactly as stored.
import type { Readable, Writable } from "node:stream";
import { ValidationError } from "../../errors.ts";

export const BACKUP_FORMAT = "tassei.backup/v1";

export interface BackupTable {
  name: string;
  columns: { name: string; type: string }[];
  /** Rows in the snapshot: a restore that reads fewer knows the file is incomplete. */
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The newest migration of the database backed up: a restore needs the same schema. */
  schemaVersion: string;
  tables: BackupTable[];
}

export interface BackupRowLine {
  t: string;
  r: Record<string, string | null>;
}

export function refused(message: string): ValidationError {
  return new ValidationError(message, []);
}

/** Writes with backpressure: waits while the stream's buffer is full. */
export async function writeChunk(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error("the backup output was closed");
  if (out.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (e?: Error | null) => {
      out.off("drain", done);
      out.off("error", done);
      out.off("close", closed);
      if (e) reject(e);
      else resolve();
    };
    const closed = () => done(out.errored ?? new Error("the backup output was closed"));
    out.on("drain", done);
    out.on("error", done);
    out.on("close", closed);
  });
}

function isZlibError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

/**
 * The stream's text, line by line. A damaged or cut-off gzip stream and an unreadable
 * file become refused input, naming what is wrong.
 */
export async function* linesOf(input: Readable, file = "the backup"): AsyncGenerator<string> {
  input.setEncoding("utf8");
  let pending = "";
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      pending += chunk;
      let end = pending.indexOf("\n");
      while (end >= 0) {
        yield pending.slice(0, end);
        pending = pending.slice(end + 1);
        end = pending.indexOf("\n");
      }
    }
  } catch (e) {
    if (isZlibError(e)) {
      throw refused(
        `${file} は壊れているか途中で切れています（gzip: ${(e as Error).message}）。 / ${file} is damaged or truncated.`,
      );
    }
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      throw refused(`${file} が見つかりません。 / no such file: ${file}`);
    }
    throw e;
  }
  if (pending !== "") yield pending;
}

export function parseLine(line: string, lineNumber: number, file: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw refused(
      `${file} の ${lineNumber} 行目が JSON として読めません（壊れたファイル）。 / line ${lineNumber} of ${file} is not JSON.`,
    );
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Checks the header's shape and its format and schema version against this build's. */
export function checkHeader(raw: unknown, schemaVersion: string, file: string): BackupHeader {
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) {
    const found = isRecord(raw) && typeof raw.format === "string" ? ` (${raw.format})` : "";
    throw refused(
      `${file} は Tassei のバックアップ（${BACKUP_FORMAT}）ではありません${found}。 / not a ${BACKUP_FORMAT} file.`,
    );
  }
  if (raw.schemaVersion !== schemaVersion) {
    throw refused(
      `${file} はスキーマ ${String(raw.schemaVersion)} のバックアップですが、このバージョンの Tassei のスキーマは ${schemaVersion} です。` +
        `同じバージョンの Tassei で復元してください。 / schema version ${String(raw.schemaVersion)} does not match this build's ${schemaVersion}.`,
    );
  }
  const tables = raw.tables;
  const wellFormed =
    Array.isArray(tables) &&
    tables.every(
      (t) =>
        isRecord(t) &&
        typeof t.name === "string" &&
        Number.isInteger(t.rows) &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => isRecord(c) && typeof c.name === "string"),
    );
  if (!wellFormed || typeof raw.createdAt !== "string") {
    throw refused(`${file} のヘッダーが壊れています。 / the header of ${file} is malformed.`);
  }
  return raw as unknown as BackupHeader;
}

export function checkRowLine(raw: unknown, lineNumber: number, file: string): BackupRowLine {
  if (
    isRecord(raw) &&
    typeof raw.t === "string" &&
    isRecord(raw.r) &&
    Object.values(raw.r).every((v) => v === null || typeof v === "string")
  ) {
    return raw as unknown as BackupRowLine;
  }
  throw refused(
    `${file} の ${lineNumber} 行目は行データの形をしていません。 / line ${lineNumber} of ${file} is not a row.`,
  );
}
