// Staff downloads: a department editor downloads their own draft as JSON, Excel and PDF (the
// files open and hold the draft's text); another department's or municipality's manifesto
// is not found; without a session nothing is served; the empty template opens.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfInfo, pdfText, squeeze, writePdf } from "../../reports/pdf/test-support.ts";
import { importManifestoXlsx } from "../../reports/xlsx/index.ts";
import { createStaffFixture, type Session, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
let editor: Session;
const DRAFT_TITLE = "下書きだけにある目標「𠮷野家」＜script＞";

beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  // Change the draft, so the downloads must come from the current draft, not a publication.
  const current = await f.app.inject({
    method: "GET",
    url: `/api/manifestos/${f.ids.A}`,
    headers: editor.headers,
  });
  const { manifesto, document } = current.json();
  expect(manifesto.state).toBe("draft");
  document.goals[0].title = DRAFT_TITLE;
  const saved = await f.app.inject({
    method: "PUT",
    url: `/api/manifestos/${f.ids.A}`,
    headers: editor.headers,
    payload: { revision: manifesto.revision, document },
  });
  expect(saved.statusCode).toBe(200);
});
afterAll(() => f?.close());

function download(id: number, format: string, s: Session | null = editor) {
  return f.app.inject({
    method: "GET",
    url: `/api/manifestos/${id}/export?format=${format}`,
    ...(s && { headers: s.headers }),
  });
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function cellTexts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      out.push(cell.text);
    });
  });
  return out;
}

const fileName = (ext: string) => encodeURIComponent(`242161-2023-総務部.${ext}`);

describe("a department editor downloads their own draft", () => {
  it("as tassei.manifesto/v1 JSON with the draft's text and the municipality's defaults", async () => {
    const r = await download(f.ids.A, "json");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="242161-2023-___.json"; filename*=UTF-8''${fileName("json")}`,
    );
    expect(r.headers["cache-control"]).toBe("no-store");
    const doc = r.json();
    expect(doc.format).toBe("tassei.manifesto/v1");
    expect(doc.department.name).toBe("総務部");
    expect(doc.goals[0].title).toBe(DRAFT_TITLE);
    expect(doc.evaluationScale.levels.length).toBeGreaterThan(0);
  });

  it("as Excel that exceljs reads back and that imports to the same draft", async () => {
    const r = await download(f.ids.A, "xlsx");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.headers["content-disposition"]).toContain(`filename*=UTF-8''${fileName("xlsx")}`);
    const wb = await workbook(r.rawPayload);
    const form = wb.getWorksheet("マニフェスト");
    expect(form).toBeDefined();
    const texts = cellTexts(form as ExcelJS.Worksheet).join("\n");
    expect(texts).toContain("総務部");
    expect(texts).toContain(DRAFT_TITLE);
    const json = (await download(f.ids.A, "json")).json();
    const back = await importManifestoXlsx(r.rawPayload);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.goals).toStrictEqual(json.goals);
  });

  it("as the official PDF (A4 landscape) holding the draft's text", async () => {
    const r = await download(f.ids.A, "pdf");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/pdf");
    expect(r.headers["content-disposition"]).toContain(`filename*=UTF-8''${fileName("pdf")}`);
    expect(r.headers["x-missing-glyphs"]).toBe("0");
    const path = writePdf(r.rawPayload, "staff-download-draft.pdf");
    const info = pdfInfo(path);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(info.width).toBeGreaterThan(info.height);
    const text = squeeze(pdfText(path));
    expect(text).toContain(squeeze(DRAFT_TITLE));
    expect(text).toContain("総務部");
  });
});

describe("what the caller may not read is not found", () => {
  it("another department's manifesto: 404 in every format", async () => {
    for (const format of ["json", "xlsx", "pdf"]) {
      const r = await download(f.ids.B, format);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe("not_found");
    }
  });

  it("another municipality's manifesto: 404, even for its own municipality's administrator", async () => {
    expect((await download(f.ids.M2, "pdf")).statusCode).toBe(404);
    const admin = await f.signIn("admin");
    expect((await download(f.ids.M2, "json", admin)).statusCode).toBe(404);
    expect((await download(f.ids.A, "json", admin)).statusCode).toBe(200);
    const otherAdmin = await f.signIn("otherAdmin");
    expect((await download(f.ids.M2, "json", otherAdmin)).statusCode).toBe(200);
  });

  it("a manifesto id that does not exist: 404", async () => {
    expect((await download(999_999, "json")).statusCode).toBe(404);
  });

  it("without a session: 401 for the export and the template", async () => {
    const r = await download(f.ids.A, "json", null);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe("unauthenticated");
    const t = await f.app.inject({ method: "GET", url: "/api/template.xlsx" });
    expect(t.statusCode).toBe(401);
  });
});

describe("every role × every place, as GET /api/manifestos/:id answers", () => {
  // M1 department A is the department roles' own; B is M1's other department.
  const SEES: Record<string, ("A" | "B" | "M2")[]> = {
    viewer: ["A", "B"],
    editor: ["A"],
    head: ["A"],
    planning: ["A", "B"],
    admin: ["A", "B"],
    installation: ["A", "B", "M2"],
    otherAdmin: ["M2"],
  };
  for (const [who, sees] of Object.entries(SEES)) {
    it(`${who}: 200 for ${sees.join(", ")}, 404 elsewhere, in step with the read`, async () => {
      const s = await f.signIn(who);
      for (const place of ["A", "B", "M2"] as const) {
        const expected = sees.includes(place) ? 200 : 404;
        const read = await f.app.inject({
          method: "GET",
          url: `/api/manifestos/${f.ids[place]}`,
          headers: s.headers,
        });
        expect(read.statusCode, `read ${place}`).toBe(expected);
        expect((await download(f.ids[place], "json", s)).statusCode, `export ${place}`).toBe(
          expected,
        );
      }
    });
  }
});

describe("bad requests name the field", () => {
  it("an unknown or missing format: 400 on format", async () => {
    for (const q of ["?format=docx", ""]) {
      const r = await f.app.inject({
        method: "GET",
        url: `/api/manifestos/${f.ids.A}/export${q}`,
        headers: editor.headers,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields).toHaveProperty("format");
    }
  });

  it("an id that is not one: 400 on id", async () => {
    const r = await download(Number.NaN, "json");
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("id");
  });
});

describe("the empty Excel template", () => {
  it("downloads for any signed-in user, opens, and imports as an empty template would", async () => {
    const viewer = await f.signIn("viewer");
    const r = await f.app.inject({
      method: "GET",
      url: "/api/template.xlsx",
      headers: viewer.headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("マニフェスト入力様式.xlsx")}`,
    );
    const wb = await workbook(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["基本情報", "目標", "達成目標"]),
    );
    // Empty: importing it refuses the missing required fields rather than crashing.
    const back = await importManifestoXlsx(r.rawPayload);
    expect(back.ok).toBe(false);
  });
});
