// The planning division's routes: phase deadlines, the overview of a fiscal year, and
// opening the next year from last year's manifestos — their results, their audit trail,
// their idempotence, and that a department sees only its own row.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { assessManifestos } from "../../services/assess-manifestos.ts";
import { createStaffFixture, M1, M2, type Session, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
const s: Record<"planning" | "editor" | "installation" | "viewer", Session> = {} as never;

beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of ["planning", "editor", "installation", "viewer"] as const) {
    s[who] = await f.signIn(who);
  }
});
afterAll(() => f?.close());

const call: StaffFixture["call"] = (...args) => f.call(...args);

async function audit(action: string) {
  return f.db.ctx.db
    .selectFrom("audit_events")
    .select(["actor", "manifesto_id", "municipality_code", "detail"])
    .where("action", "=", action)
    .orderBy("id")
    .execute();
}

const userId = (username: string) => f.userId(username);

async function manifestoCount(municipalityCode: string, fiscalYear: number): Promise<number> {
  const rows = await f.db.ctx.db
    .selectFrom("manifestos")
    .select("id")
    .where("municipality_code", "=", municipalityCode)
    .where("fiscal_year", "=", fiscalYear)
    .execute();
  return rows.length;
}

const deadline = (year: number, phase: string, dueDate: string | null) => ({
  year,
  phase,
  dueDate,
});

describe("deadlines", () => {
  it("are unset at first; planning may set them, a department may only read them", async () => {
    const r = await call(s.planning, "GET", "/api/deadlines?year=2023");
    expect(r.json()).toMatchObject({
      municipalityCode: M1,
      fiscalYear: 2023,
      deadlines: [
        { phase: "plan", dueDate: null },
        { phase: "evaluation", dueDate: null },
      ],
      allowed: { read: true, open: true, setDeadlines: true },
    });
    const editor = await call(s.editor, "GET", "/api/deadlines?year=2023");
    expect(editor.json().allowed).toEqual({ read: true, open: false, setDeadlines: false });
  });

  it("are set, moved and cleared, each change with its audit event", async () => {
    const before = (await audit("deadline.set")).length;
    const set = await call(
      s.planning,
      "PUT",
      "/api/deadlines",
      deadline(2023, "plan", "2023-05-31"),
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      municipalityCode: M1,
      fiscalYear: 2023,
      phase: "plan",
      dueDate: "2023-05-31",
    });
    // The same date again changes nothing and records nothing.
    await call(s.planning, "PUT", "/api/deadlines", deadline(2023, "plan", "2023-05-31"));
    await call(s.planning, "PUT", "/api/deadlines", deadline(2024, "evaluation", "2025-01-01"));
    const events = await audit("deadline.set");
    expect(events).toHaveLength(before + 2);
    expect(events.at(-2)).toMatchObject({
      actor: `user:${await userId("planning")}`,
      municipality_code: M1,
      detail: { fiscalYear: 2023, phase: "plan", from: null, to: "2023-05-31" },
    });
    // A date is a calendar day on both backends: no shift by a time zone.
    const listed = (await call(s.viewer, "GET", "/api/deadlines?year=2024")).json();
    expect(listed.deadlines[1]).toMatchObject({ phase: "evaluation", dueDate: "2025-01-01" });
    const cleared = await call(
      s.planning,
      "PUT",
      "/api/deadlines",
      deadline(2024, "evaluation", null),
    );
    expect(cleared.json().dueDate).toBeNull();
    expect(
      (await call(s.viewer, "GET", "/api/deadlines?year=2024")).json().deadlines[1].dueDate,
    ).toBeNull();
    expect(await audit("deadline.cleared")).toHaveLength(1);
  });

  it("name each refused field", async () => {
    const cases: [unknown, string][] = [
      [deadline(2023, "plan", "2023-02-30"), "dueDate"],
      [deadline(2023, "plan", "31/05/2023"), "dueDate"],
      [deadline(2023, "results", "2023-05-31"), "phase"],
      [deadline(1900, "plan", "2023-05-31"), "year"],
      [{ ...deadline(2023, "plan", "2023-05-31"), municipality: "242162" }, "municipality"],
    ];
    for (const [payload, field] of cases) {
      const r = await call(s.planning, "PUT", "/api/deadlines", payload);
      expect([r.statusCode, Object.keys(r.json().error.fields)]).toEqual([400, [field]]);
    }
  });

  it("need the municipality named by the installation administrator", async () => {
    const r = await call(s.installation, "GET", "/api/deadlines?year=2023");
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("municipality");
  });
});

