// The booklet job through the staff API: the planning division asks for a municipality-year,
// gets 202 and a job id, polls the progress to done, and downloads one PDF holding every
// department's manifesto. Also who may ask (403/404), bad input (400 naming the field), a job
// left behind by a stopped process (failed when read), reuse of a running job, pruning.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { findBookletJob, insertBookletJob } from "../../db/repositories/booklet-jobs.ts";
import { pdfInfo, pdfText, squeeze, writePdf } from "../../reports/pdf/test-support.ts";
import { runBookletJob } from "../../services/booklets/run-booklet-job.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { createStaffFixture, M1, M2, type Session, type StaffFixture } from "./staff-test-setup.ts";

const YEAR = 2024;
const DEPARTMENTS = ["総務部", "企画部", "健康福祉部", "建設部", "教育委員会事務局"];
const titleOf = (department: string) => `${department}の冊子確認用の目標`;

let f: StaffFixture;
let planning: Session;

beforeAll(async () => {
  f = await createStaffFixture();
  for (const name of DEPARTMENTS) {
    const doc = demoDocument();
    doc.fiscalYear = YEAR;
    doc.department = { ...(doc.department as object), name };
    (doc.goals[0] as { title: string }).title = titleOf(name);
    await importManifesto(f.db.ctx, doc, { published: true });
  }
  // Fiscal 2022: one published manifesto, for the tests that do not need the whole booklet.
  const old = demoDocument();
  old.fiscalYear = 2022;
  await importManifesto(f.db.ctx, old, { published: true });
  planning = await f.signIn("planning");
  // Every change of a job's row, as the database saw it: the progress a poll from any
  // process could have read, without depending on when the polls happen to come.
  const db = f.db.handle.db;
  await sql`create table test_booklet_trace (job_id integer, status text, done integer, total integer)`.execute(
    db,
  );
  await sql`
    create function test_booklet_trace() returns trigger language plpgsql as $$
    begin
      insert into test_booklet_trace values (new.id, new.status, new.done, new.total);
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger test_booklet_trace after update on booklet_jobs
    for each row execute function test_booklet_trace()
  `.execute(db);
});
afterAll(() => f?.close());

function post(s: Session | null, payload: unknown) {
  return f.app.inject({
    method: "POST",
    url: "/api/booklets",
    ...(s && { headers: s.headers }),
    payload: payload as Record<string, unknown>,
  });
}
const getJob = (s: Session, id: number) =>
  f.app.inject({ method: "GET", url: `/api/booklets/${id}`, headers: s.headers });

interface JobView {
  status: string;
  done: number;
  total: number | null;
  error: { code: string; message: string } | null;
  fileUrl: string | null;
}

