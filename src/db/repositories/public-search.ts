// Search over published goals (table search_goals, migration 0002). Each row is derived from
// the stored document of the manifesto's newest published revision (manifesto_publications),
// in SQL, so that it can be rebuilt inside the transaction that publishes a revision. A draft
// written after a publication leaves the rows alone: what citizens find is what they read on
// the manifesto's page. Queries only ever return rows of a published revision.
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "./municipalities.ts";

// The searchable text of a goal: every field a citizen reads, one line each, so that a
// phrase never matches across two fields. NFKC folds width (ＳＮＳ → SNS, ｱﾝｹｰﾄ → アンケート).
// The department's name is the published one too (a draft may rename it); its comparison key
// is the one the application computed (comparisonKey), as the published revision is the
// current one whenever a publication refreshes these rows.
const goalRows = (where: Expression<SqlBool>) => sql`
  insert into search_goals (manifesto_id, revision, goal_number, position, level, policy_refs, body,
    department_name, department_name_key, tags)
  select m.id, p.revision, (g.goal ->> 'number')::int, (g.ord - 1)::int,
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
    case when m.current_revision = p.revision then m.department_name_key
         else btrim(normalize(r.document #>> '{department,name}', NFKC)) end,
    array(select distinct x from (
      select jsonb_array_elements_text(coalesce(g.goal -> 'tags', '[]')) as x
      union all
      select jsonb_array_elements_text(coalesce(t -> 'tags', '[]'))
        from jsonb_array_elements(coalesce(g.goal -> 'targets', '[]')) as t) tg order by x)
  from manifestos m
  cross join lateral (
    select pp.revision from manifesto_publications pp
     where pp.manifesto_id = m.id order by pp.id desc limit 1
  ) p
  join manifesto_revisions r on r.manifesto_id = m.id and r.revision = p.revision
  cross join lateral jsonb_array_elements(r.document -> 'goals') with ordinality as g(goal, ord)
  where ${where}
  on conflict (manifesto_id, goal_number) do nothing
`;

/**
 * Rebuilds the search rows of one manifesto from its newest published revision (none when it
 * was never published). Called inside the transaction that inserts each publication
 * (recordPublication), so the rows are never stale.
 */
export async function refreshSearchDocument(db: Db, manifestoId: number): Promise<void> {
  await db.deleteFrom("search_goals").where("manifesto_id", "=", manifestoId).execute();
  await goalRows(sql<SqlBool>`m.id = ${manifestoId}`).execute(db);
}

export interface GoalSearch {
  /** Words already NFKC-normalised and lower-cased; every word must occur. */
  words: readonly string[];
  municipalityCode?: string;
  fiscalYear?: number;
  /** The department's own code, or its name's comparison key. */
  department?: { code: string; nameKey: string };
  /** NFKC form of a policy reference as written (`7-1-1`). */
  policyRef?: string;
  level?: number;
  /** `sdg:12`: goals carrying the tag themselves or on one of their targets. */
  tag?: string;
  limit: number;
  /**
   * 1–2-character words found in so many goals (commonShortWords) that walking the goals in
   * order finds the first `limit` sooner than the index lists them all.
   */
  commonWords?: readonly string[];
}

export interface GoalHit {
  municipalityCode: string;
  municipalityName: string;
  fiscalYear: number;
  departmentName: string;
  departmentCode: string | null;
  goalNumber: number;
  /** The goal as stored in the document (validated on the way in). */
  goal: unknown;
  /** The document's own evaluation scale and its municipality's, to name the goal's level. */
  documentScale: unknown;
  municipalityScale: unknown;
}

/** `%`, `_` and `\` in a word are literal characters, not patterns. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Search rows of published revisions (the only ones written; checked all the same). */
function publishedRows(db: Db) {
  return db
    .selectFrom("search_goals as s")
    .innerJoin("manifestos as m", "m.id", "s.manifesto_id")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("manifesto_publications as p")
          .select("p.id")
          .whereRef("p.manifesto_id", "=", "s.manifesto_id")
          .whereRef("p.revision", "=", "s.revision"),
      ),
    );
}

/** The index condition of a 1- or 2-character word; none from 3 characters (trigrams). */
function shortWordIndex(word: string): Expression<SqlBool> | undefined {
  const length = [...word].length;
  if (length === 1) return sql<SqlBool>`tassei_characters(s.body) @> array[${word}]::text[]`;
  if (length === 2) return sql<SqlBool>`tassei_bigrams(s.body) @> array[${word}]::text[]`;
  return undefined;
}

/**
 * The 1–2-character words among `words` that the planner expects in at least `atLeast` goals.
 * Its estimate comes from the statistics of the character and pair indexes (the most common
 * characters and pairs and their frequencies, kept by ANALYZE): nothing is read. Counting
 * instead would cost the most for the commonest words, for which a sequential scan computes
 * every goal's characters. A wrong estimate costs time only: both ways of matching find the
 * same goals.
 */
