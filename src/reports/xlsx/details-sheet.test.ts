// 「目標の補足」: the extensions' fields as cells of the exported workbook (issue 17), read back
// from the produced .xlsx; the sheet changes nothing an import reads.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { demoDocument, extensionFixture } from "../../../test/support/fixtures.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { DETAIL_COLUMNS } from "./details-sheet.ts";
import { exportManifestoXlsx, importManifestoXlsx } from "./index.ts";
import { SHEETS } from "./vocabulary.ts";

async function detailRows(bytes: Buffer): Promise<Record<string, unknown>[] | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEETS.details);
  if (!ws) return undefined;
  const headers = DETAIL_COLUMNS.map((_, i) => ws.getCell(1, i + 1).value);
  expect(headers).toEqual([...DETAIL_COLUMNS]);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, unknown> = {};
    DETAIL_COLUMNS.forEach((h, i) => {
      const v = ws.getCell(r, i + 1).value;
      if (v !== null && v !== undefined) row[h] = v;
    });
    rows.push(row);
  }
  return rows;
}

describe("the sheet 目標の補足", () => {
  it("shows a prefecture's owners, plans, tags, scores, references, long-term targets and budgets", async () => {
    const rows =
      (await detailRows(await exportManifestoXlsx(extensionFixture("prefecture")))) ?? [];
    const find = (goal: number | undefined, item: string) =>
      rows.filter((r) => r.目標 === goal && r.項目 === item);
    expect(find(undefined, "第二の評価の基準")).toEqual([
      { 項目: "第二の評価の基準", 内容: "達成度（0〜10、刻み1）" },
    ]);
    expect(find(1, "担当所属")[0]?.内容).toBe("廃棄物・リサイクル課");
    expect(find(1, "所属長")[0]?.内容).toBe("課長 山田 太郎");
    expect(String(find(1, "今年度の目標")[0]?.内容)).toContain("食品ロス削減協力店");
    const tags = find(1, "タグ");
    expect(tags.filter((r) => r.達成目標 === undefined).map((r) => r.内容)).toEqual([
      "SDGs 12 つくる責任 つかう責任（sdg:12）",
      "SDGs 2 飢餓をゼロに（sdg:2）",
      "みえ元気プラン 施策 4-2 循環型社会の構築（mie-plan:4-2）",
    ]);
    expect(tags.find((r) => r.達成目標 === "①")?.内容).toBe(
      "指標の分類 成果指標（indicator:outcome）",
    );
    expect(find(1, "第二の評価")).toEqual([
      { 目標: 1, 項目: "第二の評価", 内容: "6（達成度（0〜10、刻み1））", 数値: 6 },
    ]);
    expect(find(1, "評価日")[0]?.内容).toBe("2025-04-30");
    expect(String(find(1, "課題")[0]?.内容)).toContain("小売業以外");
    expect(String(find(1, "今後の取組")[0]?.内容)).toContain("宿泊事業者団体");
    expect(find(1, "予算")[0]).toMatchObject({ 内容: "当初予算額", 数値: 12345, 単位: "千円" });
    expect(find(1, "参考値")[0]).toMatchObject({
      達成目標: "①",
      内容: "計画策定時の基準値",
      数値: 952,
      単位: "g",
      年度: 2018,
    });
    expect(find(1, "長期目標")[0]).toMatchObject({
      内容: "令和7年度目標",
      数値: 850,
      単位: "g",
      年度: 2025,
    });
  });

  it("shows a city's results without adding anything an import reads", async () => {
    const doc = extensionFixture("city");
    const bytes = await exportManifestoXlsx(doc);
    const rows = (await detailRows(bytes)) ?? [];
    expect(rows.find((r) => r.項目 === "成果・実績")?.内容).toContain("関連イベントを24回開催");
    expect(await importManifestoXlsx(bytes)).toEqual({ ok: true, value: doc });
  });

  it("is not written for a document without any extension", async () => {
    const demo = validateManifesto(demoDocument());
    if (!demo.ok) throw new Error("the demo document is not valid");
    expect(await detailRows(await exportManifestoXlsx(demo.value))).toBeUndefined();
  });
});
