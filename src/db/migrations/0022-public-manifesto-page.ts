import { type Kysely, sql } from "kysely";

// Everything the page of one published manifesto shows, as one JSON value (issue 15). On the
// embedded database every statement runs in the server's only thread, and the page took
// seven; one statement of the same joins cost more to plan (1.3–3.9 ms in PGlite) than to
// run (0.5 ms), and a PL/pgSQL function keeps its statement's plan for the session, so each
// page pays only for running it. What it answers is what the separate queries of
// src/db/repositories (public-manifestos.ts, municipalities.ts, plan-items.ts,
// public-progress.ts) answer — src/services/portal/get-public-manifesto.db.test.ts compares
// the two for every kind of page; a later change of those tables replaces this function in
// a migration of its own. The repository that calls it: repositories/public-manifesto-page.ts.
//
// - municipality: only when it has a published manifesto (findPublicMunicipality);
// - the manifesto: each candidate's newest publication (publicManifestos()), the department
//   named by its code or by any name it was published under; a code and another
//   department's name can coincide: the code wins, then the order of the year's list;
// - publications oldest first, with their documents, only those a correction compares (the
//   newest publication's document is the page's own); timestamps as text, read by pg's
//   own parser so that the Dates are those a column gives.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tassei_public_manifesto_page(
      p_code text, p_year integer, p_department_code text, p_name_key text
    ) returns json language plpgsql stable as $function$
    begin
      return (select row_to_json(page) from (
        with mu as (
          select code as mu_code, name as mu_name, prefecture, document_title, document_subtitle,
                 evaluation_scale, level_rules, progress_settings, pdf_layout,
                 score_scale, tag_vocabularies
          from municipalities
          where code = p_code
            and exists (select 1 from manifestos m
                        join manifesto_publications pp on pp.manifesto_id = m.id
                        where m.municipality_code = p_code)
        ),
        pick as (
          select m.id, m.fiscal_year, m.department_id,
                 r.document -> 'department' ->> 'name' as department_name,
                 d.code as department_code, p.state, p.revision, p.published_at, r.document
          from manifestos m
          join departments d on d.id = m.department_id
          join lateral (
            select pp.revision, pp.state, pp.published_at from manifesto_publications pp
            where pp.manifesto_id = m.id order by pp.id desc limit 1
          ) p on true
          join manifesto_revisions r on r.manifesto_id = m.id and r.revision = p.revision
          where m.municipality_code = p_code
            and m.fiscal_year = p_year
            and (d.code = p_department_code
                 or m.department_id in (
                   select n.department_id from manifestos n
                   where n.municipality_code = p_code
                     and n.department_name_key = p_name_key
                     and exists (select 1 from manifesto_publications np
                                 where np.manifesto_id = n.id)))
          order by coalesce(d.code = p_department_code, false) desc,
                   d.position nulls last, r.document -> 'department' ->> 'name'
          limit 1
        )
        select mu.*,
          pick.id, pick.fiscal_year, pick.department_id, pick.department_name,
          pick.department_code, pick.state, pick.revision,
          pick.published_at::text as published_at, pick.document,
          (select coalesce(json_agg(json_build_object('key', i.key, 'title', i.title)
                                    order by i.position), '[]')
             from plan_items i where i.municipality_code = p_code) as plan_items,
          (select coalesce(json_agg(json_build_object('goal_number', t.goal_number,
                                                      'position', t.position,
                                                      'indicator_id', t.indicator_id)), '[]')
             from public_targets t
             where t.manifesto_id = pick.id and t.revision = pick.revision
               and t.indicator_id is not null) as indicator_links,
          (select coalesce(json_agg(json_build_object(
                    'revision', c.revision, 'state', c.state, 'change_note', c.change_note,
                    'published_at', c.published_at::text,
                    'document', case when c.compared and c.revision <> pick.revision
                                     then (select pr.document from manifesto_revisions pr
                                           where pr.manifesto_id = pick.id
                                             and pr.revision = c.revision) end)
                    order by c.id), '[]')
             from (
               select pp.id, pp.revision, pp.state, pp.change_note, pp.published_at,
                      -- a correction, or the publication a correction is compared with
                      -- (public-corrections.ts)
                      coalesce(lag(pp.id) over w is not null
                               and (pp.change_note is not null
                                    or pp.state = lag(pp.state) over w), false)
                      or coalesce(lead(pp.id) over w is not null
                                  and (lead(pp.change_note) over w is not null
                                       or lead(pp.state) over w = pp.state), false)
                        as compared
               from manifesto_publications pp
               where pp.manifesto_id = pick.id
               window w as (order by pp.id)
             ) c) as publications,
          (select coalesce(json_agg(json_build_object('entries', pr.entries)
                                    order by pr.id desc), '[]')
             from progress_reports pr
             where pr.manifesto_id = pick.id and pr.state = 'acknowledged') as progress
        from (select 1) as one
        left join mu on true
        left join pick on true
      ) page);
    end
    $function$
  `.execute(db);
}
