// Revisions as the history reads them (a page at a time, with the changes stored when each
// was written) and the working revision an autosave may replace (migration 0012).
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface WorkingRevision {
  revision: number;
  saves: number;
  createdAt: Date;
}

/**
 * The revision `revision` of the manifesto if it is `actor`'s own working revision: saved
 * from the staff app by them, begun less than `windowMs` ago (by the database's clock), and
 * not referenced by anything that must keep it (a move, a publication, a comment).
 */
export async function findWorkingRevision(
  db: Db,
  manifestoId: number,
  revision: number,
  actor: string,
  windowMs: number,
): Promise<WorkingRevision | undefined> {
  const row = await db
    .selectFrom("manifesto_revisions as r")
    .select(["r.revision", "r.saves", "r.created_at"])
    .where("r.manifesto_id", "=", manifestoId)
    .where("r.revision", "=", revision)
    .where("r.created_by", "=", actor)
    .where("r.source", "=", "api")
    .where("r.created_at", ">", sql<Date>`now() - make_interval(secs => ${windowMs / 1000})`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("manifesto_transitions as t")
            .select("t.revision")
            .whereRef("t.manifesto_id", "=", "r.manifesto_id")
            .whereRef("t.revision", "=", "r.revision")
            .union(
              selectFrom("manifesto_publications as p")
                .select("p.revision")
                .whereRef("p.manifesto_id", "=", "r.manifesto_id")
                .whereRef("p.revision", "=", "r.revision"),
            )
            .union(
              selectFrom("manifesto_comments as c")
                .select("c.revision")
                .whereRef("c.manifesto_id", "=", "r.manifesto_id")
                .whereRef("c.revision", "=", "r.revision"),
            ),
        ),
      ),
    )
    .executeTakeFirst();
  return row && { revision: row.revision, saves: row.saves, createdAt: new Date(row.created_at) };
}

export async function deleteRevision(db: Db, manifestoId: number, revision: number) {
  await db
    .deleteFrom("manifesto_revisions")
    .where("manifesto_id", "=", manifestoId)
    .where("revision", "=", revision)
    .execute();
}

/** The document of the latest revision before `revision` (numbers may have gaps). */
export async function documentBefore(
  db: Db,
  manifestoId: number,
  revision: number,
): Promise<unknown | undefined> {
  const row = await db
    .selectFrom("manifesto_revisions")
    .select("document")
    .where("manifesto_id", "=", manifestoId)
    .where("revision", "<", revision)
    .orderBy("revision", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.document;
}

export interface RevisionPageRow {
  revision: number;
  source: string;
  note: string | null;
  created_by: string;
  created_at: Date;
  saves: number;
  last_saved_at: Date | null;
  changes: unknown | null;
}

/** Up to `limit` revisions before `before` (all when null), newest first; no documents. */
export async function listRevisionPage(
  db: Db,
  manifestoId: number,
  before: number | null,
  limit: number,
): Promise<RevisionPageRow[]> {
  let q = db
    .selectFrom("manifesto_revisions")
    .select([
      "revision",
      "source",
      "note",
      "created_by",
      "created_at",
      "saves",
      "last_saved_at",
      "changes",
    ])
    .where("manifesto_id", "=", manifestoId);
  if (before !== null) q = q.where("revision", "<", before);
  const rows = await q.orderBy("revision", "desc").limit(limit).execute();
  return rows as RevisionPageRow[];
}

export async function revisionDocument(db: Db, manifestoId: number, revision: number) {
  const row = await db
    .selectFrom("manifesto_revisions")
    .select("document")
    .where("manifesto_id", "=", manifestoId)
    .where("revision", "=", revision)
    .executeTakeFirst();
  return row?.document;
}

/**
 * The document of `revision` and of the latest revision before it, in one read: a save
 * needs the first (comments, the read model it replaces) and, when it replaces a working
 * revision, the second (what the history diffs against).
 */
export async function documentAndPrevious(
  db: Db,
  manifestoId: number,
  revision: number,
): Promise<{ current: unknown | undefined; previous: unknown | undefined }> {
  const rows = await db
    .selectFrom("manifesto_revisions")
    .select(["revision", "document"])
    .where("manifesto_id", "=", manifestoId)
    .where("revision", "<=", revision)
    .orderBy("revision", "desc")
    .limit(2)
    .execute();
  const current = rows[0]?.revision === revision ? rows[0] : undefined;
  const previous = current ? rows[1] : rows[0];
  return { current: current?.document, previous: previous?.document };
}
