// Booklet jobs (migration 0006-booklet-jobs): the state of a booklet being built, shared by
// every app process through the database. Times come from the database clock (now()), so
// processes whose clocks disagree still agree on which heartbeat is stale.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export const BOOKLET_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type BookletJobStatus = (typeof BOOKLET_JOB_STATUSES)[number];

export interface BookletJobRow {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  requestedBy: string;
  status: BookletJobStatus;
  done: number;
  total: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Bytes of the finished PDF (0 until done). */
  size: number;
}

const ACTIVE: readonly BookletJobStatus[] = ["queued", "running"];
const FINISHED: readonly BookletJobStatus[] = ["done", "failed"];

const staleBefore = (seconds: number) => sql<Date>`now() - make_interval(secs => ${seconds})`;

export async function insertBookletJob(
  db: Db,
  job: { municipalityCode: string; fiscalYear: number; requestedBy: string },
): Promise<number> {
  const row = await db
    .insertInto("booklet_jobs")
    .values({
      municipality_code: job.municipalityCode,
      fiscal_year: job.fiscalYear,
      requested_by: job.requestedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A queued or running job of the same booklet whose process is still alive, if any. */
export async function findActiveBookletJob(
  db: Db,
  key: { municipalityCode: string; fiscalYear: number; staleAfterSeconds: number },
): Promise<number | undefined> {
  const row = await db
    .selectFrom("booklet_jobs")
    .select("id")
    .where("municipality_code", "=", key.municipalityCode)
    .where("fiscal_year", "=", key.fiscalYear)
    .where("status", "in", ACTIVE)
    .where("heartbeat_at", ">=", staleBefore(key.staleAfterSeconds))
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id;
}

/**
 * Marks the job failed ('abandoned') when it is queued or running but its heartbeat is older
 * than `staleAfterSeconds`: the process that accepted it stopped before finishing.
 */
export async function failStaleBookletJob(
  db: Db,
  id: number,
  staleAfterSeconds: number,
  message: string,
): Promise<void> {
  await db
    .updateTable("booklet_jobs")
    .set({
      status: "failed",
      error_code: "abandoned",
      error_message: message,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("status", "in", ACTIVE)
    .where("heartbeat_at", "<", staleBefore(staleAfterSeconds))
    .execute();
}

/** The job without its file; `municipalityCode` null means any municipality. */
export async function findBookletJob(
  db: Db,
  id: number,
  municipalityCode: string | null,
): Promise<BookletJobRow | undefined> {
  let q = db
    .selectFrom("booklet_jobs")
    .select([
      "id",
      "municipality_code",
      "fiscal_year",
      "requested_by",
      "status",
      "done",
      "total",
      "error_code",
      "error_message",
      "created_at",
      "started_at",
      "finished_at",
      sql<number>`coalesce(octet_length(pdf), 0)`.as("size"),
    ])
    .where("id", "=", id);
  if (municipalityCode !== null) q = q.where("municipality_code", "=", municipalityCode);
  const r = await q.executeTakeFirst();
  return (
    r && {
      id: r.id,
      municipalityCode: r.municipality_code,
      fiscalYear: r.fiscal_year,
      requestedBy: r.requested_by,
      status: r.status as BookletJobStatus,
      done: r.done,
      total: r.total,
      errorCode: r.error_code,
      errorMessage: r.error_message,
      createdAt: r.created_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      size: Number(r.size),
    }
  );
}

export async function findBookletPdf(db: Db, id: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom("booklet_jobs")
    .select("pdf")
    .where("id", "=", id)
    .where("status", "=", "done")
    .executeTakeFirst();
  // pg gives a Buffer, PGlite a Uint8Array.
  return row?.pdf ? Buffer.from(row.pdf) : undefined;
}

/** queued → running; false when another runner took it or it was given up on. */
export async function startBookletJob(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable("booklet_jobs")
    .set({ status: "running", started_at: sql`now()`, heartbeat_at: sql`now()` })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Progress and heartbeat; false when the job is no longer running (given up on). */
export async function recordBookletProgress(
  db: Db,
  id: number,
  progress: { done: number; total: number },
): Promise<boolean> {
  const r = await db
    .updateTable("booklet_jobs")
    .set({ done: progress.done, total: progress.total, heartbeat_at: sql`now()` })
    .where("id", "=", id)
    .where("status", "=", "running")
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function finishBookletJob(db: Db, id: number, pdf: Buffer): Promise<boolean> {
  const r = await db
    .updateTable("booklet_jobs")
    .set({ status: "done", pdf, heartbeat_at: sql`now()`, finished_at: sql`now()` })
    .where("id", "=", id)
    .where("status", "=", "running")
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function failBookletJob(
  db: Db,
  id: number,
  error: { code: string; message: string },
): Promise<void> {
  await db
    .updateTable("booklet_jobs")
    .set({
      status: "failed",
      error_code: error.code,
      error_message: error.message,
      heartbeat_at: sql`now()`,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("status", "in", ACTIVE)
    .execute();
}

/**
 * Deletes finished jobs (and their files) of a municipality-year beyond the newest `keep`;
 * queued and running jobs are never touched. Returns how many went.
 */
export async function pruneBookletJobs(
  db: Db,
  key: { municipalityCode: string; fiscalYear: number; keep: number },
): Promise<number> {
  const kept = db
    .selectFrom("booklet_jobs")
    .select("id")
    .where("municipality_code", "=", key.municipalityCode)
    .where("fiscal_year", "=", key.fiscalYear)
    .where("status", "in", FINISHED)
    .orderBy("id", "desc")
    .limit(key.keep);
  const r = await db
    .deleteFrom("booklet_jobs")
    .where("municipality_code", "=", key.municipalityCode)
    .where("fiscal_year", "=", key.fiscalYear)
    .where("status", "in", FINISHED)
    .where("id", "not in", kept)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