describe("the overview of a fiscal year", () => {
  beforeAll(async () => {
    // 1 June 2023, 00:30 in Tokyo (still 31 May in UTC): the plan's due day has passed.
    f.clock.now = Date.parse("2023-06-01T00:30:00+09:00");
    await f.db.ctx.db
      .updateTable("manifestos")
      .set({ state: "submitted" })
      .where("id", "=", f.ids.B)
      .execute();
  });

  it("lists every department with phase, state, deadline, lateness and warnings", async () => {
    const r = await call(s.planning, "GET", "/api/overview?year=2023");
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      municipality: { code: M1, name: "伊賀市" },
      fiscalYear: 2023,
      fiscalYearLabel: "2023（令和5）年度",
      fiscalYears: [{ year: 2023, label: "2023（令和5）年度" }],
      deadlines: { plan: "2023-05-31", evaluation: null },
      today: "2023-06-01",
      allowed: { read: true, open: true, setDeadlines: true },
    });
    const assessed = await assessManifestos(f.db.ctx, { municipalityCode: M1, fiscalYear: 2023 });
    const warningsOf = (name: string) =>
      assessed.find((a) => a.department === name)?.assessment.summary.warnings;
    expect(warningsOf("総務部")).toBeGreaterThan(0);
    const rows = body.departments;
    expect(rows.map((d: { department: { name: string } }) => d.department.name).sort()).toEqual([
      "企画部",
      "総務部",
    ]);
    const a = rows.find((d: { manifesto: { id: number } }) => d.manifesto.id === f.ids.A);
    expect(a).toMatchObject({
      phase: "plan",
      state: "draft",
      stateLabel: "下書き",
      deadline: "2023-05-31",
      overdue: true,
      warnings: warningsOf("総務部"),
      lastChange: { by: "test", byName: null },
      allowed: { read: true, edit: true, publish: false },
    });
    const b = rows.find((d: { manifesto: { id: number } }) => d.manifesto.id === f.ids.B);
    expect(b).toMatchObject({ state: "submitted", stateLabel: "提出済み", overdue: false });
  });

  it("shows a department role its own department only", async () => {
    const body = (await call(s.editor, "GET", "/api/overview?year=2023")).json();
    expect(body.departments).toHaveLength(1);
    expect(body.departments[0].manifesto.id).toBe(f.ids.A);
    expect(body.allowed).toEqual({ read: true, open: false, setDeadlines: false });
  });

  it("names who changed a manifesto last", async () => {
    const current = (await call(s.editor, "GET", `/api/manifestos/${f.ids.A}`)).json();
    const saved = await call(s.editor, "PUT", `/api/manifestos/${f.ids.A}`, {
      revision: current.manifesto.revision,
      document: current.document,
    });
    expect(saved.statusCode).toBe(200);
    const row = (await call(s.planning, "GET", "/api/overview?year=2023"))
      .json()
      .departments.find((d: { manifesto: { id: number } }) => d.manifesto.id === f.ids.A);
    expect(row.lastChange).toMatchObject({
      by: `user:${await userId("editor")}`,
      byName: "editor",
      at: saved.json().updatedAt,
    });
  });

  it("defaults to the newest year, and the installation administrator names the municipality", async () => {
    expect((await call(s.planning, "GET", "/api/overview")).json().fiscalYear).toBe(2023);
    const m2 = await call(s.installation, "GET", `/api/overview?municipality=${M2}`);
    expect(m2.json().departments.map((d: { manifesto: { id: number } }) => d.manifesto.id)).toEqual(
      [f.ids.M2],
    );
    expect((await call(s.installation, "GET", "/api/overview")).statusCode).toBe(400);
  });

  it("lists last year's departments in a year not opened yet, with nothing to do on them", async () => {
    const body = (await call(s.planning, "GET", "/api/overview?year=2024")).json();
    expect(body.departments).toHaveLength(2);
    for (const row of body.departments) {
      expect(row).toMatchObject({ manifesto: null, state: null, phase: "plan", warnings: null });
      expect(Object.values(row.allowed).some(Boolean)).toBe(false);
    }
  });
});

