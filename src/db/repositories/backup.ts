// The SQL of backup and restore. The table list is read from the catalog rather than
// written down, so a table that a later migration adds is backed up without anyone
// remembering to list it; tables are ordered so that every table comes after the tables
// its foreign keys point to. Values travel as PostgreSQL's own text form (`col::text`),
// the one representation that gives back exactly what was stored for every type: jsonb
// with its numbers as written, timestamps to the microsecond, doubles to the last bit.
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../schema.ts";

type Db = Kysely<Database>;

export interface ColumnInfo {
  name: string;
  /** As format_type gives it, usable in a cast: `integer`, `timestamp with time zone` … */
  type: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Empty for a table without one: then pages are taken in physical (ctid) order. */
  primaryKey: string[];
  /** Identity columns: inserted with OVERRIDING SYSTEM VALUE. */
  identity: string[];
}

/** A row as text: column name → PostgreSQL text form, or null. */
export type TextRow = Record<string, string | null>;

async function rowsOf<R>(db: Db, text: string, params: unknown[] = []): Promise<R[]> {
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
  return result.rows;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Kysely's own bookkeeping (kysely_migration, kysely_migration_lock) belongs to the
// schema, not to the data: the restoring build writes its own.
const OWN_TABLES = `c.relname not like 'kysely\\_migration%'`;

/** Every table of the public schema holding data, parents before children. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string; type: string; identity: boolean }>(
    db,
    `select c.relname as "table", a.attname as "column",
            format_type(a.atttypid, a.atttypmod) as "type", a.attidentity <> '' as "identity"
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r' and ${OWN_TABLES}
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; column: string }>(
    db,
    `select c.relname as "table", a.attname as "column"
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and n.nspname = 'public'
      order by c.relname, k.ord`,
  );
  const references = await rowsOf<{ child: string; parent: string }>(
    db,
    `select c.relname as "child", p.relname as "parent"
       from pg_constraint f
       join pg_class c on c.oid = f.conrelid
       join pg_class p on p.oid = f.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where f.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let t = tables.get(c.table);
    if (!t) {
      t = { name: c.table, columns: [], primaryKey: [], identity: [] };
      tables.set(c.table, t);
    }
    t.columns.push({ name: c.column, type: c.type });
    if (c.identity) t.identity.push(c.column);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  return orderByReferences([...tables.keys()], references).map((name) => tables.get(name)!);
}

/**
 * Parents before children (Kahn's algorithm), ties by name so the order is the same on
 * every run. A cycle of foreign keys cannot be restored table by table: refused.
 */
export function orderByReferences(
  names: readonly string[],
  references: readonly { child: string; parent: string }[],
): string[] {
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const r of references) {
    if (r.child !== r.parent && parents.has(r.parent)) parents.get(r.child)?.add(r.parent);
  }
  const ordered: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining]
      .filter((n) => [...(parents.get(n) ?? [])].every((p) => !remaining.has(p)))
      .sort();
    if (ready.length === 0) {
      throw new Error(`foreign keys form a cycle among: ${[...remaining].sort().join(", ")}`);
    }
    for (const n of ready) {
      ordered.push(n);
      remaining.delete(n);
    }
  }
  return ordered;
}

/** The newest migration this database has applied: the schema version of a backup. */
export async function latestAppliedMigration(db: Db): Promise<string | undefined> {
  const rows = await rowsOf<{ name: string }>(
    db,
    "select name from kysely_migration order by name desc limit 1",
  );
  return rows[0]?.name;
}

/**
 * Starts the backup's snapshot: one repeatable-read transaction sees every table as of
 * one moment. The text forms are pinned so that a restore elsewhere reads them the same.
 */
export async function pinTextForms(trx: Db): Promise<void> {
  await rowsOf(trx, "set local timezone = 'UTC'");
  await rowsOf(trx, "set local datestyle = 'ISO, YMD'");
  await rowsOf(trx, "set local intervalstyle = 'postgres'");
  await rowsOf(trx, "set local extra_float_digits = 1");
  await rowsOf(trx, "set local bytea_output = 'hex'");
}

