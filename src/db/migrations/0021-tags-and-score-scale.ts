import { type Kysely, sql } from "kysely";

// Issue 17: a municipality's second score scale and its own tag vocabularies are settings of
// the municipality (null = none; SDGs and 指標の分類 are built in, not stored), and the tags of
// each published goal (its own and its targets') are a column of search_goals with a GIN
// index, so that /search?tag= no longer reads the JSON of every document. The column is filled
// where the rows are (refreshSearchDocument, in the publication's transaction); rows written
// before this migration are filled here from their revision's document.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table municipalities add column score_scale jsonb`.execute(db);
  await sql`alter table municipalities add column tag_vocabularies jsonb`.execute(db);
  await sql`alter table search_goals add column tags text[] not null default '{}'`.execute(db);
  await fillSearchTags(db);
  await sql`create index search_goals_tags on search_goals using gin (tags)`.execute(db);
}

/** The tags of every search row from its revision's document (exported for its test). */
export async function fillSearchTags(db: Kysely<unknown>): Promise<void> {
  await sql`
    update search_goals s set tags = array(
      select distinct x from manifesto_revisions r
        cross join lateral (
          select jsonb_array_elements_text(coalesce(r.document -> 'goals' -> s.position -> 'tags', '[]')) as x
          union all
          select jsonb_array_elements_text(coalesce(t -> 'tags', '[]'))
            from jsonb_array_elements(coalesce(r.document -> 'goals' -> s.position -> 'targets', '[]')) as t
        ) tg
       where r.manifesto_id = s.manifesto_id and r.revision = s.revision
       order by x)
  `.execute(db);
}
