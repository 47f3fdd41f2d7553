// A consistent backup of everything (every municipality, account, revision and audit
// event) while the server keeps running: one read-only repeatable-read transaction sees all
// tables as of one moment, and rows stream out page by page so memory stays flat.
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { Kysely } from "kysely";
import {
  countRows,
  latestAppliedMigration,
  listTables,
  pinTextForms,
  readTextRows,
} from "../../db/repositories/backup.ts";
import type { Database } from "../../db/schema.ts";
import { BACKUP_FORMAT, type BackupHeader, refused, writeChunk } from "./format.ts";

export interface BackupOptions {
  /** Rows per page read from the database. */
  pageSize?: number;
  now?: () => Date;
}

/** Writes the backup as JSON Lines (uncompressed) into `out`; does not end it. */
export async function writeBackup(
  db: Kysely<Database>,
  out: Writable,
  options: BackupOptions = {},
): Promise<BackupHeader> {
  const pageSize = options.pageSize ?? 500;
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      await pinTextForms(trx);
      const schemaVersion = await latestAppliedMigration(trx);
      if (!schemaVersion) throw new Error("the database has no schema (no migration applied)");
      const tables = await listTables(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        schemaVersion,
        tables: [],
      };
      for (const t of tables) {
        header.tables.push({
          name: t.name,
          columns: t.columns,
          rows: await countRows(trx, t.name),
        });
      }
      await writeChunk(out, `${JSON.stringify(header)}\n`);
      for (const t of tables) {
        for await (const page of readTextRows(trx, t, pageSize)) {
          let text = "";
          for (const r of page) text += `${JSON.stringify({ t: t.name, r })}\n`;
          await writeChunk(out, text);
        }
      }
      return header;
    });
}

export interface BackupFileResult {
  header: BackupHeader;
  bytes: number;
}

/**
 * Writes a gzip-compressed backup to `file`. It is written beside the file under another
 * name and renamed when complete, so `file` is never a half-written backup.
 */
export async function createBackupFile(
  db: Kysely<Database>,
  file: string,
  options: BackupOptions = {},
): Promise<BackupFileResult> {
  const folder = path.dirname(path.resolve(file));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw refused(`出力先のフォルダ ${folder} がありません。 / no such folder: ${folder}`);
  }
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
  const gzip = zlib.createGzip();
  // Owner-only: a backup holds password hashes and sessions.
  const written = pipeline(gzip, fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
  // A write error (disk full, no such directory) also stops writeBackup; it is awaited below.
  written.catch(() => {});
  try {
    const header = await writeBackup(db, gzip, options);
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return { header, bytes: fs.statSync(file).size };
  } catch (e) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** The backup, gzip-compressed, into a stream that stays open (standard output). */
export async function writeBackupTo(
  db: Kysely<Database>,
  out: Writable,
  options: BackupOptions = {},
): Promise<BackupHeader> {
  const gzip = zlib.createGzip();
  gzip.pipe(out, { end: false });
  const header = await writeBackup(db, gzip, options);
  await new Promise<void>((resolve, reject) => {
    gzip.once("error", reject);
    gzip.once("end", resolve);
    gzip.end();
  });
  return header;
}
