import { type Kysely, sql } from "kysely";

// Search must find 2-character words such as 防災, but the trigram index (0002) serves
// LIKE '%…%' only from 3 characters: a 2-character word scanned every goal, and one with no
// hit at all read the whole table (~1.2 s at 125,000 manifestos, bench/README.md). An
// expression index on the set of character pairs of each goal's text answers "which goals
// contain 防災" from the index; the LIKE beside it still decides. The function is what the
// query names (src/db/repositories/public-search.ts), so planner and index agree.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tassei_bigrams(t text) returns text[]
      language sql immutable strict parallel safe
      as $$
        select coalesce(array_agg(distinct substr(t, i, 2)), '{}')
        from generate_series(1, length(t) - 1) as i
      $$
  `.execute(db);
  await sql`
    create index search_goals_body_bigrams on search_goals using gin (tassei_bigrams(body))
  `.execute(db);
}
