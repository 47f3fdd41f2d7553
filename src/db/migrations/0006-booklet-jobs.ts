import { type Kysely, sql } from "kysely";

// Booklet（冊子）jobs. Building a booklet takes about a second per 25 departments, so the
// staff API accepts the request, answers 202 and builds it afterwards in the process that
// accepted it. The job's state lives here, not in process memory, because several app
// processes may run behind one load balancer and the progress poll can reach any of them.
// `heartbeat_at` moves with every department drawn: a queued or running job whose heartbeat
// is older than the stale timeout belonged to a process that died, and is marked failed
// (error_code 'abandoned') when it is next read. The finished PDF is kept in `pdf` until
// newer jobs of the same municipality and year prune it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table booklet_jobs (
      id integer generated always as identity primary key,
      municipality_code text not null references municipalities (code) on delete cascade,
      fiscal_year integer not null,
      requested_by text not null,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed')),
      done integer not null default 0 check (done >= 0),
      total integer check (total >= 0),
      pdf bytea,
      error_code text,
      error_message text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz,
      check ((status = 'done') = (pdf is not null)),
      check ((status = 'failed') = (error_code is not null))
    );
    create index booklet_jobs_municipality_year on booklet_jobs (municipality_code, fiscal_year, id);
  `.execute(db);
}
