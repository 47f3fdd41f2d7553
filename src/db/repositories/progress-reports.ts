// Mid-year progress reports (migration 0017). Callers reach a report through a manifesto
// they have already loaded in their scope (staff-manifestos.ts), so these queries take the
// manifesto's id; the municipality-wide list is scoped by municipality in SQL.
import type { Db } from "./municipalities.ts";

export interface ProgressReportRow {
  id: number;
  manifestoId: number;
  state: string;
  revision: number;
  entries: unknown;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

function reports(db: Db) {
  return db
    .selectFrom("progress_reports")
    .select([
      "id",
      "manifesto_id",
      "state",
      "current_revision",
      "entries",
      "created_at",
      "updated_at",
      "submitted_at",
      "acknowledged_at",
      "acknowledged_by",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof reports>["executeTakeFirstOrThrow"]>>;

function toReport(r: Row): ProgressReportRow {
  return {
    id: r.id,
    manifestoId: r.manifesto_id,
    state: r.state,
    revision: r.current_revision,
    entries: r.entries,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}

/** Every report of the manifesto, newest first. */
export async function listProgressReports(db: Db, manifestoId: number) {
  const rows = await reports(db)
    .where("manifesto_id", "=", manifestoId)
    .orderBy("id", "desc")
    .execute();
  return rows.map(toReport);
}

/** The report not yet acknowledged, locked until the transaction ends. */
export async function lockOpenProgressReport(db: Db, manifestoId: number) {
  const row = await reports(db)
    .where("manifesto_id", "=", manifestoId)
    .where("state", "<>", "acknowledged")
    .forUpdate()
    .executeTakeFirst();
  return row && toReport(row);
}

export async function lockProgressReport(db: Db, manifestoId: number, id: number) {
  const row = await reports(db)
    .where("manifesto_id", "=", manifestoId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row && toReport(row);
}

/** A new draft with its first revision. */
export async function insertProgressReport(
  db: Db,
  r: { manifestoId: number; entries: unknown; actor: string },
): Promise<{ id: number; revision: number; updatedAt: Date }> {
  const entries = JSON.stringify(r.entries);
  const row = await db
    .insertInto("progress_reports")
    .values({ manifesto_id: r.manifestoId, state: "draft", current_revision: 1, entries })
    .returning(["id", "updated_at"])
    .executeTakeFirstOrThrow();
  await db
    .insertInto("progress_report_revisions")
    .values({ report_id: row.id, revision: 1, entries, actor: r.actor })
    .execute();
  return { id: row.id, revision: 1, updatedAt: row.updated_at };
}

/** The draft's entries replaced; the whole report kept as the next revision. */
export async function writeProgressRevision(
  db: Db,
  r: { id: number; revision: number; entries: unknown; actor: string },
): Promise<{ revision: number; updatedAt: Date }> {
  const entries = JSON.stringify(r.entries);
  const revision = r.revision + 1;
  const row = await db
    .updateTable("progress_reports")
    .set({ entries, current_revision: revision, updated_at: new Date() })
    .where("id", "=", r.id)
    .returning("updated_at")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("progress_report_revisions")
    .values({ report_id: r.id, revision, entries, actor: r.actor })
    .execute();
  return { revision, updatedAt: row.updated_at };
}

export async function setProgressReportState(
  db: Db,
  id: number,
  state: string,
  by: string,
): Promise<Date> {
  const now = new Date();
  const row = await db
    .updateTable("progress_reports")
    .set({
      state,
      updated_at: now,
      ...(state === "submitted" && { submitted_at: now }),
      ...(state === "acknowledged" && { acknowledged_at: now, acknowledged_by: by }),
    })
    .where("id", "=", id)
    .returning("updated_at")
    .executeTakeFirstOrThrow();
  return row.updated_at;
}

export async function countProgressRevisions(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom("progress_report_revisions")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("report_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ProgressCommentRow {
  id: number;
  reportId: number;
  author: string;
  body: string;
  createdAt: Date;
}

export async function insertProgressComment(
  db: Db,
  c: { reportId: number; author: string; body: string },
): Promise<ProgressCommentRow> {
  const row = await db
    .insertInto("progress_report_comments")
    .values({ report_id: c.reportId, author: c.author, body: c.body })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
  return { id: row.id, ...c, createdAt: row.created_at };
}

export async function listProgressComments(
  db: Db,
  manifestoId: number,
): Promise<ProgressCommentRow[]> {
  const rows = await db
    .selectFrom("progress_report_comments as c")
    .innerJoin("progress_reports as r", "r.id", "c.report_id")
    .select(["c.id", "c.report_id", "c.author", "c.body", "c.created_at"])
    .where("r.manifesto_id", "=", manifestoId)
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    author: r.author,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** A municipality's year: each manifesto with its reports (newest first), for the dashboard. */
export async function listYearProgress(db: Db, municipalityCode: string, fiscalYear: number) {
  const manifestos = await db
    .selectFrom("manifestos as m")
    .innerJoin("manifesto_revisions as v", (join) =>
      join.onRef("v.manifesto_id", "=", "m.id").onRef("v.revision", "=", "m.current_revision"),
    )
    .select([
      "m.id",
      "m.department_id",
      "m.department_name",
      "m.state",
      "m.updated_at",
      "v.document",
    ])
    .where("m.municipality_code", "=", municipalityCode)
    .where("m.fiscal_year", "=", fiscalYear)
    .orderBy("m.department_name_key")
    .execute();
  const ids = manifestos.map((m) => m.id);
  const all =
    ids.length === 0
      ? []
      : (await reports(db).where("manifesto_id", "in", ids).orderBy("id", "desc").execute()).map(
          toReport,
        );
  return manifestos.map((m) => ({
    manifestoId: m.id,
    departmentId: m.department_id,
    departmentName: m.department_name,
    state: m.state,
    updatedAt: m.updated_at,
    document: m.document,
    reports: all.filter((r) => r.manifestoId === m.id),
  }));
}
