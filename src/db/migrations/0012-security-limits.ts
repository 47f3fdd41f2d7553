import { type Kysely, sql } from "kysely";

// Two limits from the security review (issue 13).
//
// Known clients: the addresses a user has signed in from. When a user name draws more wrong
// passwords than the throttle allows from all addresses together, only these still get to
// try — so nobody can keep a named user out by guessing from elsewhere.
//
// Revisions: `changes` holds what changed against the revision before, computed once when the
// revision is written (the history no longer diffs whole documents on every request; null
// for revisions written before this migration, diffed when read). Autosaves by one person
// within a few minutes replace their own working revision: `saves` counts them and
// `last_saved_at` says when the last one came (created_at stays the first).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_known_clients (
      user_id integer not null references users (id) on delete cascade,
      client text not null,
      last_login_at timestamptz not null,
      primary key (user_id, client)
    )
  `.execute(db);
  await sql`alter table manifesto_revisions add column changes jsonb`.execute(db);
  await sql`alter table manifesto_revisions add column saves integer not null default 1`.execute(
    db,
  );
  await sql`alter table manifesto_revisions add column last_saved_at timestamptz`.execute(db);
}
