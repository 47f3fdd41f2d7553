import { type Kysely, sql } from "kysely";

// The review workflow. manifesto_transitions is the record of every move through the cycle
// (who, when, from → to, on which revision, with what comment), written in the transaction
// that moves the state. manifesto_comments are the reviewers' and editors' threads, per goal
// or on the whole manifesto (goal_number null). manifesto_publications lists each revision
// that was published (a publication, or a correction with its change note), so the public
// pages can keep showing the latest published revision while the next phase is being
// written; manifestos already published before this migration are listed from their state.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table manifesto_transitions (
      id bigint generated always as identity primary key,
      manifesto_id integer not null references manifestos (id) on delete cascade,
      action text not null,
      from_state text not null,
      to_state text not null,
      revision integer not null,
      actor text not null,
      comment text,
      occurred_at timestamptz not null default now()
    );
    create index manifesto_transitions_manifesto on manifesto_transitions (manifesto_id, id);

    create table manifesto_comments (
      id integer generated always as identity primary key,
      manifesto_id integer not null references manifestos (id) on delete cascade,
      goal_number integer,
      parent_id integer references manifesto_comments (id) on delete cascade,
      revision integer not null,
      author text not null,
      body text not null check (char_length(body) between 1 and 4000),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by text
    );
    create index manifesto_comments_manifesto on manifesto_comments (manifesto_id, id);

    create table manifesto_publications (
      id integer generated always as identity primary key,
      manifesto_id integer not null,
      revision integer not null,
      state text not null,
      change_note text,
      published_by text not null,
      published_at timestamptz not null default now(),
      foreign key (manifesto_id, revision)
        references manifesto_revisions (manifesto_id, revision) on delete cascade
    );
    create index manifesto_publications_manifesto on manifesto_publications (manifesto_id, id);

    insert into manifesto_publications (manifesto_id, revision, state, published_by, published_at)
      select id, current_revision, state, 'system:migration', updated_at
        from manifestos
       where state in ('published', 'results_published');
  `.execute(db);
}
