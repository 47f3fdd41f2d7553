// The review workflow's tables (migration 0004-workflow): transitions, comments and
// publications. The table types are in ../schema.ts.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";
import { notifyPublicChangeOfManifesto } from "./public-changes.ts";

export interface TransitionRow {
  id: number;
  action: string;
  fromState: string;
  toState: string;
  revision: number;
  actor: string;
  comment: string | null;
  occurredAt: Date;
}

export async function updateManifestoState(db: Db, id: number, state: string): Promise<Date> {
  const row = await db
    .updateTable("manifestos")
    .set({ state, updated_at: new Date() })
    .where("id", "=", id)
    .returning("updated_at")
    .executeTakeFirstOrThrow();
  return row.updated_at;
}

export async function insertTransition(
  db: Db,
  t: Omit<TransitionRow, "id" | "occurredAt"> & { manifestoId: number },
): Promise<string> {
  const row = await db
    .insertInto("manifesto_transitions")
    .values({
      manifesto_id: t.manifestoId,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      revision: t.revision,
      actor: t.actor,
      comment: t.comment,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function listTransitions(db: Db, manifestoId: number): Promise<TransitionRow[]> {
  const rows = await db
    .selectFrom("manifesto_transitions")
    .selectAll()
    .where("manifesto_id", "=", manifestoId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    revision: r.revision,
    actor: r.actor,
    comment: r.comment,
    occurredAt: r.occurred_at,
  }));
}

export interface CommentRow {
  id: number;
  manifestoId: number;
  goalNumber: number | null;
  parentId: number | null;
  revision: number;
  author: string;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

function toComment(r: {
  id: number;
  manifesto_id: number;
  goal_number: number | null;
  parent_id: number | null;
  revision: number;
  author: string;
  body: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
}): CommentRow {
  return {
    id: r.id,
    manifestoId: r.manifesto_id,
    goalNumber: r.goal_number,
    parentId: r.parent_id,
    revision: r.revision,
    author: r.author,
    body: r.body,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

export async function insertComment(
  db: Db,
  c: Pick<CommentRow, "manifestoId" | "goalNumber" | "parentId" | "revision" | "author" | "body">,
): Promise<CommentRow> {
  const row = await db
    .insertInto("manifesto_comments")
    .values({
      manifesto_id: c.manifestoId,
      goal_number: c.goalNumber,
      parent_id: c.parentId,
      revision: c.revision,
      author: c.author,
      body: c.body,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toComment(row);
}

export async function findComment(
  db: Db,
  manifestoId: number,
  commentId: number,
): Promise<CommentRow | undefined> {
  const row = await db
    .selectFrom("manifesto_comments")
    .selectAll()
    .where("manifesto_id", "=", manifestoId)
    .where("id", "=", commentId)
    .executeTakeFirst();
  return row && toComment(row);
}

/** In the order written; the service arranges them into threads. */
export async function listComments(db: Db, manifestoId: number): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom("manifesto_comments")
    .selectAll()
    .where("manifesto_id", "=", manifestoId)
    .orderBy("id")
    .execute();
  return rows.map(toComment);
}

/** Threads not yet resolved: what a return may rest on when it brings no comment itself. */
export async function countOpenThreads(db: Db, manifestoId: number): Promise<number> {
  const row = await db
    .selectFrom("manifesto_comments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("manifesto_id", "=", manifestoId)
    .where("parent_id", "is", null)
    .where("resolved_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markCommentResolved(
  db: Db,
  commentId: number,
  by: string,
): Promise<CommentRow> {
  const row = await db
    .updateTable("manifesto_comments")
    .set({ resolved_at: new Date(), resolved_by: by })
    .where("id", "=", commentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toComment(row);
}

/** The goal numbers of the current revision (the read model), for per-goal comments. */
export async function goalNumbersOf(db: Db, manifestoId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("goals")
    .select("number")
    .where("manifesto_id", "=", manifestoId)
    .orderBy("number")
    .execute();
  return rows.map((r) => r.number);
}

export interface PublicationRow {
  revision: number;
  state: string;
  changeNote: string | null;
  publishedBy: string;
  publishedAt: Date;
}

export async function insertPublication(
  db: Db,
  p: Omit<PublicationRow, "publishedAt"> & { manifestoId: number },
): Promise<void> {
  await db
    .insertInto("manifesto_publications")
    .values({
      manifesto_id: p.manifestoId,
      revision: p.revision,
      state: p.state,
      change_note: p.changeNote,
      published_by: p.publishedBy,
    })
    .execute();
  await notifyPublicChangeOfManifesto(db, p.manifestoId);
}

export async function listPublications(db: Db, manifestoId: number): Promise<PublicationRow[]> {
  const rows = await db
    .selectFrom("manifesto_publications")
    .selectAll()
    .where("manifesto_id", "=", manifestoId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    state: r.state,
    changeNote: r.change_note,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  }));
}

/**
 * Moves a manifesto's review comments from one goal number to another (null: to the
 * manifesto as a whole), all in one statement so that swapped numbers do not collide.
 */
export async function moveGoalComments(
  db: Db,
  manifestoId: number,
  moves: ReadonlyMap<number, number | null>,
): Promise<number> {
  if (moves.size === 0) return 0;
  const from = [...moves.keys()];
  const cases = from.map((n) => sql`when ${n}::int then ${moves.get(n) ?? null}::int`);
  const result = await db
    .updateTable("manifesto_comments")
    .set({ goal_number: sql<number | null>`case goal_number ${sql.join(cases, sql` `)} end` })
    .where("manifesto_id", "=", manifestoId)
    .where("goal_number", "in", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many comments the manifesto has (the limit per manifesto, add-comment.ts). */
export async function countComments(db: Db, manifestoId: number): Promise<number> {
  const row = await db
    .selectFrom("manifesto_comments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("manifesto_id", "=", manifestoId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
