// The Excel template carries the format's extensions (FORMAT.md "Extensions"): the new goal
// columns are read back from their cells, a person's edit of them wins, and what has no cell
// (references, long-term targets, budgets, the second scale) comes back from the exact copy.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extendedManifestoArb } from "../../../test/arbitraries.ts";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { exportManifestoXlsx, exportTemplateXlsx, importManifestoXlsx } from "./index.ts";
import { SHEETS } from "./vocabulary.ts";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The cell under a header of a row sheet. */
function cellUnder(ws: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell {
  const headers = ws.getRow(1);
  for (let c = 1; c <= ws.columnCount; c++) {
    if (headers.getCell(c).value === header) return ws.getCell(row, c);
  }
  throw new Error(`no column ${header}`);
}

describe("the template and the format's extensions", () => {
  it.each(["prefecture", "city"] as const)("gives back the %s document", async (name) => {
    const doc = extensionFixture(name);
    expect(await importManifestoXlsx(await exportManifestoXlsx(doc))).toEqual({
      ok: true,
      value: doc,
    });
    expect(await importManifestoXlsx(await exportTemplateXlsx({ doc }))).toEqual({
      ok: true,
      value: doc,
    });
  });

  it("shows the owner, plan, tags, second score and year-end fields in cells", async () => {
    const wb = await load(await exportManifestoXlsx(extensionFixture("prefecture")));
    const goals = wb.getWorksheet(SHEETS.goals)!;
    expect(cellUnder(goals, "担当所属", 2).value).toBe("廃棄物・リサイクル課");
    expect(cellUnder(goals, "所属長の氏名", 2).value).toBe("山田 太郎");
    expect(cellUnder(goals, "所属の電話番号", 3).value).toBe("059-224-2380");
    expect(String(cellUnder(goals, "今年度の目標", 2).value)).toContain("食品ロス削減協力店");
    expect(cellUnder(goals, "タグ", 2).value).toBe("sdg:12、sdg:2、mie-plan:4-2");
    expect(cellUnder(goals, "第二の評価", 2).value).toBe(6);
    expect(cellUnder(goals, "評価日", 2).value).toBe("2025-04-30");
    expect(String(cellUnder(goals, "課題", 2).value)).toContain("小売業以外");
    expect(String(cellUnder(goals, "今後の取組", 2).value)).toContain("宿泊事業者団体");
    const targets = wb.getWorksheet(SHEETS.targets)!;
    expect(cellUnder(targets, "タグ", 2).value).toBe("indicator:outcome");
    const city = await load(await exportManifestoXlsx(extensionFixture("city")));
    expect(String(cellUnder(city.getWorksheet(SHEETS.goals)!, "成果・実績", 2).value)).toContain(
      "関連イベントを24回開催",
    );
  });

  it("reads a person's edits of the new cells", async () => {
    const wb = await load(await exportManifestoXlsx(extensionFixture("prefecture")));
    const goals = wb.getWorksheet(SHEETS.goals)!;
    cellUnder(goals, "担当所属", 2).value = "資源循環推進課";
    cellUnder(goals, "第二の評価", 2).value = 7;
    cellUnder(goals, "課題", 3).value = "測定局の更新が遅れている。";
    cellUnder(goals, "タグ", 3).value = "sdg:3、sdg:13";
    const back = await importManifestoXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.goals[0]?.owner?.unit).toBe("資源循環推進課");
    expect(back.value.goals[0]?.owner?.head?.name).toBe("山田 太郎");
    expect(back.value.goals[0]?.evaluation?.score).toBe(7);
    expect(back.value.goals[1]?.evaluation?.issues).toBe("測定局の更新が遅れている。");
    expect(back.value.goals[1]?.tags).toEqual(["sdg:3", "sdg:13"]);
    // Fields without cells come back from the exact copy.
    expect(back.value.goals[0]?.budget).toEqual(extensionFixture("prefecture").goals[0]?.budget);
  });

  it("names the cell of a score outside the second scale", async () => {
    const wb = await load(await exportManifestoXlsx(extensionFixture("prefecture")));
    cellUnder(wb.getWorksheet(SHEETS.goals)!, "第二の評価", 2).value = 12;
    const back = await importManifestoXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.ok).toBe(false);
    if (back.ok) return;
    const goals = wb.getWorksheet(SHEETS.goals)!;
    const address = cellUnder(goals, "第二の評価", 2).address;
    expect(back.problems).toHaveLength(1);
    expect(back.problems[0]?.path).toBe(`シート「目標」セル${address}`);
    expect(back.problems[0]?.message).toContain("must be between 0 and 10 (達成度)");
  });

  it("gives back any document using the new keys", async () => {
    await fc.assert(
      fc.asyncProperty(extendedManifestoArb, async (doc) => {
        expect(await importManifestoXlsx(await exportManifestoXlsx(doc))).toEqual({
          ok: true,
          value: doc,
        });
      }),
      { numRuns: 20 },
    );
  });
});