/** Polls until the job leaves queued/running; every view seen, in order. */
async function waitForJob(s: Session, id: number): Promise<JobView[]> {
  const seen: JobView[] = [];
  for (let i = 0; i < 2400; i++) {
    const r = await getJob(s, id);
    expect(r.statusCode).toBe(200);
    const view = r.json() as JobView;
    seen.push(view);
    if (view.status === "done" || view.status === "failed") return seen;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`booklet job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}

describe("the planning division builds a booklet", () => {
  it("202 with a job id, progress up to the total, then the PDF of every department", async () => {
    const r = await post(planning, { municipality: M1, year: YEAR });
    expect(r.statusCode).toBe(202);
    const { id, reused } = r.json();
    expect(Number.isInteger(id)).toBe(true);
    expect(reused).toBe(false);

    const seen = await waitForJob(planning, id);
    const last = seen.at(-1) as JobView;
    expect(last).toMatchObject({ status: "done", done: DEPARTMENTS.length, error: null });
    expect(last.total).toBe(DEPARTMENTS.length);
    expect(last.fileUrl).toBe(`/api/booklets/${id}/file`);
    const done = seen.map((v) => v.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const trace = await sql<{ status: string; done: number; total: number | null }>`
      select status, done, total from test_booklet_trace where job_id = ${id}
    `.execute(f.db.handle.db);
    const n = DEPARTMENTS.length;
    expect(trace.rows.map((t) => `${t.status} ${t.done}/${t.total}`)).toEqual([
      "running 0/null",
      ...Array.from({ length: n + 1 }, (_, i) => `running ${i}/${n}`),
      `done ${n}/${n}`,
    ]);

    const file = await f.app.inject({
      method: "GET",
      url: last.fileUrl ?? "",
      headers: planning.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${M1}-${YEAR}-冊子.pdf`)}`,
    );
    const path = writePdf(file.rawPayload, "staff-booklet.pdf");
    expect(pdfInfo(path).pages).toBeGreaterThan(DEPARTMENTS.length);
    const text = squeeze(pdfText(path));
    for (const name of DEPARTMENTS) {
      expect(text).toContain(name);
      expect(text).toContain(squeeze(titleOf(name)));
    }

    const audit = await f.db.handle.db
      .selectFrom("audit_events")
      .select(["actor", "municipality_code", "detail"])
      .where("action", "=", "booklet.requested")
      .execute();
    expect(audit).toContainEqual({
      actor: expect.stringMatching(/^user:\d+$/),
      municipality_code: M1,
      detail: { jobId: id, fiscalYear: YEAR, reused: false },
    });
  });

  it("an installation administrator may build one too; staff of the municipality may watch it", async () => {
    const installation = await f.signIn("installation");
    const r = await post(installation, { municipality: M1, year: 2022 });
    expect(r.statusCode).toBe(202);
    const { id } = r.json();
    expect((await waitForJob(installation, id)).at(-1)?.status).toBe("done");
    const editor = await f.signIn("editor");
    const seen = await getJob(editor, id);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowed).toEqual({ read: true, build: false });
    const otherAdmin = await f.signIn("otherAdmin");
    expect((await getJob(otherAdmin, id)).statusCode).toBe(404);
    const file = await f.app.inject({
      method: "GET",
      url: `/api/booklets/${id}/file`,
      headers: otherAdmin.headers,
    });
    expect(file.statusCode).toBe(404);
  });
});

describe("who may ask", () => {
  it("a department editor, a head and a viewer of the municipality: 403", async () => {
    for (const name of ["editor", "head", "viewer"]) {
      const r = await post(await f.signIn(name), { municipality: M1, year: YEAR });
      expect(r.statusCode, name).toBe(403);
      expect(r.json().error.code).toBe("forbidden");
    }
  });

  it("another municipality's administrator: 404; an unknown municipality: 404", async () => {
    const otherAdmin = await f.signIn("otherAdmin");
    expect((await post(otherAdmin, { municipality: M1, year: YEAR })).statusCode).toBe(404);
    const installation = await f.signIn("installation");
    const unknown = await post(installation, { municipality: "011002", year: YEAR });
    expect(unknown.statusCode).toBe(404);
  });

  it("without a session: 401; without the CSRF token: 403", async () => {
    expect((await post(null, { municipality: M1, year: YEAR })).statusCode).toBe(401);
    const r = await f.app.inject({
      method: "POST",
      url: "/api/booklets",
      headers: { cookie: planning.cookie },
      payload: { municipality: M1, year: YEAR },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe("bad input: 400 naming the field", () => {
  const cases: [string, unknown, string][] = [
    ["a year out of range", { municipality: M1, year: 1800 }, "year"],
    ["a year as text", { municipality: M1, year: "2024" }, "year"],
    ["a fractional year", { municipality: M1, year: 2024.5 }, "year"],
    ["no year", { municipality: M1 }, "year"],
    ["a year with nothing published (drafts only)", { municipality: M1, year: 2023 }, "year"],
    ["a wrong check digit", { municipality: "242162", year: YEAR }, "municipality"],
  ];
  for (const [what, payload, field] of cases) {
    it(`${what} → 400 on ${field}`, async () => {
      const r = await post(planning, payload);
      expect(r.statusCode).toBe(400);
      const error = r.json().error;
      expect(error.code).toBe("validation_error");
      expect(Object.keys(error.fields)).toContain(field);
    });
  }

  it("an unknown key: 400 naming it (parseInput keys unknown keys under $)", async () => {
    const r = await post(planning, { municipality: M1, year: YEAR, drafts: true });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.$).toContain("drafts");
  });

  it("a job id that is not one: 400; one that does not exist: 404", async () => {
    expect((await getJob(planning, Number.NaN)).statusCode).toBe(400);
    expect((await getJob(planning, 999_999)).statusCode).toBe(404);
  });
});

describe("jobs that do not run here", () => {
  it("a job whose process stopped is marked failed ('abandoned') when read after the timeout", async () => {
    const id = await insertBookletJob(f.db.handle.db, {
      municipalityCode: M2,
      fiscalYear: 2023,
      requestedBy: "user:0",
    });
    const fresh = await getJob(planning, id);
    expect(fresh.statusCode).toBe(404); // planning of M1 does not see M2's jobs
    const otherAdmin = await f.signIn("otherAdmin");
    expect((await getJob(otherAdmin, id)).json().status).toBe("queued");
    const early = await f.app.inject({
      method: "GET",
      url: `/api/booklets/${id}/file`,
      headers: otherAdmin.headers,
    });
    expect(early.statusCode).toBe(409);

    await f.db.handle.db
      .updateTable("booklet_jobs")
      .set({ status: "running", heartbeat_at: sql`now() - interval '1 hour'` })
      .where("id", "=", id)
      .execute();
    const stale = (await getJob(otherAdmin, id)).json();
    expect(stale.status).toBe("failed");
    expect(stale.error.code).toBe("abandoned");
    expect(stale.error.message).toMatch(/もう一度/);
  });

  it("a request while the same booklet is queued returns that job (reused), audited", async () => {
    const id = await insertBookletJob(f.db.handle.db, {
      municipalityCode: M1,
      fiscalYear: 2022,
      requestedBy: "user:0",
    });
    const r = await post(planning, { municipality: M1, year: 2022 });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ id, reused: true });
    const audit = await f.db.handle.db
      .selectFrom("audit_events")
      .select("detail")
      .where("action", "=", "booklet.requested")
      .execute();
    expect(audit.map((a) => a.detail)).toContainEqual({
      jobId: id,
      fiscalYear: 2022,
      reused: true,
    });
    // Let it run here, so it does not stay queued for the tests below.
    expect(await runBookletJob(f.db.ctx, id)).toBe("done");
  });

  it("a job with nothing to print fails with the reason; finished jobs beyond `keep` are pruned", async () => {
    const db = f.db.handle.db;
    const empty = await insertBookletJob(db, {
      municipalityCode: M1,
      fiscalYear: 2030,
      requestedBy: "t",
    });
    expect(await runBookletJob(f.db.ctx, empty)).toBe("failed");
    expect(await findBookletJob(db, empty, null)).toMatchObject({
      status: "failed",
      errorCode: "not_found",
    });

    const first = await insertBookletJob(db, {
      municipalityCode: M1,
      fiscalYear: 2022,
      requestedBy: "t",
    });
    expect(await runBookletJob(f.db.ctx, first, { keep: 2 })).toBe("done");
    const second = await insertBookletJob(db, {
      municipalityCode: M1,
      fiscalYear: 2022,
      requestedBy: "t",
    });
    expect(await runBookletJob(f.db.ctx, second, { keep: 1 })).toBe("done");
    expect(await findBookletJob(db, first, null)).toBeUndefined();
    expect(await findBookletJob(db, second, null)).toMatchObject({
      status: "done",
      done: 1,
      total: 1,
    });
    // Another year's jobs are not touched.
    expect(await findBookletJob(db, empty, null)).toBeDefined();
    // A job already taken is not run twice.
    expect(await runBookletJob(f.db.ctx, second)).toBe("skipped");
  });
});
