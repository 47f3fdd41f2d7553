import { type Kysely, type Migration, Migrator, sql } from "kysely";
import * as initial from "./migrations/0001-initial.ts";
import * as search from "./migrations/0002-search.ts";
import * as accounts from "./migrations/0003-accounts.ts";
import * as workflow from "./migrations/0004-workflow.ts";
import * as deadlines from "./migrations/0005-deadlines.ts";
import * as bookletJobs from "./migrations/0006-booklet-jobs.ts";
import * as publicReadModel from "./migrations/0007-public-read-model.ts";
import * as dashboardIndexes from "./migrations/0008-dashboard-indexes.ts";
import * as searchBigrams from "./migrations/0009-search-bigrams.ts";
import * as levelRules from "./migrations/0013-level-rules.ts";
import type { Database } from "./schema.ts";

// Migrations are listed here rather than read from a folder so that they load the same
// way under tsx, in tests and in a bundle. Names sort in the order they apply.
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-search": search,
  "0003-accounts": accounts,
  "0004-workflow": workflow,
  "0005-deadlines": deadlines,
  "0006-booklet-jobs": bookletJobs,
  "0007-public-read-model": publicReadModel,
  "0008-dashboard-indexes": dashboardIndexes,
  "0009-search-bigrams": searchBigrams,
  "0013-level-rules": levelRules,
};

/** Any number that no other program on the same server uses for an advisory lock. */
const MIGRATION_LOCK_KEY = 242_161; // Iga's code

/**
 * Brings the schema up to date. Several app processes starting together against one
 * PostgreSQL server take turns on a session advisory lock, held on one connection for the
 * whole run: the first migrates, the others find nothing left to do. (Kysely's own lock
 * table alone does not cover creating its tables, which two processes could both attempt.)
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      await runMigrations(connection);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

async function runMigrations(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`database migration failed${name}: ${String(error)}`, { cause: error });
  }
}
