// The embedded database's one connection, handed out in turns: first come, first served, and
// each handover goes through the event loop.
//
// Why: PGlite runs each statement synchronously inside a promise chain, so a pool that hands
// its connection to the next waiter at once (pg-pool does, through process.nextTick) serves
// every queued statement without the event loop ever reaching its poll phase. libuv accepts
// only one new connection per loop iteration, so under load a browser opening a connection
// waited one whole queue per connection ahead of it: measured 6.4 s for the 50th of 50 at
// once (a bare node:http server doing 5 ms of synchronous work per request shows the same),
// and on Tassei's saves a p99 of 5.9 s against a p50 of 284 ms (bench/README.md, issue 15).
// Handing over in setImmediate lets the loop poll between turns: connections are accepted
// and requests read while others wait their turn, and every caller is served in order.
//
// Statements that recur are prepared under a name (statement-names.ts says why).
//
// A PostgreSQL server's statements are real I/O, so the loop turns between them; what keeps
// its iterations short is postgres-pool.ts.
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { StatementNames } from "./statement-names.ts";

export class PglitePool implements PostgresPool {
  readonly #pool: pg.Pool;
  readonly #waiting: (() => void)[] = [];
  #busy = false;
  // One set of names for the one session: every pg client of PGlite's config shares one
  // connection object, and with it the record of what is prepared.
  readonly #names = new StatementNames();

  /** `pool` must hold one connection (PGlite runs one statement at a time). */
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async connect(): Promise<PostgresPoolClient> {
    await this.#turn();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      this.#handOver();
      throw e;
    }
    let released = false;
    return {
      query: ((text: unknown, values?: unknown[]) => {
        // Statements with parameters only: a text without them may hold several commands
        // (a migration), which PostgreSQL does not prepare.
        const name =
          typeof text === "string" && values && values.length > 0
            ? this.#names.nameFor(text)
            : undefined;
        if (name === undefined) return client.query(text as string, values);
        return client.query({ name, text: text as string, values });
      }) as unknown as PostgresPoolClient["query"],
      release: (destroy?: boolean) => {
        if (released) return;
        released = true;
        client.release(destroy);
        this.#handOver();
      },
    };
  }

  end(): Promise<void> {
    return this.#pool.end();
  }

  /** Callers waiting for the connection now (for tests and metrics). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Even a free connection is granted in setImmediate: a request read in the poll phase then
   * waits for the next turn instead of running to its end inside the read callback, so the
   * other sockets that were ready are read first and queue behind it in order.
   */
  #turn(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #handOver(): void {
    const next = this.#waiting.shift();
    if (next) setImmediate(next);
    else this.#busy = false;
  }
}
