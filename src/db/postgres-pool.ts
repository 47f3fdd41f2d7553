// A PostgreSQL server's pool whose answers continue in turns (loop-turns.ts says why): the
// connection is handed out, and each statement's result returned, in a loop turn of its own.
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { nextTurn } from "./loop-turns.ts";

export function postgresPoolTakingTurns(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      await nextTurn();
      return takingTurns(client);
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