export async function commonShortWords(
  db: Db,
  words: readonly string[],
  atLeast: number,
): Promise<string[]> {
  const common: string[] = [];
  for (const word of words) {
    const index = shortWordIndex(word);
    if (!index) continue;
    const { rows } = await sql<Record<string, unknown>>`
      explain (format json) select 1 from search_goals s where ${index}`.execute(db);
    if (estimatedRows(rows[0]) >= atLeast) common.push(word);
  }
  return common;
}

function estimatedRows(row: Record<string, unknown> | undefined): number {
  const value = row ? Object.values(row)[0] : undefined;
  const plan = (typeof value === "string" ? JSON.parse(value) : value) as
    | [{ Plan?: { "Plan Rows"?: number } }]
    | undefined;
  return plan?.[0]?.Plan?.["Plan Rows"] ?? 0;
}

/** The search as one statement, not yet sent (its plan is checked by the tests). */
export function publicGoalSearchQuery(db: Db, q: GoalSearch) {
  let query = publishedRows(db)
    .innerJoin("departments as d", "d.id", "m.department_id")
    .innerJoin("municipalities as mu", "mu.code", "m.municipality_code")
    .select([
      "s.manifesto_id",
      "s.revision",
      "s.position",
      "d.position as department_position",
      "m.municipality_code",
      "mu.name as municipality_name",
      "m.fiscal_year",
      "s.department_name",
      "d.code as department_code",
      "s.goal_number",
      "mu.evaluation_scale as municipality_scale",
    ]);
  for (const word of q.words) {
    // A 1-character word is looked up in the character index (migration 0019), a 2-character
    // one in the pair index (0009); from 3 characters the trigram index serves the LIKE itself.
    // For 1–2 characters the index's condition and the LIKE select the very same goals, so a
    // common word (q.commonWords) is matched by the LIKE alone: the planner then walks the
    // goals in the order shown and stops at the limit, where the index's condition would be
    // computed again from the text of every goal it passes (milliseconds each, issue 15).
    const short = shortWordIndex(word);
    if (short && !q.commonWords?.includes(word)) query = query.where(short);
    query = query.where("s.body", "like", likePattern(word));
  }
  if (q.municipalityCode !== undefined) {
    query = query.where("m.municipality_code", "=", q.municipalityCode);
  }
  if (q.fiscalYear !== undefined) query = query.where("m.fiscal_year", "=", q.fiscalYear);
  if (q.department) {
    const { code, nameKey } = q.department;
    query = query.where((eb) =>
      eb.or([eb("d.code", "=", code), eb("s.department_name_key", "=", nameKey)]),
    );
  }
  if (q.policyRef !== undefined) {
    query = query.where(sql<SqlBool>`${q.policyRef} = any(s.policy_refs)`);
  }
  if (q.level !== undefined) query = query.where("s.level", "=", q.level);
  if (q.tag !== undefined) {
    // The goal's own tags and its targets' (migration 0021), through their GIN index.
    query = query.where(sql<SqlBool>`s.tags @> array[${q.tag}]::text[]`);
  }
  const hits = query
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.municipality_code")
    .orderBy(sql`d.position nulls last`)
    .orderBy("s.department_name")
    .orderBy("s.position")
    .limit(q.limit);
  // The goal's JSON is taken from its revision's document for the hits shown only: selected
  // beside the sort, it was read out of the whole document of every matching goal before the
  // limit (thousands for a common word, issue 15).
  return db
    .selectFrom(hits.as("h"))
    .innerJoin("manifesto_revisions as r", (j) =>
      j.onRef("r.manifesto_id", "=", "h.manifesto_id").onRef("r.revision", "=", "h.revision"),
    )
    .select([
      "h.municipality_code",
      "h.municipality_name",
      "h.fiscal_year",
      "h.department_name",
      "h.department_code",
      "h.goal_number",
      sql<unknown>`r.document -> 'goals' -> h.position`.as("goal"),
      sql<unknown>`r.document -> 'evaluationScale'`.as("document_scale"),
      "h.municipality_scale",
    ])
    .orderBy("h.fiscal_year", "desc")
    .orderBy("h.municipality_code")
    .orderBy(sql`h.department_position nulls last`)
    .orderBy("h.department_name")
    .orderBy("h.position");
}

export async function searchPublicGoals(db: Db, q: GoalSearch): Promise<GoalHit[]> {
  const rows = await publicGoalSearchQuery(db, q).execute();
  return rows.map((r) => ({
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    departmentCode: r.department_code,
    goalNumber: r.goal_number,
    goal: r.goal,
    documentScale: r.document_scale,
    municipalityScale: r.municipality_scale,
  }));
}

/** The policy references and levels used in a municipality's published goals, for filters. */
export async function listPublicSearchFacets(db: Db, municipalityCode: string) {
  const rows = await publishedRows(db)
    .select([sql<string>`unnest(s.policy_refs)`.as("ref")])
    .where("m.municipality_code", "=", municipalityCode)
    .distinct()
    .execute();
  return rows.map((r) => r.ref);
}
