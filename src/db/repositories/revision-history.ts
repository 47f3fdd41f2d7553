// Revisions as the history reads them (a page at a time, with the changes stored when each
// was written) and the working revision an autosave may replace (migration 0012).
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface WorkingRevision {
  revision: number;
  saves: number;
  createdAt: Date;
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

export interface RevisionsForSave {
  current: unknown | undefined;
  previous: unknown | undefined;
  /** `current` when it is the saving actor's working revision, which the save replaces. */
  working: WorkingRevision | undefined;
}

/**
 * What a save needs of the stored revisions, in one read (each statement is a round trip,
 * or a turn of the embedded database's one connection): the document of `revision` (for
 * comments and the read model it replaces), the latest one before it (what the history
 * diffs against when the save replaces a working revision), and whether `revision` is
 * `actor`'s own working revision — saved from the staff app by them, begun less than
 * `windowMs` ago (by the database's clock), and not referenced by anything that must keep
 * it (a move, a publication, a comment).
 */
export async function revisionsForSave(
  db: Db,
  manifestoId: number,
  revision: number,
  actor: string,
  windowMs: number,
): Promise<RevisionsForSave> {
  const rows = await db
    .selectFrom("manifesto_revisions as r")
    .select(["r.revision", "r.document", "r.saves", "r.created_at"])
    .select(({ and, eb, not, exists, selectFrom }) =>
      and([
        // First: the row before it is never the working one, and skips the rest.
        eb("r.revision", "=", revision),
        eb("r.created_by", "=", actor),
        eb("r.source", "=", "api"),
        eb("r.created_at", ">", sql<Date>`now() - make_interval(secs => ${windowMs / 1000})`),
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
      ]).as("working"),
    )
    .where("r.manifesto_id", "=", manifestoId)
    .where("r.revision", "<=", revision)
    .orderBy("r.revision", "desc")
    .limit(2)
    .execute();
  const current = rows[0]?.revision === revision ? rows[0] : undefined;
  const previous = current ? rows[1] : rows[0];
  return {
    current: current?.document,
    previous: previous?.document,
    working:
      current?.working === true
        ? {
            revision: current.revision,
            saves: current.saves,
            createdAt: new Date(current.created_at),
          }
        : undefined,
  };
}
