// The questions behind the to-do list (対応待ち), each scoped in SQL to what the caller may
// see: a municipality, and for the department roles their own department.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface TodoScope {
  municipalityCode: string;
  /** The department roles' own department; absent for municipality-wide roles. */
  departmentId?: number;
}

export interface WaitingManifesto {
  id: number;
  fiscalYear: number;
  departmentName: string;
  state: string;
  /** When it came back (returns) or was sent on (approvals). */
  at: Date;
  openThreads: number;
}

function openThreads() {
  return sql<number>`(select count(*)::int from manifesto_comments c
     where c.manifesto_id = m.id and c.parent_id is null and c.resolved_at is null)`;
}

function lastTransition() {
  return sql<string>`(select t.action from manifesto_transitions t
     where t.manifesto_id = m.id order by t.id desc limit 1)`;
}

function lastMoveAt() {
  return sql<Date>`coalesce((select max(t.occurred_at) from manifesto_transitions t
     where t.manifesto_id = m.id), m.updated_at)`;
}

function inScope(db: Db, scope: TodoScope) {
  let q = db
    .selectFrom("manifestos as m")
    .where("m.municipality_code", "=", scope.municipalityCode);
  if (scope.departmentId !== undefined) q = q.where("m.department_id", "=", scope.departmentId);
  return q;
}

/** Drafts whose last move was a return: back with the department, to be reworked. */
export async function listReturnedManifestos(
  db: Db,
  scope: TodoScope,
): Promise<WaitingManifesto[]> {
  const rows = await inScope(db, scope)
    .select([
      "m.id",
      "m.fiscal_year",
      "m.department_name",
      "m.state",
      lastMoveAt().as("at"),
      openThreads().as("open_threads"),
    ])
    .where("m.state", "in", ["draft", "evaluation_draft"])
    .where(lastTransition(), "=", "return")
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name_key")
    .execute();
  return rows.map(toWaiting);
}

/** Manifestos in one of `states`: submissions waiting for the caller's approval. */
export async function listManifestosInStates(
  db: Db,
  scope: TodoScope,
  states: readonly string[],
): Promise<WaitingManifesto[]> {
  if (states.length === 0) return [];
  const rows = await inScope(db, scope)
    .select([
      "m.id",
      "m.fiscal_year",
      "m.department_name",
      "m.state",
      lastMoveAt().as("at"),
      openThreads().as("open_threads"),
    ])
    .where("m.state", "in", [...states])
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name_key")
    .execute();
  return rows.map(toWaiting);
}

function toWaiting(r: {
  id: number;
  fiscal_year: number;
  department_name: string;
  state: string;
  at: Date;
  open_threads: number;
}): WaitingManifesto {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    state: r.state,
    at: new Date(r.at),
    openThreads: r.open_threads,
  };
}

export interface OpenThreadForMe {
  rootId: number;
  manifestoId: number;
  fiscalYear: number;
  departmentName: string;
  /** The thread's last message, which the to-do item shows. */
  goalNumber: number | null;
  body: string;
  /** I wrote in the thread (an answer may await me). */
  iWrote: boolean;
  /** A reviewer's thread on my department's manifesto that nobody of it has answered. */
  forDepartment: boolean;
  /** Messages since I last wrote that hold an "@": the only ones that may name me. */
  mentionBodies: string[];
}

export interface ThreadReader {
  actor: string;
  /** The reader's own department, for the department rule; null for the others. */
  departmentId: number | null;
}

/**
 * The unresolved threads in scope whose last word is someone else's and that may be for
 * `me`: I wrote in them, they hold an "@" since I last wrote, or the department rule holds.
 * Threads that are nobody's business of mine never leave the database; whether an "@" really
 * names me (NFKC, case, the whole name) is decided by domain/todo.ts on `mentionBodies`,
 * because PostgreSQL's regular expressions and lower() do not read Unicode as JavaScript does.
 */
