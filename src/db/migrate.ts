import { type Kysely, type Migration, Migrator, sql } from "kysely";
import { AppError } from "../errors.ts";
import * as initial from "./migrations/0001-initial.ts";
import * as search from "./migrations/0002-search.ts";
import * as accounts from "./migrations/0003-accounts.ts";
import * as workflow from "./migrations/0004-workflow.ts";
import * as deadlines from "./migrations/0005-deadlines.ts";
import * as bookletJobs from "./migrations/0006-booklet-jobs.ts";
import * as publicReadModel from "./migrations/0007-public-read-model.ts";
import * as dashboardIndexes from "./migrations/0008-dashboard-indexes.ts";
import * as searchBigrams from "./migrations/0009-search-bigrams.ts";
import * as masterData from "./migrations/0010-master-data.ts";
import * as indicatorRegistry from "./migrations/0011-indicator-registry.ts";
import * as securityLimits from "./migrations/0012-security-limits.ts";
import * as levelRules from "./migrations/0013-level-rules.ts";
import * as pdfLayout from "./migrations/0015-pdf-layout.ts";
import * as notifications from "./migrations/0016-notifications.ts";
import * as progressReports from "./migrations/0017-progress-reports.ts";
import * as signInFactors from "./migrations/0018-sign-in-factors.ts";
import * as searchCharacters from "./migrations/0019-search-characters.ts";
import * as tagsAndScoreScale from "./migrations/0021-tags-and-score-scale.ts";
import * as publicManifestoPage from "./migrations/0022-public-manifesto-page.ts";
import type { Database } from "./schema.ts";

// Migrations are listed here rather than read from a folder so that they load the same
// way under tsx, in tests and in a bundle. Names sort in the order they apply.
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-search": search,
  "0003-accounts": accounts,
  "0004-workflow": workflow,
  "0005-deadlines": deadlines,
  "0006-booklet-jobs": bookletJobs,
  "0007-public-read-model": publicReadModel,
  "0008-dashboard-indexes": dashboardIndexes,
  "0009-search-bigrams": searchBigrams,
  "0010-master-data": masterData,
  "0011-indicator-registry": indicatorRegistry,
  "0012-security-limits": securityLimits,
  "0013-level-rules": levelRules,
  "0015-pdf-layout": pdfLayout,
  "0016-notifications": notifications,
  "0017-progress-reports": progressReports,
  "0018-sign-in-factors": signInFactors,
  "0019-search-characters": searchCharacters,
  "0021-tags-and-score-scale": tagsAndScoreScale,
  "0022-public-manifesto-page": publicManifestoPage,
};

/** Any number that no other program on the same server uses for an advisory lock. */
const MIGRATION_LOCK_KEY = 242_161; // Iga's code

/**
 * Brings the schema up to date. Several app processes starting together against one
 * PostgreSQL server take turns on a session advisory lock, held on one connection for the
 * whole run: the first migrates, the others find nothing left to do. (Kysely's own lock
 * table alone does not cover creating its tables, which two processes could both attempt.)
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  /** Tests add migrations of their own; the program always runs these. */
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      await runMigrations(connection, migrations);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

async function runMigrations(
  db: Kysely<Database>,
  migrations: Readonly<Record<string, Migration>>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const newer = /previously executed migration (\S+) is missing/.exec(String(error));
  if (newer) throw newerSchema(newer[1] ?? "");
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`database migration failed${name}: ${String(error)}`, { cause: error });
  }
}

/**
 * True when exactly the given migrations have run, no more and no fewer: the usual start,
 * answered in two statements. Kysely's Migrator finds the same by introspecting the
 * catalog and taking its own lock in a transaction, which took ~150 ms of each start of the
 * embedded database (issue 15); it still runs, under the advisory lock, whenever this says
 * no. Only the set is compared: the Migrator also refuses rows whose timestamps disagree
 * with the names' order, which no run of Tassei writes; a schema with nothing to apply has
 * nothing to reorder either.
 */
export async function schemaIsCurrent(
  db: Kysely<Database>,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<boolean> {
  const { rows: table } = await sql<{
    present: boolean;
  }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!table[0]?.present) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  const known = Object.keys(migrations);
  return applied.size === known.length && known.every((name) => applied.has(name));
}

/**
 * The database was migrated by a later version of Tassei (the way back after an upgrade):
 * this version cannot use it, nor empty it safely. Said so, with the way back.
 */
function newerSchema(migration: string): AppError {
  return new AppError(
    "conflict",
    `このデータベースは新しい版の Tassei で更新されています（この版にない移行 ${migration}）。` +
      "この版に戻すには、更新前のバックアップを空のデータベース（新しいデータディレクトリ、または作り直した PostgreSQL データベース）に復元してください（docs/operations.md「元の版に戻す」）。" +
      ` / This database was migrated by a newer Tassei (migration ${migration} is unknown to this version). ` +
      "To go back, restore the backup taken before the upgrade into an empty database (see docs/operations.md).",
  );
}
