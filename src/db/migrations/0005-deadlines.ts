import { type Kysely, sql } from "kysely";

// The deadlines planning sets for each municipality's fiscal year: one due date per phase
// (the plan, then the year-end evaluation). A date without a time: a deadline is a day in
// the municipality's calendar, not an instant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deadlines (
      municipality_code text not null references municipalities (code) on delete cascade,
      fiscal_year integer not null check (fiscal_year between 1989 and 2100),
      phase text not null check (phase in ('plan', 'evaluation')),
      due_date date not null,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (municipality_code, fiscal_year, phase)
    );
  `.execute(db);
}
