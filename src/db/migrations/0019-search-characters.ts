import { type Kysely, sql } from "kysely";

// A 1-character word (水, 橋, 川) matched goals by LIKE alone, and no index serves a LIKE of one
// character: every search of one character read the text of every published goal, at any
// scale (issue 15). As 0009 does for pairs, an expression index on the set of characters of
// each goal's text answers "which goals contain 橋" from the index, and the LIKE beside it
// still decides. The function is what the query names (src/db/repositories/public-search.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tassei_characters(t text) returns text[]
      language sql immutable strict parallel safe
      as $$
        select coalesce(array_agg(distinct substr(t, i, 1)), '{}')
        from generate_series(1, length(t)) as i
      $$
  `.execute(db);
  await sql`
    create index search_goals_body_characters on search_goals
      using gin (tassei_characters(body))
  `.execute(db);
}
