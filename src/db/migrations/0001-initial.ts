import { type Kysely, sql } from "kysely";

// The document of each revision is the source of truth (an export must give back exactly
// what was imported, key for key). goals and targets are a read model of the current
// revision, rebuilt in the same transaction as every write, for queries across documents:
// indicator series, dashboards, search.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table municipalities (
      code text primary key check (code ~ '^[0-9]{6}$'),
      name text not null,
      prefecture text,
      document_title text,
      document_subtitle text,
      evaluation_scale jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table plan_items (
      municipality_code text not null references municipalities (code) on delete cascade,
      key text not null,
      code text not null,
      title text not null,
      parent_code text,
      position integer not null,
      primary key (municipality_code, key)
    );

    create table departments (
      id integer generated always as identity primary key,
      municipality_code text not null references municipalities (code) on delete cascade,
      code text,
      name text not null,
      name_key text not null,
      position integer,
      created_at timestamptz not null default now()
    );
    create unique index departments_code on departments (municipality_code, code)
      where code is not null;
    create index departments_name_key on departments (municipality_code, name_key);

    create table manifestos (
      id integer generated always as identity primary key,
      municipality_code text not null references municipalities (code) on delete cascade,
      department_id integer not null references departments (id),
      department_name text not null,
      department_name_key text not null,
      fiscal_year integer not null check (fiscal_year between 1989 and 2100),
      state text not null default 'draft',
      current_revision integer not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (municipality_code, fiscal_year, department_id)
    );
    create index manifestos_department on manifestos (department_id, fiscal_year);
    create index manifestos_year on manifestos (municipality_code, fiscal_year, department_name_key);

    create table manifesto_revisions (
      manifesto_id integer not null references manifestos (id) on delete cascade,
      revision integer not null,
      document jsonb not null,
      source text not null,
      note text,
      created_by text not null,
      created_at timestamptz not null default now(),
      primary key (manifesto_id, revision)
    );

    create table indicators (
      id integer generated always as identity primary key,
      municipality_code text not null references municipalities (code) on delete cascade,
      key text not null,
      name text not null,
      unit text not null,
      unique (municipality_code, key)
    );

    create table goals (
      manifesto_id integer not null references manifestos (id) on delete cascade,
      position integer not null,
      number integer not null,
      title text not null,
      level integer,
      primary key (manifesto_id, number)
    );

    create table targets (
      manifesto_id integer not null references manifestos (id) on delete cascade,
      goal_number integer not null,
      position integer not null,
      indicator_id integer references indicators (id),
      kind text,
      unit text,
      comparator text,
      target_value double precision,
      baseline_value double precision,
      baseline_year integer,
      actual double precision,
      status text,
      primary key (manifesto_id, goal_number, position)
    );
    create index targets_indicator on targets (indicator_id);

    create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor text not null,
      action text not null,
      municipality_code text,
      manifesto_id integer,
      detail jsonb not null
    );
    create index audit_events_manifesto on audit_events (manifesto_id, occurred_at);
  `.execute(db);
}