export async function listOpenThreadsForMe(
  db: Db,
  scope: TodoScope,
  me: ThreadReader,
): Promise<OpenThreadForMe[]> {
  const dept = scope.departmentId ?? null;
  const rows = await sql<{
    root: number;
    manifesto_id: number;
    fiscal_year: number;
    department_name: string;
    goal_number: number | null;
    body: string;
    i_wrote: boolean;
    for_department: boolean;
    mention_bodies: string[];
  }>`
    with recursive tree as (
      -- From the manifestos in scope to their threads by the (manifesto_id, id) index ("offset
      -- 0" keeps the subquery a loop per manifesto): a plain join lets a planner without
      -- statistics (PGlite never analyses) scan the manifestos once per comment.
      select c.id, c.id as root
        from manifestos m
        cross join lateral (
          select c.id from manifesto_comments c
           where c.manifesto_id = m.id and c.parent_id is null and c.resolved_at is null
          offset 0
        ) c
       where m.municipality_code = ${scope.municipalityCode}
         and (${dept}::int is null or m.department_id = ${dept})
      union all
      select c.id, tree.root from manifesto_comments c join tree on c.parent_id = tree.id
    ),
    messages as (
      select tree.root, c.id, c.author, c.body,
             max(c.id) filter (where c.author = ${me.actor}) over (partition by tree.root)
               as my_last_id,
             u.department_id as author_department_id
        from tree
        join manifesto_comments c on c.id = tree.id
        left join users u on c.author = 'user:' || u.id::text
    ),
    threads as (
      -- One pass over the messages, no query per thread: the last message, whether I wrote,
      -- whether the reader's department answered, and the bodies since my last word that
      -- hold an "@".
      select root, max(id) as last_id, bool_or(author = ${me.actor}) as i_wrote,
             coalesce(bool_or(author_department_id = ${me.departmentId}::int), false) as answered,
             coalesce(array_agg(body order by id) filter (
               where id > coalesce(my_last_id, 0) and strpos(body, '@') > 0
             ), '{}') as mention_bodies
        from messages
       group by root
    )
    select t.root, m.id as manifesto_id, m.fiscal_year, m.department_name,
           last.goal_number, last.body, t.i_wrote,
           (${me.departmentId}::int is not null and m.department_id = ${me.departmentId}::int
             and not t.answered) as for_department,
           t.mention_bodies
      from threads t
      join manifesto_comments last on last.id = t.last_id
      join manifestos m on m.id = last.manifesto_id
     where last.author <> ${me.actor}
       and (t.i_wrote or cardinality(t.mention_bodies) > 0
            or (${me.departmentId}::int is not null and m.department_id = ${me.departmentId}::int
                and not t.answered))
     order by t.root
  `.execute(db);
  return rows.rows.map((r) => ({
    rootId: r.root,
    manifestoId: r.manifesto_id,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    goalNumber: r.goal_number,
    body: r.body,
    iWrote: r.i_wrote,
    forDepartment: r.for_department,
    mentionBodies: r.mention_bodies,
  }));
}

export interface PublishedForProgress {
  id: number;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  state: string;
  /** The states of its progress reports, any order. */
  reportStates: string[];
  /** The municipality's progress settings (0017; null = the defaults), on every row alike. */
  progressSettings: unknown | null;
}

/**
 * Published plans in scope with their progress reports' states and the municipality's
 * settings: whose report is owed, in one round trip (the to-do list asks it on every page).
 */
export async function listPublishedForProgress(
  db: Db,
  scope: TodoScope,
): Promise<PublishedForProgress[]> {
  const rows = await inScope(db, scope)
    .innerJoin("municipalities as mu", "mu.code", "m.municipality_code")
    .select([
      "m.id",
      "m.fiscal_year",
      "m.department_id",
      "m.department_name",
      "m.state",
      "mu.progress_settings",
      sql<string[]>`array(select p.state from progress_reports p where p.manifesto_id = m.id)`.as(
        "report_states",
      ),
    ])
    .where("m.state", "=", "published")
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name_key")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    state: r.state,
    reportStates: r.report_states,
    progressSettings: r.progress_settings,
  }));
}
