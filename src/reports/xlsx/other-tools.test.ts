// Workbooks saved by other tools (test/fixtures/xlsx, made by scripts/xlsx-fixtures/make.sh
// with openpyxl and LibreOffice) import like Tassei's own; workbooks far larger than a
// template are refused before they are read whole.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { demoDocument, PROJECT_ROOT } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { exportManifestoXlsx, exportTemplateXlsx, importManifestoXlsx } from "./index.ts";
import { WORKBOOK_LIMITS } from "./workbook-package.ts";

const fixture = (name: string) =>
  fs.readFileSync(path.join(PROJECT_ROOT, "test/fixtures/xlsx", name));

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

/** The demo with the interim report the edited fixtures add to goal 1. */
function demoWithReport(): ManifestoDocument {
  const doc = demo();
  const [first] = doc.goals;
  if (!first) throw new Error("no goal");
  first.progress = [
    {
      asOf: "2023-10-01",
      status: "順調",
      note: "上半期のアンケートを実施した。",
      values: [{ target: 0, actual: 48.5 }],
    },
  ];
  return doc;
}

describe("workbooks saved by other tools", () => {
  it("reads the template saved unchanged by openpyxl (notes under xl/comments/, absolute targets, inline strings)", async () => {
    expect(await importManifestoXlsx(fixture("openpyxl-resaved.xlsx"))).toEqual({
      ok: true,
      value: demo(),
    });
  });

  it("reads the template saved unchanged by LibreOffice (its own notes and shared strings)", async () => {
    expect(await importManifestoXlsx(fixture("libreoffice-resaved.xlsx"))).toEqual({
      ok: true,
      value: demo(),
    });
  });

  it("reads an extra sheet in front, a reordered sheet, a new note, full-width digits and a date cell", async () => {
    expect(await importManifestoXlsx(fixture("openpyxl-edited.xlsx"))).toEqual({
      ok: true,
      value: demoWithReport(),
    });
  });

  it("reads the values LibreOffice cached for formulas (numbers, a date, joined text)", async () => {
    expect(await importManifestoXlsx(fixture("libreoffice-formulas.xlsx"))).toEqual({
      ok: true,
      value: demoWithReport(),
    });
  });

  it("names the sheet and cell of each mistake, as for Tassei's own files", async () => {
    const result = await importManifestoXlsx(fixture("libreoffice-mistakes.xlsx"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      "シート「達成目標」セルG2",
      "シート「達成目標」セルA3",
    ]);
    expect(result.problems[1]?.message).toContain("目標番号 99 の目標が目標シートにありません");
  });
});

describe("workbooks larger than a template could be", () => {
  it("refuses a sheet with more rows than the limit, naming the limit", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("達成目標");
    for (let r = 1; r <= WORKBOOK_LIMITS.rows + 1; r++) ws.getCell(r, 1).value = r;
    const result = await importManifestoXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "$",
          message: expect.stringContaining("行が多すぎるシートがあります（5,001 行"),
        },
      ],
    });
  });

  it("refuses a part whose declared size is beyond the limit without inflating it", async () => {
    const zip = new Uint8Array(await exportTemplateXlsx({ doc: demo() }));
    // The central directory declares the first sheet far larger than it is, as a zip bomb's
    // would: the size is trusted for refusing, never for allocating.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = "xl/worksheets/sheet1.xml";
    let patched = 0;
    for (let at = 0; at + 46 < zip.byteLength; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (Buffer.from(zip.subarray(at + 46, at + 46 + length)).toString() !== name) continue;
      view.setUint32(at + 24, WORKBOOK_LIMITS.partBytes + 1, true);
      patched++;
    }
    expect(patched).toBe(1);
    const result = await importManifestoXlsx(zip);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain("ファイルの中身が大きすぎます");
  });

  it("still refuses what is not a zip at all, in Japanese", async () => {
    const result = await importManifestoXlsx(strToU8("{}"));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "$",
          message: expect.stringContaining("Excel ファイル（.xlsx）として読み込めません"),
        },
      ],
    });
  });

  it("keeps reading Tassei's own export whole", async () => {
    expect(await importManifestoXlsx(await exportManifestoXlsx(demo()))).toEqual({
      ok: true,
      value: demo(),
    });
  });
});
