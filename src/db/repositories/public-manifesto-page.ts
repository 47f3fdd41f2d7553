// Everything one published manifesto's page shows, in one statement: the municipality (when
// it has anything published), the manifesto at the address with its newest published
// document, the plan titles, the indicator links of its numeric targets, its publications
// (the corrections' history) and its acknowledged progress reports. On the embedded database
// each statement runs in the server's only thread, so the number of statements — and the
// time to plan them — is the cost of an uncached page (bench/README.md, issue 15). The
// statement is the function of migration 0022, which keeps its plan for the session; it
// answers what the separate queries of public-manifestos.ts, municipalities.ts,
// plan-items.ts and public-progress.ts answer (get-public-manifesto.db.test.ts compares them).
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
  score_scale: unknown | null;
  tag_vocabularies: unknown | null;
  id: number | null;
  fiscal_year: number;
  department_id: number;
  department_name: string;
  department_code: string | null;
  state: string;
  revision: number;
  /** timestamptz as text: read with pg's own parser, so the Date is the one a column gives. */
  published_at: string;
  document: unknown;
  plan_items: { key: string; title: string }[];
  indicator_links: { goal_number: number; position: number; indicator_id: number }[];
  publications: {
    revision: number;
    state: string;
    change_note: string | null;
    published_at: string;
    /** Null where no correction compares it, and for the page's own revision (`document`). */
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
  const { rows } = await sql<{ page: Row }>`
    select tassei_public_manifesto_page(
      ${code}, ${fiscalYear}, ${department.code}, ${department.nameKey}
    ) as page`.execute(db);
  const row = rows[0]?.page;
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
    scoreScale: row.score_scale,
    tagVocabularies: row.tag_vocabularies,
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
        updatedAt: parseTimestamptz(row.published_at) as Date,
        document: row.document,
      },
      planItems: row.plan_items,
      indicatorLinks: row.indicator_links,
      publications: row.publications.map((p) => ({
        revision: p.revision,
        state: p.state,
        changeNote: p.change_note,
        publishedAt: parseTimestamptz(p.published_at) as Date,
        document: p.revision === row.revision ? row.document : p.document,
      })),
      progress: row.progress,
    },
  };
}
