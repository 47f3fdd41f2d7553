// 取り込み of an Excel template through the staff API: the workbook (also one saved by
// another tool) is read into the document the page shows for a check; problems are named by
// sheet and cell; nothing is written until the document is sent to the import.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../test/support/fixtures.ts";
import { XLSX_CONTENT_TYPE } from "./manifestos.ts";
import { createStaffFixture, type Session, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
let editor: Session;
let viewer: Session;

beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  viewer = await f.signIn("viewer");
});
afterAll(() => f?.close());

const fixture = (name: string) =>
  fs.readFileSync(path.join(PROJECT_ROOT, "test/fixtures/xlsx", name));

function send(s: Session, payload: Buffer | string, type = XLSX_CONTENT_TYPE) {
  return f.app.inject({
    method: "POST",
    url: "/api/manifestos/import/xlsx",
    headers: { ...s.headers, "content-type": type },
    payload,
  });
}

async function revisionOfA(): Promise<number> {
  const r = await f.app.inject({
    method: "GET",
    url: `/api/manifestos/${f.ids.A}`,
    headers: editor.headers,
  });
  return (r.json() as { manifesto: { revision: number } }).manifesto.revision;
}

describe("POST /api/manifestos/import/xlsx", () => {
  it("reads a template saved by openpyxl into the document, writing nothing", async () => {
    const before = await revisionOfA();
    const r = await send(editor, fixture("openpyxl-resaved.xlsx"));
    expect(r.statusCode).toBe(200);
    const { document } = r.json() as { document: { department: { name: string }; goals: [] } };
    expect(document.department.name).toBe("総務部");
    expect(document.goals).toHaveLength(6);
    expect(await revisionOfA()).toBe(before);
    // The page then sends the document to the import, as for a JSON file.
    const imported = await f.app.inject({
      method: "POST",
      url: "/api/manifestos/import",
      headers: editor.headers,
      payload: document,
    });
    expect(imported.statusCode).toBe(200);
    expect(await revisionOfA()).toBe(before + 1);
  });

  it("names the sheet and cell of every problem, in Japanese", async () => {
    const r = await send(editor, fixture("libreoffice-mistakes.xlsx"));
    expect(r.statusCode).toBe(400);
    const { error } = r.json() as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe("validation_error");
    expect(Object.keys(error.fields)).toEqual([
      "シート「達成目標」セルG2",
      "シート「達成目標」セルA3",
    ]);
  });

  it("refuses what is not a workbook with one Japanese problem, and other content types", async () => {
    const r = await send(editor, Buffer.from("PK not really"));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.$).toContain("Excel ファイル（.xlsx）として読み込めません");
    const text = await send(editor, "x", "text/plain");
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields.$).toContain("Excel ファイル");
  });

  it("is not for viewers", async () => {
    expect((await send(viewer, fixture("openpyxl-resaved.xlsx"))).statusCode).toBe(403);
  });
});