export async function countRows(db: Db, table: string): Promise<number> {
  const rows = await rowsOf<{ n: string }>(db, `select count(*) as n from ${quoteIdent(table)}`);
  return Number(rows[0]?.n ?? 0);
}

/** The first table holding a row, or undefined when every table is empty. */
export async function firstNonEmptyTable(
  db: Db,
  tables: readonly TableInfo[],
): Promise<string | undefined> {
  for (const t of tables) {
    const rows = await rowsOf(db, `select 1 from ${quoteIdent(t.name)} limit 1`);
    if (rows.length > 0) return t.name;
  }
  return undefined;
}

const CTID = "__ctid";

/**
 * The table's rows as text, in pages taken by key (keyset pagination), so memory holds
 * one page whatever the size of the table. Call inside the snapshot transaction.
 */
export async function* readTextRows(
  trx: Db,
  table: TableInfo,
  pageSize: number,
): AsyncGenerator<TextRow[]> {
  const keyed = table.primaryKey.length > 0;
  const key = keyed ? table.primaryKey : ["ctid"];
  const keyTypes = keyed
    ? table.primaryKey.map((k) => table.columns.find((c) => c.name === k)?.type ?? "text")
    : ["tid"];
  // Keys are named through the table alias: the bare name in ORDER BY would be the
  // selected text column, which sorts "10" before "9".
  const select = table.columns.map((c) => `s.${quoteIdent(c.name)}::text as ${quoteIdent(c.name)}`);
  if (!keyed) select.push(`s.ctid::text as ${quoteIdent(CTID)}`);
  const keyList = key.map((k) => `s.${keyed ? quoteIdent(k) : k}`).join(", ");
  const base = `select ${select.join(", ")} from ${quoteIdent(table.name)} s`;
  let after: (string | null)[] | undefined;
  for (;;) {
    const where = after
      ? ` where (${keyList}) > (${keyTypes.map((t, i) => `$${i + 1}::${t}`).join(", ")})`
      : "";
    const page = await rowsOf<TextRow>(
      trx,
      `${base}${where} order by ${keyList} limit ${pageSize}`,
      after ?? [],
    );
    if (page.length === 0) return;
    const last = page[page.length - 1]!;
    after = keyed ? key.map((k) => last[k] ?? null) : [last[CTID] ?? null];
    if (!keyed) for (const row of page) delete row[CTID];
    yield page;
    if (page.length < pageSize) return;
  }
}

/** Empties every table in one statement, identities back to their start. */
export async function truncateTables(trx: Db, tables: readonly TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await rowsOf(
    trx,
    `truncate table ${tables.map((t) => quoteIdent(t.name)).join(", ")} restart identity`,
  );
}

/** One multi-row insert; identity values are kept as they were (OVERRIDING SYSTEM VALUE). */
export async function insertTextRows(
  trx: Db,
  table: TableInfo,
  rows: readonly TextRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = table.columns;
  const params: (string | null)[] = [];
  const tuples = rows.map((row) => {
    const cells = cols.map((c) => {
      params.push(row[c.name] ?? null);
      return `$${params.length}::${c.type}`;
    });
    return `(${cells.join(", ")})`;
  });
  const overriding = table.identity.length > 0 ? " overriding system value" : "";
  await rowsOf(
    trx,
    `insert into ${quoteIdent(table.name)} (${cols.map((c) => quoteIdent(c.name)).join(", ")})` +
      `${overriding} values ${tuples.join(", ")}`,
    params,
  );
}

/** After restoring ids as they were, the next generated id must follow the largest. */
export async function resetSequences(trx: Db, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns) {
      const seq = await rowsOf<{ seq: string | null }>(
        trx,
        "select pg_get_serial_sequence($1, $2) as seq",
        [`public.${quoteIdent(t.name)}`, c.name],
      );
      const name = seq[0]?.seq;
      if (!name) continue;
      const col = quoteIdent(c.name);
      await rowsOf(
        trx,
        `select setval($1::regclass, coalesce(max(${col}), 1), max(${col}) is not null)
           from ${quoteIdent(t.name)}`,
        [name],
      );
    }
  }
}
