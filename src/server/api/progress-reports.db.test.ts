// The mid-year progress report through the staff API (issue 14 items 5 and 6): the
// department's editor writes and submits it, planning acknowledges it, every save is kept as
// a revision with its audit event, and everyone else is refused (other departments, other
// municipalities, viewers). Planning's overview marks stale and behind goals and says when
// the report is due or late. The Excel template's 中間報告 sheet imports into the same place.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importManifesto } from "../../services/import-manifesto.ts";
import { updateMunicipality } from "../../services/update-municipality-settings.ts";
import { createUser } from "../../services/users/create-user.ts";
import { visibleText } from "../portal/test-app.ts";
import { XLSX_CONTENT_TYPE } from "./manifestos.ts";
import {
  createStaffFixture,
  documentFor,
  M1,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const s = {} as Record<
  "editor" | "head" | "planning" | "viewer" | "otherAdmin" | "installation" | "editorB",
  Session
>;
beforeAll(async () => {
  f = await createStaffFixture();
  await createUser(f.db.ctx, {
    username: "editorB",
    password: PASSWORD,
    role: "department_editor",
    municipalityCode: M1,
    department: "企画部",
  });
  for (const name of Object.keys(s).concat([
    "editor",
    "head",
    "planning",
    "viewer",
    "otherAdmin",
    "installation",
    "editorB",
  ])) {
    s[name as keyof typeof s] = await f.signIn(name);
  }
});
afterAll(() => f?.close());

const url = () => `/api/manifestos/${f.ids.A}/progress`;
const entry = (over: Record<string, unknown> = {}) => ({
  goal: 1,
  asOf: "2023-09-30",
  status: "順調",
  note: "計画どおり",
  values: [{ target: 0, actual: 52 }],
  ...over,
});

async function auditActions(): Promise<string[]> {
  const rows = await f.db.ctx.db
    .selectFrom("audit_events")
    .select("action")
    .where("manifesto_id", "=", f.ids.A)
    .where("action", "like", "progress_report.%")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

describe("writing, submitting and acknowledging a progress report", () => {
  let reportId = 0;

  it("the editor starts a report and each save is a new revision with its audit event", async () => {
    const first = await f.call(s.editor, "PUT", url(), { revision: null, entries: [entry()] });
    expect(first.statusCode).toBe(200);
    reportId = first.json().reportId;
    expect(first.json().revision).toBe(1);
    const second = await f.call(s.editor, "PUT", url(), {
      revision: 1,
      entries: [entry(), entry({ goal: 2, status: "やや遅れ", values: [] })],
    });
    expect(second.json().revision).toBe(2);
    const stale = await f.call(s.editor, "PUT", url(), { revision: 1, entries: [entry()] });
    expect(stale.statusCode).toBe(409);
    const revisions = await f.db.ctx.db
      .selectFrom("progress_report_revisions")
      .select(["revision", "entries"])
      .where("report_id", "=", reportId)
      .orderBy("revision")
      .execute();
    expect(revisions.map((r) => (r.entries as unknown[]).length)).toEqual([1, 2]);
    expect(await auditActions()).toEqual(["progress_report.saved", "progress_report.saved"]);
  });

  it("refuses entries for goals or targets the manifesto does not have, naming the field", async () => {
    const r = await f.call(s.editor, "PUT", url(), {
      revision: 2,
      entries: [entry({ goal: 99 }), entry({ goal: 5, values: [{ target: 0, actual: 1 }] })],
    });
    expect(r.statusCode).toBe(400);
    const body = r.json().error;
    expect(body.code).toBe("validation_error");
    expect(Object.keys(body.fields)).toEqual(["entries[0].goal", "entries[1].values[0].target"]);
    const bad = await f.call(s.editor, "PUT", url(), {
      revision: 2,
      entries: [entry({ asOf: "2023-02-30" })],
    });
    expect(bad.json().error.fields["entries[0].asOf"]).toMatch(/^時点: /);
  });

  it("shows the editor the report, the goals' numeric targets and what they may do", async () => {
    const r = await f.call(s.editor, "GET", url());
    expect(r.statusCode).toBe(200);
    const view = r.json();
    expect(view.reports[0]).toMatchObject({
      id: reportId,
      state: "draft",
      revision: 2,
      revisions: 2,
    });
    expect(view.goals[0].targets[0].numeric).not.toBeNull();
    expect(view.statuses.map((x: { label: string }) => x.label)).toEqual([
      "順調",
      "やや遅れ",
      "遅れ",
    ]);
    expect(view.allowed).toEqual({
      read: true,
      edit: true,
      submit: true,
      acknowledge: false,
      return: false,
      comment: true,
    });
  });

  it("refuses everyone but the department's own editors to write or submit", async () => {
    for (const who of [s.viewer, s.planning]) {
      const r = await f.call(who, "PUT", url(), { revision: 2, entries: [entry()] });
      expect(r.statusCode).toBe(403);
    }
    for (const who of [s.editorB, s.otherAdmin]) {
      expect((await f.call(who, "GET", url())).statusCode).toBe(404);
      const r = await f.call(who, "PUT", url(), { revision: 2, entries: [entry()] });
      expect(r.statusCode).toBe(404);
    }
    const early = await f.call(s.planning, "POST", `${url()}/transitions`, {
      reportId,
      action: "acknowledge",
      revision: 2,
    });
    expect(early.statusCode).toBe(409);
    const bySteward = await f.call(s.planning, "POST", `${url()}/transitions`, {
      reportId,
      action: "submit",
      revision: 2,
    });
    expect(bySteward.statusCode).toBe(403);
  });

  it("submitted, it is read-only to the department and only planning acknowledges it", async () => {
    const submit = await f.call(s.editor, "POST", `${url()}/transitions`, {
      reportId,
      action: "submit",
      revision: 2,
    });
    expect(submit.json()).toMatchObject({ state: "submitted" });
    const save = await f.call(s.editor, "PUT", url(), { revision: 2, entries: [entry()] });
    expect(save.statusCode).toBe(403);
    for (const who of [s.editor, s.head, s.viewer, s.installation]) {
      const r = await f.call(who, "POST", `${url()}/transitions`, {
        reportId,
        action: "acknowledge",
        revision: 2,
      });
      expect(r.statusCode).toBe(403);
    }
    const other = await f.call(s.otherAdmin, "POST", `${url()}/transitions`, {
      reportId,
      action: "acknowledge",
      revision: 2,
    });
    expect(other.statusCode).toBe(404);
    const ack = await f.call(s.planning, "POST", `${url()}/transitions`, {
      reportId,
      action: "acknowledge",
      revision: 2,
      comment: "確認しました。目標2の遅れに注意してください",
    });
    expect(ack.json()).toMatchObject({ state: "acknowledged" });
    const view = (await f.call(s.editor, "GET", url())).json();
    expect(view.reports[0].state).toBe("acknowledged");
    expect(view.comments.map((c: { body: string }) => c.body)).toEqual([
      "確認しました。目標2の遅れに注意してください",
    ]);
    expect(await auditActions()).toEqual([
      "progress_report.saved",
      "progress_report.saved",
      "progress_report.submitted",
      "progress_report.acknowledged",
    ]);
  });

  it("after an acknowledgment the department starts the next report", async () => {
    const next = await f.call(s.editor, "PUT", url(), {
      revision: null,
      entries: [entry({ asOf: "2023-12-31" })],
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().reportId).not.toBe(reportId);
  });
});

describe("planning's overview: latest progress, freshness, due and late", () => {
  const day = (d: string) => new Date(`${d}T03:00:00Z`).getTime();

  it("marks goals behind schedule or without recent progress, with when each was updated", async () => {
    f.clock.now = day("2023-10-15");
    const r = await f.call(s.planning, "GET", `/api/progress?municipality=${M1}&year=2023`);
    expect(r.statusCode).toBe(200);
    const a = r.json().departments.find((d: { manifestoId: number }) => d.manifestoId === f.ids.A);
    const [g1, g2, g3] = a.goals;
    expect(g1).toMatchObject({ latest: { asOf: "2023-09-30", reportState: "acknowledged" } });
    expect(g1).toMatchObject({ stale: false, behind: false });
    expect(g2).toMatchObject({ latest: { status: "やや遅れ" }, stale: false, behind: true });
    // A plan still being written owes no progress: nothing is out of date yet.
    expect(g3).toMatchObject({ latest: null, stale: false, behind: false });
    expect(Date.parse(g1.lastUpdated)).toBeGreaterThan(0);
    await f.db.ctx.db
      .updateTable("manifestos")
      .set({ state: "published" })
      .where("id", "=", f.ids.A)
      .execute();
    const published = await f.call(s.planning, "GET", `/api/progress?municipality=${M1}&year=2023`);
    const a1 = published
      .json()
      .departments.find((d: { manifestoId: number }) => d.manifestoId === f.ids.A);
    expect(a1.goals[2]).toMatchObject({ latest: null, stale: true });
    f.clock.now = day("2024-01-15");
    const later = await f.call(s.planning, "GET", `/api/progress?municipality=${M1}&year=2023`);
    const a2 = later
      .json()
      .departments.find((d: { manifestoId: number }) => d.manifestoId === f.ids.A);
    expect(a2.goals[0].stale).toBe(true);
  });

  it("says a published plan's report is due within 30 days of its day and late after it", async () => {
    await f.db.ctx.db
      .updateTable("manifestos")
      .set({ state: "published" })
      .where("id", "=", f.ids.B)
      .execute();
    const dueOf = async (d: string) => {
      f.clock.now = day(d);
      const r = await f.call(s.planning, "GET", `/api/progress?municipality=${M1}&year=2023`);
      return r.json().departments.find((x: { manifestoId: number }) => x.manifestoId === f.ids.B)
        .due;
    };
    expect(await dueOf("2023-09-15")).toBeNull();
    expect(await dueOf("2023-10-15")).toEqual({ status: "due", dueDate: "2023-10-31" });
    expect(await dueOf("2023-11-01")).toEqual({ status: "late", dueDate: "2023-10-31" });
    const view = await f.call(s.editorB, "GET", `/api/manifestos/${f.ids.B}/progress`);
    expect(view.json().due).toEqual({ status: "late", dueDate: "2023-10-31" });
  });

  it("is the planning division's: departments and other municipalities are refused", async () => {
    const q = `/api/progress?municipality=${M1}&year=2023`;
    expect((await f.call(s.editor, "GET", q)).statusCode).toBe(403);
    expect((await f.call(s.viewer, "GET", q)).statusCode).toBe(403);
    expect((await f.call(s.otherAdmin, "GET", q)).statusCode).toBe(404);
  });
});

describe("the Excel template's 中間報告 sheet", () => {
  it("imports into the department's draft report, cell values read back", async () => {
    const exported = await f.call(
      s.editorB,
      "GET",
      `/api/manifestos/${f.ids.B}/export?format=xlsx`,
    );
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("中間報告");
    if (!sheet) throw new Error("no 中間報告 sheet");
    sheet.getRow(2).values = [
      1,
      new Date(Date.UTC(2023, 8, 30)),
      "遅れ",
      "入札が不調",
      "1: 40.5\n2: 3",
    ];
    sheet.getRow(3).values = [3, "2023-09-30", "順調", "予定どおり", null];
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.B}/progress/import/xlsx`,
      headers: { ...s.editorB.headers, "content-type": XLSX_CONTENT_TYPE },
      payload: bytes,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ revision: 1, goals: [1, 3] });
    const view = (await f.call(s.editorB, "GET", `/api/manifestos/${f.ids.B}/progress`)).json();
    expect(view.reports[0].entries).toEqual([
      {
        goal: 1,
        asOf: "2023-09-30",
        status: "遅れ",
        note: "入札が不調",
        values: [
          { target: 0, actual: 40.5 },
          { target: 1, actual: 3 },
        ],
      },
      { goal: 3, asOf: "2023-09-30", status: "順調", note: "予定どおり" },
    ]);
    const refused = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.B}/progress/import/xlsx`,
      headers: { ...s.viewer.headers, "content-type": XLSX_CONTENT_TYPE },
      payload: bytes,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("the portal", () => {
  it("shows a published manifesto's acknowledged progress, not a draft's or a submission's", async () => {
    const doc = documentFor("A");
    doc.fiscalYear = 2022;
    for (const g of doc.goals as Record<string, unknown>[]) delete g.evaluation;
    const { manifestoId } = await importManifesto(f.db.ctx, doc, { published: true });
    const at = `/api/manifestos/${manifestoId}/progress`;
    const page = async () => {
      const r = await f.app.inject({
        method: "GET",
        url: `/${M1}/2022/${encodeURIComponent("総務部")}`,
      });
      expect(r.statusCode).toBe(200);
      return visibleText(r.body);
    };
    const saved = await f.call(s.editor, "PUT", at, {
      revision: null,
      entries: [entry({ asOf: "2022-09-30", note: "公表前の所見" })],
    });
    const reportId = saved.json().reportId;
    await f.call(s.editor, "POST", `${at}/transitions`, {
      reportId,
      action: "submit",
      revision: 1,
    });
    expect(await page()).not.toContain("公表前の所見");
    await f.call(s.planning, "POST", `${at}/transitions`, {
      reportId,
      action: "acknowledge",
      revision: 1,
    });
    const text = await page();
    expect(text).toContain("中間報告");
    expect(text).toContain("2022年9月30日時点 順調");
    expect(text).toContain("公表前の所見");
  });
});

describe("returning a report and commenting on it", () => {
  it("planning returns a submission to the draft with a comment; the department answers and saves again", async () => {
    const at = `/api/manifestos/${f.ids.B}/progress`;
    const before = (await f.call(s.editorB, "GET", at)).json().reports[0];
    const submitted = await f.call(s.editorB, "POST", `${at}/transitions`, {
      reportId: before.id,
      action: "submit",
      revision: before.revision,
    });
    expect(submitted.json().state).toBe("submitted");
    const returned = await f.call(s.planning, "POST", `${at}/transitions`, {
      reportId: before.id,
      action: "return",
      revision: before.revision,
      comment: "目標1の実績値の単位を確認してください",
    });
    expect(returned.json().state).toBe("draft");
    const answer = await f.call(s.editorB, "POST", `${at}/comments`, {
      reportId: before.id,
      body: "確認して直しました",
    });
    expect(answer.statusCode).toBe(201);
    const byViewer = await f.call(s.viewer, "POST", `${at}/comments`, {
      reportId: before.id,
      body: "閲覧者のコメント",
    });
    expect(byViewer.statusCode).toBe(403);
    const view = (await f.call(s.editorB, "GET", at)).json();
    expect(view.comments.map((c: { body: string }) => c.body)).toEqual([
      "目標1の実績値の単位を確認してください",
      "確認して直しました",
    ]);
    const saved = await f.call(s.editorB, "PUT", at, {
      revision: before.revision,
      entries: before.entries,
    });
    expect(saved.json().revision).toBe(before.revision + 1);
  });
});

describe("the municipality's own status words and due day", () => {
  it("are a municipality setting the form offers and the marks and due day follow", async () => {
    await expect(
      updateMunicipality(f.db.ctx, { code: M1, progressSettings: { statuses: [] } }),
    ).rejects.toMatchObject({ code: "validation_error" });
    await updateMunicipality(f.db.ctx, {
      code: M1,
      progressSettings: {
        statuses: [
          { label: "順調", behind: false },
          { label: "強化要", behind: true },
          { label: "困難", behind: true },
        ],
        dueMonthDay: "11-30",
      },
    });
    const view = (await f.call(s.editorB, "GET", `/api/manifestos/${f.ids.B}/progress`)).json();
    expect(view.statuses.map((x: { label: string }) => x.label)).toEqual([
      "順調",
      "強化要",
      "困難",
    ]);
    f.clock.now = new Date("2023-11-15T03:00:00Z").getTime();
    const r = await f.call(s.planning, "GET", `/api/progress?municipality=${M1}&year=2023`);
    const b = r.json().departments.find((d: { manifestoId: number }) => d.manifestoId === f.ids.B);
    expect(b.due).toEqual({ status: "due", dueDate: "2023-11-30" });
  });
});

describe("two first saves at once", () => {
  it("start one report: the second is told to reload, nothing fails", async () => {
    const doc = documentFor("A");
    doc.fiscalYear = 2021;
    const { manifestoId } = await importManifesto(f.db.ctx, doc);
    const at = `/api/manifestos/${manifestoId}/progress`;
    const both = await Promise.all([
      f.call(s.editor, "PUT", at, { revision: null, entries: [entry({ asOf: "2021-09-30" })] }),
      f.call(s.head, "PUT", at, { revision: null, entries: [entry({ asOf: "2021-10-01" })] }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await f.db.ctx.db
      .selectFrom("progress_reports")
      .select("id")
      .where("manifesto_id", "=", manifestoId)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
