import { type Kysely, sql } from "kysely";

// What citizens search and chart follows each manifesto's newest publication, not its
// current revision: while a published plan's evaluation is drafted, the plan stays findable
// and its indicators stay on the charts, and nothing of the draft shows.
//
// public_targets is the targets read model of the published revision, copied from `targets`
// when a revision is published (a revision is always the current one when it is published);
// search_goals now holds the rows of the published revision only, with the published
// department name (a draft may rename the department). Both are derived tables:
// this migration rebuilds them from the stored documents. The copy of the projection below
// is for that one rebuild only; afterwards rows come from src/db/repositories/public-*.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table public_targets (
      manifesto_id integer not null references manifestos (id) on delete cascade,
      revision integer not null,
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
      primary key (manifesto_id, goal_number, position),
      foreign key (manifesto_id, revision)
        references manifesto_revisions (manifesto_id, revision) on delete cascade
    );
    create index public_targets_indicator on public_targets (indicator_id);
    create index manifesto_publications_revision on manifesto_publications (manifesto_id, revision);
    alter table search_goals
      add column department_name text not null default '',
      add column department_name_key text not null default '';
    alter table search_goals
      alter column department_name drop default,
      alter column department_name_key drop default;
  `.execute(db);

  // Where the published revision is the current one, the targets table already holds it.
  await sql`
    with newest as (
      select distinct on (manifesto_id) manifesto_id, revision
        from manifesto_publications order by manifesto_id, id desc
    )
    insert into public_targets
      (manifesto_id, revision, goal_number, position, indicator_id, kind, unit, comparator,
       target_value, baseline_value, baseline_year, actual, status)
    select t.manifesto_id, n.revision, t.goal_number, t.position, t.indicator_id, t.kind, t.unit,
           t.comparator, t.target_value, t.baseline_value, t.baseline_year, t.actual, t.status
      from targets t
      join manifestos m on m.id = t.manifesto_id
      join newest n on n.manifesto_id = m.id and n.revision = m.current_revision
  `.execute(db);

  // Otherwise (a draft written after the publication) the published document is projected
  // here as src/domain/manifesto/projection.ts does, indicators matched by their NFKC key.
  await sql`
    with newest as (
      select distinct on (manifesto_id) manifesto_id, revision
        from manifesto_publications order by manifesto_id, id desc
    )
    insert into public_targets
      (manifesto_id, revision, goal_number, position, indicator_id, kind, unit, comparator,
       target_value, baseline_value, baseline_year, actual, status)
    select m.id, n.revision, (g.goal ->> 'number')::int, (t.ord - 1)::int, i.id,
           t.target #>> '{measure,kind}',
           case when k.is_numeric then t.target #>> '{measure,unit}' end,
           case when k.is_numeric then t.target #>> '{measure,comparator}' end,
           case when k.is_numeric then (t.target #>> '{measure,target}')::double precision end,
           case when k.is_numeric then (t.target #>> '{measure,baseline,value}')::double precision end,
           case when k.is_numeric then (t.target #>> '{measure,baseline,fiscalYear}')::int end,
           (t.target #>> '{result,actual}')::double precision,
           t.target #>> '{result,status}'
      from manifestos m
      join newest n on n.manifesto_id = m.id and n.revision <> m.current_revision
      join manifesto_revisions r on r.manifesto_id = m.id and r.revision = n.revision
      cross join lateral jsonb_array_elements(r.document -> 'goals') as g(goal)
      cross join lateral jsonb_array_elements(coalesce(g.goal -> 'targets', '[]'))
        with ordinality as t(target, ord)
      cross join lateral (select t.target #>> '{measure,kind}' = 'numeric' as is_numeric) k
      left join indicators i
        on k.is_numeric and i.municipality_code = m.municipality_code
       and i.key = btrim(normalize(t.target #>> '{measure,indicator}', NFKC),
                         ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))
  `.execute(db);

  // Search rows: those of the newest publication, none for what was never published.
  await sql`delete from search_goals`.execute(db);
  await sql`
    insert into search_goals (manifesto_id, revision, goal_number, position, level, policy_refs, body,
      department_name, department_name_key)
    select m.id, n.revision, (g.goal ->> 'number')::int, (g.ord - 1)::int,
      (g.goal #>> '{evaluation,level}')::int,
      array(select normalize(x, NFKC) from jsonb_array_elements_text(coalesce(g.goal -> 'policyRefs', '[]')) as x),
      lower(normalize(concat_ws(chr(10),
        g.goal ->> 'mission',
        g.goal ->> 'title',
        (select string_agg(x, chr(10)) from jsonb_array_elements_text(coalesce(g.goal -> 'policyRefs', '[]')) as x),
        (select string_agg(x, chr(10)) from jsonb_array_elements_text(coalesce(g.goal -> 'currentState', '[]')) as x),
        (select string_agg(concat_ws(chr(10), t ->> 'text', t #>> '{measure,indicator}', t #>> '{result,text}'), chr(10))
           from jsonb_array_elements(coalesce(g.goal -> 'targets', '[]')) as t),
        g.goal ->> 'desiredState',
        (select string_agg(x, chr(10)) from jsonb_array_elements_text(coalesce(g.goal -> 'means', '[]')) as x),
        g.goal #>> '{evaluation,reason}'
      ), NFKC)),
      r.document #>> '{department,name}',
      case when m.current_revision = n.revision then m.department_name_key
           else btrim(normalize(r.document #>> '{department,name}', NFKC)) end
    from manifestos m
    join (
      select distinct on (manifesto_id) manifesto_id, revision
        from manifesto_publications order by manifesto_id, id desc
    ) n on n.manifesto_id = m.id
    join manifesto_revisions r on r.manifesto_id = m.id and r.revision = n.revision
    cross join lateral jsonb_array_elements(r.document -> 'goals') with ordinality as g(goal, ord)
    on conflict (manifesto_id, goal_number) do nothing
  `.execute(db);
}
