// Tells this process when what the public pages show has changed, whichever process wrote it.
// The writes say so themselves (repositories/public-changes.ts: pg_notify inside their
// transaction, delivered on commit). On a PostgreSQL server one dedicated connection, outside
// the pool, LISTENs; when it is lost (a server restart, the network) notifications are
// missed, so the loss and the reconnection are reported too, and whoever caches must drop
// everything. The embedded database is one process: PGlite's own listen() hears the NOTIFY
// of a commit before that commit's promise resolves, so a page read after a write is fresh.
import pg from "pg";
import type { DatabaseHandle } from "./connection.ts";
import { PUBLIC_CHANGE_CHANNEL } from "./repositories/public-changes.ts";

export type PublicChange =
  /** A commit changed public content; the municipality, or null for everything. */
  | { kind: "changed"; municipalityCode: string | null }
  /** The listening connection is gone: changes from now on go unheard until it is back. */
  | { kind: "connection_lost" }
  /** Listening again; whatever happened in between was not heard. */
  | { kind: "reconnected" };

export interface PublicChangeFeed {
  /** True while every committed change will be reported; false while reconnecting. */
  readonly live: boolean;
  /** Subscribes; the returned function unsubscribes. */
  onPublicChange(callback: (change: PublicChange) => void): () => void;
  /** Stops listening (idempotent); no callback is called after it resolves. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** First wait before reconnecting, doubled up to retryMaxMs. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** A `select 1` on the listening connection this often finds a silently dead link. */
  heartbeatMs?: number;
  /** Told about failed connection attempts (the server's log). */
  onError?: (message: string) => void;
}

export async function listenForPublicChanges(
  handle: DatabaseHandle,
  options: ListenOptions = {},
): Promise<PublicChangeFeed> {
  const callbacks = new Set<(change: PublicChange) => void>();
  const emit = (change: PublicChange) => {
    for (const callback of callbacks) callback(change);
  };
  const subscribe = (callback: (change: PublicChange) => void) => {
    callbacks.add(callback);
    return () => {
      callbacks.delete(callback);
    };
  };
  const payloadOf = (payload: string | undefined) => ({
    kind: "changed" as const,
    municipalityCode: payload ? payload : null,
  });

  if (handle.pglite) {
    const lite = handle.pglite;
    const unlisten = await lite.listen(PUBLIC_CHANGE_CHANNEL, (payload) => {
      if (callbacks.size > 0) emit(payloadOf(payload));
    });
    let closing: Promise<void> | undefined;
    return {
      live: true,
      onPublicChange: subscribe,
      close() {
        callbacks.clear();
        closing ??= unlisten().catch(() => {});
        return closing;
      },
    };
  }

  if (!handle.pool) throw new Error("listenForPublicChanges: the database has no pool to copy");
  const retryMinMs = options.retryMinMs ?? 250;
  const retryMaxMs = options.retryMaxMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  // The pool's own settings (URL, credentials, TLS) for one connection of our own.
  const config: pg.ClientConfig = { ...handle.pool.options, keepAlive: true };

  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let everConnected = false;
  let retryMs = retryMinMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, retryMaxMs);
  };

  // Once per connection, whichever notices first: its end, or a heartbeat without answer.
  const lose = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    live = false;
    clearInterval(heartbeat);
    c.end().catch(() => {});
    if (closed) return;
    emit({ kind: "connection_lost" });
    scheduleRetry();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client(config);
    // An error is followed by "end", which reconnects; unhandled it would end the process.
    c.on("error", () => {});
    try {
      await c.connect();
      await c.query(`listen ${PUBLIC_CHANGE_CHANNEL}`);
    } catch (e) {
      c.end().catch(() => {});
      options.onError?.(`listening for public changes failed: ${(e as Error).message}`);
      scheduleRetry();
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    live = true;
    retryMs = retryMinMs;
    c.on("notification", (n) => {
      if (n.channel === PUBLIC_CHANGE_CHANNEL) emit(payloadOf(n.payload));
    });
    c.once("end", () => lose(c));
    heartbeat = setInterval(() => {
      const timeout = new Promise<never>((_, reject) => {
        setTimeout(() => reject(new Error("heartbeat timed out")), heartbeatMs / 2).unref();
      });
      Promise.race([c.query("select 1"), timeout]).catch(() => lose(c));
    }, heartbeatMs);
    heartbeat.unref();
    if (everConnected) emit({ kind: "reconnected" });
    everConnected = true;
  };

  await connect();
  let closing: Promise<void> | undefined;
  return {
    get live() {
      return live;
    },
    onPublicChange: subscribe,
    close() {
      closing ??= (async () => {
        closed = true;
        callbacks.clear();
        clearTimeout(retryTimer);
        clearInterval(heartbeat);
        const c = client;
        client = undefined;
        live = false;
        await c?.end().catch(() => {});
      })();
      return closing;
    },
  };
}
