import { type Kysely, sql } from "kysely";

// The mid-year progress report（中間報告, issue 14 item 5): a department reports, per goal, the
// date, a status word, a note and interim values; planning acknowledges it (確認済み). A report
// has its own lighter path than the manifesto (draft → submitted → acknowledged, or back to
// the draft), so it lives beside the manifesto rather than in its frozen published document.
// Every save keeps the whole report as a revision; at most one report per manifesto is open
// (not yet acknowledged) at a time, so two editors cannot start two. progress_settings on the
// municipality holds its own status words and the day the report is due (null = defaults).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table progress_reports (
      id integer generated always as identity primary key,
      manifesto_id integer not null references manifestos (id) on delete cascade,
      state text not null check (state in ('draft', 'submitted', 'acknowledged')),
      current_revision integer not null,
      entries jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by text
    );
    create index progress_reports_manifesto on progress_reports (manifesto_id, id);
    create unique index progress_reports_one_open on progress_reports (manifesto_id)
      where state <> 'acknowledged';

    create table progress_report_revisions (
      report_id integer not null references progress_reports (id) on delete cascade,
      revision integer not null,
      entries jsonb not null,
      actor text not null,
      created_at timestamptz not null default now(),
      primary key (report_id, revision)
    );

    create table progress_report_comments (
      id integer generated always as identity primary key,
      report_id integer not null references progress_reports (id) on delete cascade,
      author text not null,
      body text not null check (char_length(body) between 1 and 4000),
      created_at timestamptz not null default now()
    );
    create index progress_report_comments_report on progress_report_comments (report_id, id);

    alter table municipalities add column progress_settings jsonb;
  `.execute(db);
}
