// The plain-SQL baseline of a use case: the statements it sends, captured through Kysely's
// log with their parameters, then run again by psql with `\timing on`, so a service's time
// can be set against what the database alone takes for the same statements (psql's time:
// send → last row received, over the same local TCP connection, no Node in between).
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import type { Database } from "../src/db/schema.ts";

const run = promisify(execFile);

export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
}

/** A Kysely on `pool` that records every statement it runs into `into`. */
export function capturingKysely(pool: pg.Pool, into: CapturedStatement[]): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") {
        into.push({ sql: event.query.sql, parameters: event.query.parameters });
      }
    },
  });
}

/** A parameter as an SQL literal of unknown type, which the server types as it types `$n`. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) {
    const items = value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`);
    return literal(`{${items.join(",")}}`);
  }
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The statement with its `$n` placeholders replaced by literals (Kysely writes no `$` else). */
export function inline(statement: CapturedStatement): string {
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) =>
    literal(statement.parameters[Number(n) - 1]),
  );
}

/**
 * Runs each group of statements (one group per iteration) in one psql session with
 * `\timing on`, query output discarded, and returns each group's summed time in ms.
 */
export async function psqlGroupTimes(
  url: string,
  groups: readonly (readonly CapturedStatement[])[],
  scratchDir: string,
): Promise<number[]> {
  const lines = [
    "\\set ON_ERROR_STOP on",
    "\\pset format unaligned",
    "\\o /dev/null",
    "\\timing on",
  ];
  groups.forEach((group, i) => {
    lines.push(`\\echo group ${i}`);
    for (const s of group) lines.push(`${inline(s)};`);
  });
  const file = join(scratchDir, `psql-${Date.now()}-${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  const { stdout } = await run("psql", ["-X", "-q", "-d", url, "-f", file], {
    maxBuffer: 64 * 2 ** 20,
  });
  const times = groups.map(() => 0);
  let current = -1;
  for (const line of stdout.split("\n")) {
    const group = /^group (\d+)$/.exec(line);
    if (group) {
      current = Number(group[1]);
      continue;
    }
    const time = /^Time: ([0-9.]+) ms/.exec(line);
    if (time && current >= 0) times[current] = (times[current] ?? 0) + Number(time[1]);
  }
  return times;
}

/**
 * What psql runs to explain one captured statement: `EXPLAIN (ANALYZE, BUFFERS)` of it. The
 * public search first asks the planner itself (`explain (format json) …`, to choose between
 * its two plans); an EXPLAIN cannot be explained again (a syntax error that ended
 * `dashboard-scale.ts --explain` before the search's plans), so that one runs as it is and
 * its answer, the planner's estimate, is shown.
 */
export function explainCommand(statement: CapturedStatement): string {
  const text = inline(statement);
  return /^\s*explain\b/i.test(text) ? text : `explain (analyze, buffers) ${text}`;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of one statement, through psql, as text. */
export async function psqlExplain(url: string, statement: CapturedStatement): Promise<string> {
  const { stdout } = await run("psql", ["-X", "-q", "-d", url, "-c", explainCommand(statement)], {
    maxBuffer: 16 * 2 ** 20,
  });
  return stdout;
}
