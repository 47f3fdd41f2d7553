import { type Kysely, sql } from "kysely";

// Master data administered in the staff workspace (issue #10): a municipality's reading, a
// department's head, contact, order, name history, old public addresses, predecessors after
// a reorganisation and retirement, and an indicator registry with definitions and aliases
// (the names a renamed or merged indicator was known by, so that its series stays one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table municipalities add column name_kana text;

    alter table departments
      add column head_title text,
      add column head_name text,
      add column contact_phone text,
      add column contact_email text,
      add column retired_from_year integer check (retired_from_year between 1989 and 2100);

    -- The name a department had from a fiscal year on; departments.name is the newest.
    create table department_names (
      department_id integer not null references departments (id) on delete cascade,
      from_year integer not null check (from_year between 1989 and 2100),
      name text not null,
      name_key text not null,
      primary key (department_id, from_year)
    );

    -- Public addresses a department was reached by before (an old code or name): the portal
    -- redirects them to the current one. One address names one department of a municipality.
    create table department_addresses (
      municipality_code text not null references municipalities (code) on delete cascade,
      address_key text not null,
      department_id integer not null references departments (id) on delete cascade,
      primary key (municipality_code, address_key)
    );

    -- 機構改革: the departments a department continues (merged into it or split from them).
    create table department_predecessors (
      department_id integer not null references departments (id) on delete cascade,
      predecessor_id integer not null references departments (id) on delete cascade,
      from_year integer not null check (from_year between 1989 and 2100),
      primary key (department_id, predecessor_id),
      check (department_id <> predecessor_id)
    );

    alter table indicators
      add column definition text,
      add column better_direction text check (better_direction in ('higher', 'lower')),
      add column department_id integer references departments (id) on delete set null;

    create table indicator_aliases (
      municipality_code text not null references municipalities (code) on delete cascade,
      key text not null,
      indicator_id integer not null references indicators (id) on delete cascade,
      primary key (municipality_code, key)
    );
  `.execute(db);
}
