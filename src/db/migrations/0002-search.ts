import { type Kysely, sql } from "kysely";

// Search over published manifestos: one row per goal of each manifesto's current revision,
// with the goal's texts NFKC-normalised and lower-cased (ＳＮＳ and sns find SNS), its level
// and its policy references for filtering. The stored documents stay as written; this is a
// derived table, rebuilt from them by refreshSearchDocument (src/db/repositories/public-search.ts);
// rows missing or stale (an older revision) are rebuilt before each search, which also fills
// the table for manifestos written before this migration.
//
// pg_trgm gives the body a trigram GIN index for LIKE '%…%' with 3+ characters. Where the
// extension is not installed (a PostgreSQL without contrib; PGlite opened without loading
// it) search still works, by scanning: the index is an optimisation, not a requirement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table search_goals (
      manifesto_id integer not null references manifestos (id) on delete cascade,
      revision integer not null,
      goal_number integer not null,
      position integer not null,
      level integer,
      policy_refs text[] not null,
      body text not null,
      primary key (manifesto_id, goal_number)
    )
  `.execute(db);
  const available = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'
  `.execute(db);
  if ((available.rows[0]?.n ?? 0) > 0) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`
      create index search_goals_body_trgm on search_goals using gin (body gin_trgm_ops)
    `.execute(db);
  }
}
