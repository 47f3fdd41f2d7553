// Everything one published manifesto's page shows, in one statement: the municipality (when
// it has anything published), the manifesto at the address with its newest published
// document, the plan titles, the indicator links of its numeric targets, every publication
// (the corrections' history) and its acknowledged progress reports. On the embedded database
// each statement runs in the server's only thread, so the number of statements is the cost
// of an uncached page (bench/README.md, issue 15); the answer is the same as the separate
// queries of public-manifestos.ts, municipalities.ts, plan-items.ts and public-progress.ts
// (public-manifesto-page.db.test.ts compares the two).
import { sql } from "kysely";
import pg from "pg";
import type { Db, MunicipalityRow } from "./municipalities.ts";
import type { DepartmentRef, PublicManifesto, PublicPublication } from "./public-manifestos.ts";

export interface PublicManifestoPageQuery {
  municipalityCode: string;
  fiscalYear: number;
  /** The department at the address: its code, or a name it was published under. */
  department: DepartmentRef;
}

export interface PublicManifestoPageData {
  /** Undefined when the municipality does not exist or has nothing published. */
  municipality: MunicipalityRow | undefined;
  /** Undefined when nothing is published at the address. */
  manifesto?: {
    stored: PublicManifesto;
    /** Plan items in the municipality's order. */
    planItems: { key: string; title: string }[];
    indicatorLinks: { goal_number: number; position: number; indicator_id: number }[];
    /** Oldest first. */
    publications: PublicPublication[];
    /** Acknowledged reports' entries, newest first. */
    progress: { entries: unknown }[];
  };
}

interface Row {
  mu_code: string | null;
  mu_name: string;
  prefecture: string | null;
  document_title: string | null;
  document_subtitle: string | null;
  evaluation_scale: unknown | null;
  level_rules: unknown | null;
  progress_settings: unknown | null;
  pdf_layout: unknown | null;
  id: number | null;
  fiscal_year: number;
  department_id: number;
  department_name: string;
  department_code: string | null;
  state: string;
  revision: number;
  published_at: Date;
  document: unknown;
  plan_items: { key: string; title: string }[];
  indicator_links: { goal_number: number; position: number; indicator_id: number }[];
  publications: {
    revision: number;
    state: string;
    change_note: string | null;
    /** timestamptz as text: read with pg's own parser, so the Date is the one a column gives. */
    published_at: string;
    document: unknown;
  }[];
  progress: { entries: unknown }[];
}

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, "text");

export async function loadPublicManifestoPage(
  db: Db,
  q: PublicManifestoPageQuery,
): Promise<PublicManifestoPageData> {
  const { municipalityCode: code, fiscalYear, department } = q;
  // The newest publication of each candidate manifesto (as publicManifestos()), the
  // department's own code first (a code and another department's name can coincide: the
  // code wins, as in the URLs), then in the order the list of the year shows.
  const { rows } = await sql<Row>`
    with mu as (
      select code as mu_code, name as mu_name, prefecture, document_title, document_subtitle,
             evaluation_scale, level_rules, progress_settings, pdf_layout
      from municipalities
      where code = ${code}
        and exists (select 1 from manifestos m
                    join manifesto_publications pp on pp.manifesto_id = m.id
                    where m.municipality_code = ${code})
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
      where m.municipality_code = ${code}
        and m.fiscal_year = ${fiscalYear}
        and (d.code = ${department.code}
             or m.department_id in (
               select n.department_id from manifestos n
               where n.municipality_code = ${code}
                 and n.department_name_key = ${department.nameKey}
                 and exists (select 1 from manifesto_publications np where np.manifesto_id = n.id)))
      order by coalesce(d.code = ${department.code}, false) desc,
               d.position nulls last, r.document -> 'department' ->> 'name'
      limit 1
    )
    select mu.*, pick.*,
      (select coalesce(json_agg(json_build_object('key', i.key, 'title', i.title)
                                order by i.position), '[]')
         from plan_items i where i.municipality_code = ${code}) as plan_items,
      (select coalesce(json_agg(json_build_object('goal_number', t.goal_number,
                                                  'position', t.position,
                                                  'indicator_id', t.indicator_id)), '[]')
         from public_targets t
         where t.manifesto_id = pick.id and t.revision = pick.revision
           and t.indicator_id is not null) as indicator_links,
      (select coalesce(json_agg(json_build_object('revision', pp.revision, 'state', pp.state,
                                                  'change_note', pp.change_note,
                                                  'published_at', pp.published_at::text,
                                                  'document', pr.document) order by pp.id), '[]')
         from manifesto_publications pp
         join manifesto_revisions pr
           on pr.manifesto_id = pp.manifesto_id and pr.revision = pp.revision
         where pp.manifesto_id = pick.id) as publications,
      (select coalesce(json_agg(json_build_object('entries', pr.entries) order by pr.id desc), '[]')
         from progress_reports pr
         where pr.manifesto_id = pick.id and pr.state = 'acknowledged') as progress
    from (select 1) as one
    left join mu on true
    left join pick on true`.execute(db);
  const row = rows[0];
  if (!row || row.mu_code === null) return { municipality: undefined };
  const municipality: MunicipalityRow = {
    code: row.mu_code,
    name: row.mu_name,
    prefecture: row.prefecture,
    documentTitle: row.document_title,
    documentSubtitle: row.document_subtitle,
    evaluationScale: row.evaluation_scale,
    levelRules: row.level_rules,
    progressSettings: row.progress_settings,
    pdfLayout: row.pdf_layout,
  };
  if (row.id === null) return { municipality };
  return {
    municipality,
    manifesto: {
      stored: {
        id: row.id,
        municipalityCode: row.mu_code,
        fiscalYear: row.fiscal_year,
        departmentId: row.department_id,
        departmentName: row.department_name,
        departmentCode: row.department_code,
        state: row.state,
        revision: row.revision,
        updatedAt: row.published_at,
        document: row.document,
      },
      planItems: row.plan_items,
      indicatorLinks: row.indicator_links,
      publications: row.publications.map((p) => ({
        revision: p.revision,
        state: p.state,
        changeNote: p.change_note,
        publishedAt: parseTimestamptz(p.published_at) as Date,
        document: p.document,
      })),
      progress: row.progress,
    },
  };
}
