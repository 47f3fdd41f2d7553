import { type Kysely, sql } from "kysely";

// Staff accounts, their sessions and the login throttle. A session row holds only the
// SHA-256 of the token (the token itself lives in the cookie), so a copy of the database
// does not let anyone sign in. The throttle is a table rather than process memory so that
// several app processes behind one proxy share the same counts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id integer generated always as identity primary key,
      username text not null,
      username_key text not null unique,
      display_name text,
      password_hash text not null,
      role text not null
        check (role in ('admin', 'planning', 'department_head', 'department_editor', 'viewer')),
      municipality_code text references municipalities (code) on delete cascade,
      department_id integer references departments (id),
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- only an administrator may have no municipality (the installation's operator)
      check (municipality_code is not null or role = 'admin'),
      -- department roles, and only they, are tied to one department
      check ((role in ('department_head', 'department_editor')) = (department_id is not null))
    );
    create index users_municipality on users (municipality_code);

    create table sessions (
      id text primary key,
      user_id integer not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    create table login_throttle (
      bucket text primary key,
      window_start timestamptz not null,
      attempts integer not null
    );
  `.execute(db);
}
