// Acknowledged progress reports (確認済み) travel in the exported document as goals[].progress
// (FORMAT.md "Progress", oldest first): the staff JSON and Excel downloads, `tassei export`,
// the portal's manifesto.json and manifesto.xlsx. Drafts and submissions stay out; progress the document was
// imported with is kept, and a document no report touches exports exactly as imported.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_CONTENT_TYPE } from "../../server/api/manifestos.ts";
import {
  createStaffFixture,
  documentFor,
  M1,
  type Session,
  type StaffFixture,
} from "../../server/api/staff-test-setup.ts";
import { exportManifesto } from "../export-manifesto.ts";
import { importManifesto } from "../import-manifesto.ts";

let f: StaffFixture;
let editor: Session;
let planning: Session;
let id = 0;
const imported = { asOf: "2021-06-30", status: "順調", note: "取込み時の報告" };

beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  planning = await f.signIn("planning");
  const doc = documentFor("A");
  doc.fiscalYear = 2021;
  const goals = doc.goals as Record<string, unknown>[];
  for (const g of goals) delete g.evaluation;
  (goals[1] as Record<string, unknown>).progress = [imported];
  id = (await importManifesto(f.db.ctx, doc, { published: true })).manifestoId;
});
afterAll(() => f?.close());

type Goal = { progress?: unknown[] };
async function staffJson(): Promise<{ goals: Goal[] }> {
  const r = await f.call(editor, "GET", `/api/manifestos/${id}/export?format=json`);
  expect(r.statusCode).toBe(200);
  return r.json();
}
const progressOf = (doc: { goals: Goal[] }) => doc.goals.map((g) => g.progress);

describe("progress reports in the exported document", () => {
  let reportId = 0;
  let untouched = "";

  it("a document no acknowledged report covers exports with the progress it was imported with", async () => {
    const r = await f.call(editor, "GET", `/api/manifestos/${id}/export?format=json`);
    untouched = r.body;
    expect(progressOf(JSON.parse(r.body)).slice(0, 2)).toEqual([undefined, [imported]]);
  });

  it("a draft and a submitted report are not exported", async () => {
    const at = `/api/manifestos/${id}/progress`;
    const saved = await f.call(editor, "PUT", at, {
      revision: null,
      entries: [
        { goal: 1, asOf: "2021-09-30", status: "やや遅れ", values: [{ target: 0, actual: 52 }] },
        { goal: 2, asOf: "2021-09-30", status: "順調", note: "下期も継続" },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    reportId = saved.json().reportId;
    expect((await f.call(editor, "GET", `/api/manifestos/${id}/export?format=json`)).body).toBe(
      untouched,
    );
    const submit = await f.call(editor, "POST", `${at}/transitions`, {
      reportId,
      action: "submit",
      revision: 1,
    });
    expect(submit.json().state).toBe("submitted");
    expect((await f.call(editor, "GET", `/api/manifestos/${id}/export?format=json`)).body).toBe(
      untouched,
    );
  });

  it("acknowledged, its entries are the goals' progress, oldest first, in every JSON and Excel export", async () => {
    const ack = await f.call(planning, "POST", `/api/manifestos/${id}/progress/transitions`, {
      reportId,
      action: "acknowledge",
      revision: 1,
    });
    expect(ack.json().state).toBe("acknowledged");
    const expected = [
      [{ asOf: "2021-09-30", status: "やや遅れ", values: [{ target: 0, actual: 52 }] }],
      [imported, { asOf: "2021-09-30", status: "順調", note: "下期も継続" }],
    ];
    expect(progressOf(await staffJson()).slice(0, 2)).toEqual(expected);
    const cli = await exportManifesto(f.db.ctx, {
      municipalityCode: M1,
      fiscalYear: 2021,
      department: "総務部",
    });
    expect(progressOf(cli).slice(0, 2)).toEqual(expected);
    const portal = await f.app.inject({
      method: "GET",
      url: `/${M1}/2021/${encodeURIComponent("総務部")}/manifesto.json`,
    });
    expect(portal.statusCode).toBe(200);
    expect(progressOf(portal.json()).slice(0, 2)).toEqual(expected);
    // the Excel downloads fill the 中間報告 sheet from the same entries
    for (const r of [
      await f.call(editor, "GET", `/api/manifestos/${id}/export?format=xlsx`),
      await f.app.inject({
        method: "GET",
        url: `/${M1}/2021/${encodeURIComponent("総務部")}/manifesto.xlsx`,
      }),
    ]) {
      expect(r.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheet: string[] = [];
      wb.getWorksheet("中間報告")?.eachRow((row) => {
        sheet.push(JSON.stringify(row.values));
      });
      expect(sheet.join("\n")).toContain("下期も継続");
    }
    // the rest of the document is as it was
    const rest = (doc: { goals: Goal[] }) => ({
      ...doc,
      goals: doc.goals.map(({ progress: _, ...g }) => g),
    });
    expect(rest(await staffJson())).toEqual(rest(JSON.parse(untouched)));
  });

  it("the downloaded Excel lists the acknowledged rows; importing it takes only what is new", async () => {
    const exported = await f.call(editor, "GET", `/api/manifestos/${id}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("中間報告");
    if (!sheet) throw new Error("no 中間報告 sheet");
    sheet.getRow(sheet.rowCount + 1).values = [1, "2021-12-31", "順調", "年末の報告", null];
    const r = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${id}/progress/import/xlsx`,
      headers: { ...editor.headers, "content-type": XLSX_CONTENT_TYPE },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().goals).toEqual([1]);
    const view = (await f.call(editor, "GET", `/api/manifestos/${id}/progress`)).json();
    expect(view.reports[0]).toMatchObject({
      state: "draft",
      entries: [{ goal: 1, asOf: "2021-12-31", status: "順調", note: "年末の報告" }],
    });
  });
});
