// The printable sheet 「マニフェスト」 on paper: long cells go on over rows instead of being cut
// at Excel's 409 pt, a merged 組織使命 stays with its goals at page breaks, a clerk's own
// bullet gets no second one, headings break where Japanese allows.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { MAX_ROW_HEIGHT_PT, PAGE_ROWS_PT, splitIntoRows } from "./form-rows.ts";
import { exportManifestoXlsx } from "./index.ts";

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

let lastBytes = new Uint8Array();

async function form(doc: ManifestoDocument): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const bytes = await exportManifestoXlsx(doc);
  lastBytes = new Uint8Array(bytes);
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("マニフェスト");
  if (!ws) throw new Error("no form sheet");
  return ws;
}

const FIRST_GOAL_ROW = 11;

/** The text of a column over rows, in order, as printed. */
function columnText(ws: ExcelJS.Worksheet, column: number, from: number, to: number): string {
  const parts: string[] = [];
  for (let r = from; r <= to; r++) {
    const cell = ws.getCell(r, column);
    if (cell.isMerged && cell.master !== cell) continue;
    const v = cell.value;
    if (typeof v === "string" && v !== "") parts.push(v);
  }
  return parts.join("\n");
}

/** Rows after which a manual page break is set (exceljs does not read them back). */
function breaksOfLastForm(): number[] {
  const files = unzipSync(lastBytes, { filter: (f) => f.name === "xl/worksheets/sheet1.xml" });
  const xml = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
  const breaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(xml)?.[0] ?? "";
  return [...breaks.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe("the printable form on paper", () => {
  it("splits text that needs more than 409 pt over rows, losing nothing", async () => {
    const doc = demo();
    const goal = doc.goals[0];
    if (!goal) throw new Error("demo changed");
    const means = Array.from(
      { length: 30 },
      (_, i) => `手段${i + 1}：${"経常収支比率の改善".repeat(20)}`,
    );
    goal.means = means;
    const ws = await form(doc);
    const lastRow = Number(/:F(\d+)$/.exec(ws.pageSetup.printArea ?? "")?.[1]);
    expect(lastRow).toBeGreaterThan(FIRST_GOAL_ROW + doc.goals.length);
    for (let r = FIRST_GOAL_ROW; r <= lastRow; r++) {
      expect(ws.getRow(r).height).toBeLessThanOrEqual(MAX_ROW_HEIGHT_PT);
    }
    // Goal 1 takes the rows up to goal 2's number.
    let goal2 = FIRST_GOAL_ROW + 1;
    while (!String(ws.getCell(goal2, 2).value ?? "").startsWith("◎部局目標2")) goal2++;
    expect(goal2).toBeGreaterThan(FIRST_GOAL_ROW + 3);
    const printed = columnText(ws, 4, FIRST_GOAL_ROW, goal2 - 1).replace(/\n/g, "");
    expect(printed).toBe(means.map((m) => `・${m}`).join(""));
    // The level is one cell over the goal's rows.
    expect(ws.getCell(goal2 - 1, 5).master.address).toBe(`E${FIRST_GOAL_ROW}`);
  });

  it("cuts a paragraph longer than a row at a character, keeping every one", () => {
    const long = "あ".repeat(2000);
    const pieces = splitIntoRows(long, 38, 29);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(long);
    expect(splitIntoRows("一\n二", 38, 29)).toEqual(["一\n二"]);
  });

  it("puts a page break before a group of goals sharing a mission rather than inside it", async () => {
    const ws = await form(demo());
    const merges = ws.model.merges.filter((m) => /^A\d+:A\d+$/.test(m));
    expect(merges).toEqual(["A11:A12", "A13:A14"]);
    const breaks = breaksOfLastForm();
    expect(breaks).toEqual([12, 14]);
    for (const merge of merges) {
      const [from, to] = merge.split(":").map((a) => Number(a.slice(1)));
      for (const b of breaks) {
        expect(b < (from ?? 0) || b >= (to ?? 0), `break after row ${b} inside ${merge}`).toBe(
          true,
        );
      }
    }
    // Each page's rows fit the page estimate.
    let used = 0;
    for (let r = FIRST_GOAL_ROW; r <= 16; r++) {
      used += ws.getRow(r).height;
      if (breaks.includes(r)) used = 0;
    }
    expect(used).toBeLessThanOrEqual(PAGE_ROWS_PT);
  });

  it("gives a clerk's own bullet no second one", async () => {
    const doc = demo();
    const goal = doc.goals[0];
    if (!goal) throw new Error("demo changed");
    goal.means = ["・経常収支比率を改善する。", "①公債費を抑える。", "基金を積み立てる。"];
    goal.currentState = ["・財政調整基金が減っている。"];
    const ws = await form(doc);
    expect(ws.getCell(FIRST_GOAL_ROW, 4).value).toBe(
      "・経常収支比率を改善する。\n①公債費を抑える。\n・基金を積み立てる。",
    );
    expect(String(ws.getCell(FIRST_GOAL_ROW, 3).value)).toContain(
      "\n・財政調整基金が減っている。\n",
    );
  });
});
