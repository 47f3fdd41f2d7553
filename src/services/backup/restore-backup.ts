// Restores a tassei.backup/v1 into a database of the same schema version, all of it in ONE
// transaction: a damaged, cut-off or mismatched file leaves the database as it was. A
// database that already holds data is refused unless the caller says to replace it.
import fs from "node:fs";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { Kysely } from "kysely";
import {
  firstNonEmptyTable,
  insertTextRows,
  latestAppliedMigration,
  listTables,
  resetSequences,
  type TableInfo,
  type TextRow,
  truncateTables,
} from "../../db/repositories/backup.ts";
import { notifyPublicChange } from "../../db/repositories/public-changes.ts";
import type { Database } from "../../db/schema.ts";
import {
  type BackupHeader,
  checkHeader,
  checkRowLine,
  linesOf,
  parseLine,
  refused,
} from "./format.ts";

export interface RestoreOptions {
  /** Replace whatever the database holds (emptied in the same transaction). */
  force?: boolean;
  /** Named in messages: the file, or where the rows come from. */
  source?: string;
  /** Rows per insert statement; a batch is also cut at about 4 MB of text. */
  batchRows?: number;
}

export interface RestoreResult {
  createdAt: string;
  schemaVersion: string;
  tables: { name: string; rows: number }[];
  /** The database held data that was replaced (--force). */
  replaced: boolean;
}

const BATCH_BYTES = 4 * 1024 * 1024;

function checkSameTables(header: BackupHeader, tables: readonly TableInfo[], file: string): void {
  const problems: string[] = [];
  const inFile = new Map(header.tables.map((t) => [t.name, t]));
  for (const t of tables) {
    const saved = inFile.get(t.name);
    if (!saved) {
      problems.push(`table ${t.name} is missing from the backup`);
      continue;
    }
    const expected = t.columns.map((c) => c.name).sort();
    const found = saved.columns.map((c) => c.name).sort();
    if (expected.join(",") !== found.join(",")) {
      problems.push(`table ${t.name} has columns (${found}) instead of (${expected})`);
    }
  }
  const known = new Set(tables.map((t) => t.name));
  for (const t of header.tables) {
    if (!known.has(t.name)) problems.push(`table ${t.name} does not exist in this database`);
  }
  if (problems.length > 0) {
    throw refused(
      `${file} の表の構成がこのデータベースと一致しません: ${problems.join("; ")}. / The tables of ${file} do not match this database.`,
    );
  }
}

/** Restores from the lines of an uncompressed backup (the header first). */
export async function restoreBackup(
  db: Kysely<Database>,
  lines: AsyncIterable<string>,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const file = options.source ?? "the backup";
  const batchRows = options.batchRows ?? 500;
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw refused(`${file} は空です。 / ${file} is empty.`);
  const schemaVersion = (await latestAppliedMigration(db)) ?? "(none)";
  const header = checkHeader(parseLine(first.value, 1, file), schemaVersion, file);
  const tables = await listTables(db);
  checkSameTables(header, tables, file);
  const byName = new Map(tables.map((t) => [t.name, t]));

  return db.transaction().execute(async (trx) => {
    const occupied = await firstNonEmptyTable(trx, tables);
    if (occupied && !options.force) {
      throw refused(
        `復元先のデータベースにはすでにデータがあります（表 ${occupied}）。空のデータベースに復元するか、` +
          `置き換えてよければ --force を付けてください。 / The target database is not empty (table ${occupied}); use --force to replace its contents.`,
      );
    }
    if (occupied) await truncateTables(trx, tables);

    const counts = new Map<string, number>();
    let batch: TextRow[] = [];
    let batchTable: TableInfo | undefined;
    let batchBytes = 0;
    const flush = async () => {
      if (batchTable && batch.length > 0) await insertTextRows(trx, batchTable, batch);
      batch = [];
      batchBytes = 0;
    };
    let lineNumber = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber++;
      const line = checkRowLine(parseLine(next.value, lineNumber, file), lineNumber, file);
      const table = byName.get(line.t);
      if (!table) throw refused(`${file} の ${lineNumber} 行目: 未知の表 ${line.t}`);
      if (table !== batchTable) {
        await flush();
        batchTable = table;
      }
      for (const column in line.r) {
        if (!table.columns.some((c) => c.name === column)) {
          throw refused(
            `${file} の ${lineNumber} 行目: 表 ${table.name} に列 ${column} はありません`,
          );
        }
      }
      batch.push(line.r);
      batchBytes += next.value.length;
      counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
      if (batch.length >= batchRows || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();

    for (const t of header.tables) {
      const read = counts.get(t.name) ?? 0;
      if (read !== t.rows) {
        throw refused(
          `${file} は不完全です: 表 ${t.name} の行が ${t.rows} 行のはずが ${read} 行しかありません。何も書き込んでいません。` +
            ` / ${file} is incomplete (${t.name}: ${read} of ${t.rows} rows); nothing was written.`,
        );
      }
    }
    await resetSequences(trx, tables);
    // Running servers drop every cached public page when this commits.
    await notifyPublicChange(trx, null);
    return {
      createdAt: header.createdAt,
      schemaVersion: header.schemaVersion,
      tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })),
      replaced: occupied !== undefined,
    };
  });
}

/** Restores from a gzip-compressed backup file, or from `input` when given (stdin). */
export async function restoreBackupFile(
  db: Kysely<Database>,
  file: string,
  options: RestoreOptions = {},
  input?: Readable,
): Promise<RestoreResult> {
  if (!input) {
    try {
      if (!fs.statSync(file).isFile()) throw new Error("not a regular file");
    } catch (e) {
      throw refused(`${file} を読めません: ${(e as Error).message} / cannot read ${file}`);
    }
  }
  const source = input ?? fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on("error", (e: Error) => gunzip.destroy(e));
  source.pipe(gunzip);
  try {
    return await restoreBackup(db, linesOf(gunzip, file), { source: file, ...options });
  } finally {
    gunzip.destroy();
    if (!input) source.destroy();
  }
}
