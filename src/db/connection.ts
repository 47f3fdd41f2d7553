// One code path for both databases: PGlite (embedded PostgreSQL in a data directory) is
// reached through node-postgres exactly as a PostgreSQL server is, so every query runs the
// same SQL in tests, on a laptop and in a prefecture-wide installation.

import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import { restrictNewFiles, tightenDataFiles } from "./data-dir-permissions.ts";
import { migrateToLatest } from "./migrate.ts";
import type { Database } from "./schema.ts";
import { diskFullError, pgliteOpenError } from "./storage-errors.ts";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseTarget["kind"];
  /** Where the data is, for messages: the directory, or the URL without its password. */
  location: string;
  /** The server connection pool (PostgreSQL only), for its metrics. */
  pool?: pg.Pool;
  /** The embedded database itself, for LISTEN (change-notifications.ts). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Shown to a second process that finds the data directory locked. */
  purpose?: string;
  migrate?: boolean;
}

/** Closing twice (a shutdown signal during an error path, say) is harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const handle =
    target.kind === "postgres" ? openPostgres(target) : await openPglite(target, options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(handle.db);
    } catch (e) {
      await handle.close();
      throw diskFullError(handle.location, e) ?? e;
    }
  }
  return handle;
}

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // An idle client that loses its server (restart, network) must not crash the process;
  // the next query gets a fresh connection or a clean error.
  pool.on("error", () => {});
  // A connection that dies while checked out (the server restarts mid-request) emits an
  // error on its client; with no listener that would end the process. Its query fails on
  // its own and is answered with 503, and the pool drops the broken client.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    location: redactUrl(target.url),
    pool,
    close: once(() => db.destroy()),
  };
}

async function openPglite(
  target: Extract<DatabaseTarget, { kind: "pglite" }>,
  options: OpenOptions,
): Promise<DatabaseHandle> {
  restrictNewFiles(target.dataDir);
  const lock = acquireDataDirLock(target.dataDir, options.purpose ?? process.argv.join(" "));
  let lite: PGlite;
  try {
    // The database files live in a subfolder so that the lock file and later backups can
    // sit beside them without PostgreSQL finding strangers in its directory.
    // pg_trgm indexes public search, as on a server with contrib installed.
    lite = await PGlite.create(path.join(target.dataDir, "pg"), { extensions: { pg_trgm } });
  } catch (e) {
    lock.release();
    throw pgliteOpenError(target.dataDir, e);
  }
  tightenDataFiles(target.dataDir);
  // PGlite runs one query at a time; a pool of one keeps transactions on one connection.
  const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    location: target.dataDir,
    pglite: lite,
    close: once(async () => {
      try {
        await db.destroy();
        await lite.close();
        tightenDataFiles(target.dataDir);
      } finally {
        lock.release();
      }
    }),
  };
}
