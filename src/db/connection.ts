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
import { migrateToLatest, schemaIsCurrent } from "./migrate.ts";
import { PglitePool } from "./pglite-pool.ts";
import { postgresPoolTakingTurns } from "./postgres-pool.ts";
import type { Database } from "./schema.ts";
import { diskFullError, pgliteOpenError } from "./storage-errors.ts";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number; timeouts?: DatabaseTimeouts }
  | {
      kind: "pglite";
      dataDir: string;
      /** PostgreSQL's shared_buffers for the embedded database (TASSEI_PGLITE_SHARED_BUFFERS_MB). */
      sharedBuffersMb?: number;
    };

/**
 * The embedded database's shared buffers live in its WebAssembly memory. PostgreSQL's usual
 * 128MB held ~105 MB more of the server's resident memory than 32MB (387 against 280 MB after
 * start-up and the demo page), for no gain: start-up and the uncached public page measured
 * the same or better with 32MB (bench/README.md, issue 15). A municipality's data is tens of
 * megabytes, and what does not fit is still one read away in the operating system's cache.
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

/**
 * How long a PostgreSQL server may keep us waiting, so that a server or network that goes
 * silent (packets dropped, not refused) fails requests with 503 instead of holding them.
 */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /**
   * One statement: the server cancels it after this long (statement_timeout), and the client
   * gives up a moment later when no answer comes at all (a dead network).
   */
  queryMs: number;
  /** A transaction left open without a statement is ended by the server. */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  queryMs: 15_000,
  idleInTransactionMs: 60_000,
};

/** The client waits this much longer than the server's statement_timeout, to hear its error. */
const CLIENT_GRACE_MS = 2_000;

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
      if (await schemaIsCurrent(handle.db)) return handle;
      if (target.kind === "postgres") {
        // A migration may rebuild an index for minutes: not bound by the query timeout.
        const migrator = openPostgres({
          ...target,
          poolSize: 1,
          timeouts: { ...(target.timeouts ?? DEFAULT_TIMEOUTS), queryMs: 0 },
        });
        try {
          await migrateToLatest(migrator.db);
        } finally {
          await migrator.close();
        }
      } else {
        await migrateToLatest(handle.db);
      }
    } catch (e) {
      await handle.close();
      throw diskFullError(handle.location, e) ?? e;
    }
  }
  return handle;
}

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): DatabaseHandle {
  const timeouts = target.timeouts ?? DEFAULT_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: timeouts.connectMs,
    // 0 is "no limit" for all three, as for PostgreSQL's own settings.
    statement_timeout: timeouts.queryMs,
    query_timeout: timeouts.queryMs > 0 ? timeouts.queryMs + CLIENT_GRACE_MS : 0,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle client that loses its server (restart, network) must not crash the process;
  // the next query gets a fresh connection or a clean error.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    // A connection that dies while checked out (the server restarts mid-request) emits an
    // error on its client; with no listener that would end the process. Its query fails on
    // its own and is answered with 503, and the pool drops the broken client.
    client.on("error", () => {});
    dropClientAfterReadTimeout(client);
  });
  // Answers continue one per loop turn, so that connections are accepted between them.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: postgresPoolTakingTurns(pool) }),
  });
  return {
    db,
    kind: "postgres",
    location: redactUrl(target.url),
    pool,
    close: once(() => db.destroy()),
  };
}

/**
 * node-postgres answers a query that got no reply within query_timeout with an error, but
 * leaves the query in flight on its connection: every later query on it would wait behind
 * it. So a connection whose query timed out is closed; the pool then drops it.
 */
function dropClientAfterReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((e: unknown) => {
        if (e instanceof Error && e.message === "Query read timeout") {
          (
            client as unknown as { connection: { stream: { destroy(): void } } }
          ).connection.stream.destroy();
        }
      });
    }
    return result;
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
    lite = await PGlite.create(path.join(target.dataDir, "pg"), {
      extensions: { pg_trgm },
      startParams: [
        ...PGlite.defaultStartParams,
        "-c",
        `shared_buffers=${target.sharedBuffersMb ?? DEFAULT_PGLITE_SHARED_BUFFERS_MB}MB`,
      ],
    });
  } catch (e) {
    lock.release();
    throw pgliteOpenError(target.dataDir, e);
  }
  tightenDataFiles(target.dataDir);
  // PGlite runs one query at a time; a pool of one keeps transactions on one connection,
  // and hands it over in turns through the event loop (pglite-pool.ts says why).
  const pool = new PglitePool(new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig));
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
