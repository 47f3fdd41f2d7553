import { type Kysely, type Migration, Migrator } from "kysely";
import * as initial from "./migrations/0001-initial.ts";
import type { Database } from "./schema.ts";

// Migrations are listed here rather than read from a folder so that they load the same
// way under tsx, in tests and in a bundle. Names sort in the order they apply.
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
};

/** Brings the schema up to date. Kysely's migration lock keeps two starting processes apart. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
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
