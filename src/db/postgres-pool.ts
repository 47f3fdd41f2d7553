// A PostgreSQL server's pool whose answers continue in turns (loop-turns.ts says why): the
// connection is handed out, and each statement's result returned, in a loop turn of its own.
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { nextTurn } from "./loop-turns.ts";

export function postgresPoolTakingTurns(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled connection, not per checkout: Kysely keeps its own connection
  // object per client it is given (a WeakMap), so a new wrapper each time would make it
  // build a new one for every statement.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      await nextTurn();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = takingTurns(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function takingTurns(client: pg.PoolClient): PostgresPoolClient {
  return {
    query: ((...args: unknown[]) => {
      const result = (client.query as (...a: unknown[]) => unknown)(...args);
      // A cursor (Kysely's stream) is returned as it is: its reads are the caller's.
      if (!(result instanceof Promise)) return result;
      return result.then(async (value) => {
        await nextTurn();
        return value;
      });
    }) as PostgresPoolClient["query"],
    release: (destroy?: boolean) => client.release(destroy),
  };
}
