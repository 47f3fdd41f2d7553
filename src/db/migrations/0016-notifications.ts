import { type Kysely, sql } from "kysely";

// Issue 14: nobody waits without knowing.
// - users.email: where an account's notifications go (null: none by e-mail; the to-do list
//   on the home page works either way).
// - notification_preferences: per account and kind, 'immediate', 'digest' (one mail a day at
//   9:00 Tokyo) or 'off'; a missing row means the kind's default (immediate).
// - department_deadlines: a department's own due day for a phase, overriding the
//   municipality's (deadlines, 0005) for that department.
// - notifications: the outbox. A row is written in the transaction of the change that causes
//   it (a return, a submission, a comment) or by the 9:00 reminder run, and sent afterwards
//   by the queue (src/services/notifications/send-notifications.ts). `key` is unique: writing
//   the same notification twice (a reminder run repeated after a restart) adds nothing, and
//   it becomes the mail's Message-ID so a relay or mailbox can drop a duplicate. A sender
//   claims due rows with FOR UPDATE SKIP LOCKED and moves `next_attempt_at` a lease ahead: a
//   sender that dies mid-send leaves the row to be claimed again once the lease is over.
//   Rows an account takes as a daily digest wait ('pending', delivery 'digest') until the
//   9:00 run gathers them into one row of kind 'digest' (their `digest_id`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column email text
      check (email is null or (char_length(email) between 3 and 254 and email like '%_@_%'));

    create table notification_preferences (
      user_id integer not null references users (id) on delete cascade,
      kind text not null,
      mode text not null check (mode in ('immediate', 'digest', 'off')),
      primary key (user_id, kind)
    );

    create table department_deadlines (
      municipality_code text not null references municipalities (code) on delete cascade,
      fiscal_year integer not null check (fiscal_year between 1989 and 2100),
      department_id integer not null references departments (id) on delete cascade,
      phase text not null check (phase in ('plan', 'evaluation')),
      due_date date not null,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (municipality_code, fiscal_year, department_id, phase)
    );

    create table notifications (
      id bigint generated always as identity primary key,
      key text not null unique,
      user_id integer not null references users (id) on delete cascade,
      kind text not null,
      delivery text not null check (delivery in ('immediate', 'digest')),
      subject text not null,
      body text not null,
      link text not null,
      status text not null default 'pending'
        check (status in ('pending', 'sent', 'digested', 'failed', 'dropped')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      digest_id bigint references notifications (id) on delete set null,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index notifications_due on notifications (next_attempt_at, id)
      where status = 'pending' and delivery = 'immediate';
    create index notifications_user on notifications (user_id, id);
    create index notifications_digest on notifications (digest_id) where digest_id is not null;

    -- The to-do list walks each unresolved thread down from its first comment.
    create index manifesto_comments_parent on manifesto_comments (parent_id)
      where parent_id is not null;
  `.execute(db);
}