describe("opening a fiscal year", () => {
  let opened: { departmentName: string; manifestoId: number; fromManifestoId: number }[];

  it("copies each department's manifesto as a draft of the next year", async () => {
    const r = await call(s.planning, "POST", "/api/fiscal-years", { year: 2024 });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.message).toContain("2024（令和6）年度");
    expect(body.existing).toEqual([]);
    opened = body.created;
    expect(opened.map((c) => c.fromManifestoId).sort()).toEqual([f.ids.A, f.ids.B].sort());
    expect(await manifestoCount(M1, 2024)).toBe(2);
    expect(await manifestoCount(M2, 2024)).toBe(0);
  });

  it("makes valid drafts: results and evaluations gone, last year's results as baselines", async () => {
    const fromA = opened.find((c) => c.fromManifestoId === f.ids.A);
    const r = (await call(s.editor, "GET", `/api/manifestos/${fromA?.manifestoId}`)).json();
    expect(r.manifesto).toMatchObject({ fiscalYear: 2024, state: "draft", revision: 1 });
    expect(validateManifesto(r.document).ok).toBe(true);
    expect(r.document.fiscalYear).toBe(2024);
    expect(JSON.stringify(r.document)).not.toMatch(/"(evaluation|result|progress)"/);
    expect(r.document.goals[0].targets[0].measure.baseline).toEqual({
      value: 49.4,
      fiscalYear: 2023,
    });
    const history = (
      await call(s.editor, "GET", `/api/manifestos/${fromA?.manifestoId}/history`)
    ).json();
    expect(history.revisions[0]).toMatchObject({ source: "carry_forward" });
    // The department edits its new draft as any other.
    const saved = await call(s.editor, "PUT", `/api/manifestos/${fromA?.manifestoId}`, {
      revision: 1,
      document: r.document,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it("records an audit event per draft and one for the year, in the same transaction", async () => {
    const drafts = await audit("manifesto.carried_forward");
    expect(drafts.map((e) => e.manifesto_id).sort()).toEqual(
      opened.map((c) => c.manifestoId).sort(),
    );
    expect(await audit("fiscal_year.opened")).toMatchObject([
      { municipality_code: M1, detail: { fiscalYear: 2024 } },
    ]);
  });

  it("creates nothing the second time, and says so", async () => {
    const r = await call(s.planning, "POST", "/api/fiscal-years", { year: 2024 });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.created).toEqual([]);
    expect(body.existing.map((e: { manifestoId: number }) => e.manifestoId).sort()).toEqual(
      opened.map((c) => c.manifestoId).sort(),
    );
    expect(body.message).toContain("すでに開始");
    expect(await manifestoCount(M1, 2024)).toBe(2);
    expect(await audit("fiscal_year.opened")).toHaveLength(1);
    const overview = (await call(s.planning, "GET", "/api/overview?year=2024")).json();
    expect(overview.fiscalYears.map((y: { year: number }) => y.year)).toEqual([2024, 2023]);
    expect(overview.departments.every((d: { state: string }) => d.state === "draft")).toBe(true);
  });

  it("creates each draft once when two requests race", async () => {
    const both = await Promise.all([
      call(s.installation, "POST", "/api/fiscal-years", { municipality: M2, year: 2024 }),
      call(s.installation, "POST", "/api/fiscal-years", { municipality: M2, year: 2024 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both.flatMap((r) => r.json().created)).toHaveLength(1);
    expect(await manifestoCount(M2, 2024)).toBe(1);
  });

  it("says there is nothing to copy from a year without manifestos", async () => {
    const r = await call(s.planning, "POST", "/api/fiscal-years", { year: 2030 });
    expect([r.statusCode, r.json().created]).toEqual([200, []]);
    expect(r.json().message).toContain("2029（令和11）年度");
  });

  it("writes nothing when one of last year's documents cannot be carried forward", async () => {
    const fromB = opened.find((c) => c.fromManifestoId === f.ids.B);
    // Test arrangement: a stored document this build no longer reads as valid.
    await sql`
      update manifesto_revisions set document = jsonb_set(document, '{goals}', '[]'::jsonb)
       where manifesto_id = ${fromB?.manifestoId}
    `.execute(f.db.ctx.db);
    const r = await call(s.planning, "POST", "/api/fiscal-years", { year: 2025 });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.json().error.fields).join(" ")).toContain(fromB?.departmentName);
    expect(await manifestoCount(M1, 2025)).toBe(0);
  });
});
