// A consistent backup of everything (every municipality, account, revision and audit
// event) while the server keeps running: one read-only repeatable-read transaction sees all
// tables as of one moment, and rows stream out page by page so memory stays flat.
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
import { writeFileAtomically } from "./atomic-file.ts";
import { BACKUP_FORMAT, type BackupHeader, writeChunk } from "./format.ts";

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
  const written = await writeFileAtomically(file, async (out) => {
    const gzip = zlib.createGzip();
    const piped = pipeline(gzip, out);
    // A write error (disk full) also stops writeBackup; it is awaited below.
    piped.catch(() => {});
    try {
      const header = await writeBackup(db, gzip, options);
      gzip.end();
      await piped;
      return header;
    } catch (e) {
      gzip.destroy();
      await piped.catch(() => {});
      throw e;
    }
  });
  return { header: written.value, bytes: written.bytes };
}

/**
 * The backup, gzip-compressed, into a stream that stays open (standard output, an HTTP
 * response). The reader going away (a closed pipe, a client that hung up) ends the backup
 * and its transaction, rather than leaving them waiting for room to write.
 */
export async function writeBackupTo(
  db: Kysely<Database>,
  out: Writable,
  options: BackupOptions = {},
): Promise<BackupHeader> {
  const gzip = zlib.createGzip();
  const gone = () => gzip.destroy(out.errored ?? new Error("the backup's reader went away"));
  // Between two writes nobody else listens: the error reaches writeBackup through its next
  // write (the stream is destroyed), never as an uncaught exception that ends the server.
  gzip.on("error", () => {});
  out.once("close", gone);
  out.once("error", gone);
  gzip.pipe(out, { end: false });
  try {
    const header = await writeBackup(db, gzip, options);
    await new Promise<void>((resolve, reject) => {
      gzip.once("error", reject);
      gzip.once("end", resolve);
      gzip.end();
    });
    return header;
  } finally {
    out.off("close", gone);
    out.off("error", gone);
  }
}
