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

export interface OpenThreadMessage {
  rootId: number;
  manifestoId: number;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  id: number;
  goalNumber: number | null;
  author: string;
  /** The author's department, when the author is a department account. */
  authorDepartmentId: number | null;
  body: string;
  createdAt: Date;
}

/** Every message of every unresolved thread in scope, thread by thread, in order. */
export async function listOpenThreadMessages(
  db: Db,
  scope: TodoScope,
): Promise<OpenThreadMessage[]> {
  const dept = scope.departmentId ?? null;
  const rows = await sql<{
    root: number;
    manifesto_id: number;
    fiscal_year: number;
    department_id: number;
    department_name: string;
    id: number;
    goal_number: number | null;
    author: string;
    author_department_id: number | null;
    body: string;
    created_at: Date;
  }>`
    with recursive tree as (
      select c.id, c.id as root
        from manifesto_comments c
        join manifestos m on m.id = c.manifesto_id
       where c.parent_id is null and c.resolved_at is null
         and m.municipality_code = ${scope.municipalityCode}
         and (${dept}::int is null or m.department_id = ${dept})
      union all
      select c.id, tree.root from manifesto_comments c join tree on c.parent_id = tree.id
    )
    select tree.root, c.manifesto_id, m.fiscal_year, m.department_id, m.department_name,
           c.id, c.goal_number, c.author, u.department_id as author_department_id, c.body,
           c.created_at
      from tree
      join manifesto_comments c on c.id = tree.id
      join manifestos m on m.id = c.manifesto_id
      left join users u on c.author = 'user:' || u.id::text
     order by tree.root, c.id
  `.execute(db);
  return rows.rows.map((r) => ({
    rootId: r.root,
    manifestoId: r.manifesto_id,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    id: r.id,
    goalNumber: r.goal_number,
    author: r.author,
    authorDepartmentId: r.author_department_id,
    body: r.body,
    createdAt: new Date(r.created_at),
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
}

/** Published plans in scope with their progress reports' states: whose report is owed. */
export async function listPublishedForProgress(
  db: Db,
  scope: TodoScope,
): Promise<PublishedForProgress[]> {
  const rows = await inScope(db, scope)
    .select(["m.id", "m.fiscal_year", "m.department_id", "m.department_name", "m.state"])
    .where("m.state", "=", "published")
    .orderBy("m.fiscal_year", "desc")
    .orderBy("m.department_name_key")
    .execute();
  if (rows.length === 0) return [];
  const reports = await db
    .selectFrom("progress_reports")
    .select(["manifesto_id", "state"])
    .where(
      "manifesto_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    state: r.state,
    reportStates: reports.filter((p) => p.manifesto_id === r.id).map((p) => p.state),
  }));
}
