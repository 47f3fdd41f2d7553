import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { OPEN_DATA_COLUMNS } from "../csv/open-data.ts";
import { exportManifestoXlsx, exportTemplateXlsx } from "./index.ts";

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const text = (ws: ExcelJS.Worksheet, address: string) => ws.getCell(address).value;

describe("exportManifestoXlsx: the printable form", async () => {
  const doc = demo();
  const wb = await load(await exportManifestoXlsx(doc));
  const form = sheet(wb, "マニフェスト");

  it("puts the sheets in order and hides only the marker sheet", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["マニフェスト", "visible"],
      ["達成目標一覧", "visible"],
      ["基本情報", "visible"],
      ["目標", "visible"],
      ["達成目標", "visible"],
      ["中間報告", "visible"],
      ["評価尺度", "visible"],
      ["_tassei", "hidden"],
    ]);
  });

  it("prints on A4 landscape, one page wide, repeating the column headers", () => {
    expect(form.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "10:10",
      printArea: "A1:F16",
    });
  });

  it("has the title line, the scale legend and the header box of the published document", () => {
    expect(text(form, "A1")).toBe("2023（令和5）年度 部局マニフェスト ～私たちの組織使命と目標～");
    expect(form.model.merges).toContain("A1:F1");
    expect(text(form, "A3")).toBe("業績目標の達成状況");
    expect(text(form, "A4")).toBe("5．先進的な取り組みを行い、成果があった");
    expect(text(form, "A8")).toBe("1．業績目標に取り組まなかった");
    expect(form.model.merges).toEqual(expect.arrayContaining(["A3:C3", "A8:C8", "E3:F3", "E6:F6"]));
    const box = [3, 4, 5, 6].map((r) => [text(form, `D${r}`), text(form, `E${r}`)]);
    expect(box).toEqual([
      ["部局名", "総務部"],
      ["役職", "部長"],
      ["氏名", "月井　敦子"],
      ["連絡先", "0595-22-9601(内線2721)"],
    ]);
  });

  it("has the six columns and one row per goal laid out like the form", () => {
    expect(form.getRow(10).values).toEqual([
      undefined,
      "組織使命",
      "組織使命達成に\n向けての目標",
      "目標の達成水準",
      "目標を達成するための手段",
      "達成状況\n（自己評価）",
      "理由",
    ]);
    expect(text(form, "A11")).toBe(doc.goals[0]?.mission);
    expect(text(form, "B11")).toBe(
      "◎部局目標1\n関連の施策・基本事業No 7-1-①、7-1-②\n\n伝わる広報と市民の市政参画の促進",
    );
    const level = String(text(form, "C11"));
    expect(level.split("\n").slice(0, 7)).toEqual([
      "〈現在の状態〉",
      "・市民に必要な情報が届いていない場合がある。",
      "・市民の情報収集の変化に対応できていない。",
      "・eモニターに約1000 人が登録している。",
      "↓",
      "〈達成目標〉",
      "①令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）",
    ]);
    expect(level).toContain("\n※目標が達成した状態\n　多様な媒体により");
    expect(String(text(form, "D11")).startsWith("・市民ニーズを把握するため")).toBe(true);
    expect(doc.goals.map((_, i) => text(form, `E${11 + i}`))).toEqual([3, 4, 4, 3, 4, 3]);
    expect(text(form, "F11")).toBe(doc.goals[0]?.evaluation?.reason);
    // A goal whose target has no label is printed with a bullet, as in the seed.
    expect(String(text(form, "C12"))).toContain("〈達成目標〉\n・地域ブランド調査による");
  });

  it("merges the mission cell of goals in a row that share it", () => {
    const merged = form.model.merges.filter((m) => m.startsWith("A1") && m !== "A1:F1");
    expect(merged).toEqual(["A11:A12", "A13:A14"]);
  });

  it("uses a Japanese font, wrapped text and borders, and sizes goal rows to their text", () => {
    const cell = form.getCell("C11");
    expect(cell.font?.name).toBe("游ゴシック");
    expect(cell.font?.charset).toBe(128);
    expect(cell.alignment?.wrapText).toBe(true);
    expect(cell.border?.top?.style).toBe("thin");
    const height = form.getRow(11).height;
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThanOrEqual(409);
  });
});

describe("exportManifestoXlsx: the machine-readable sheet", async () => {
  const doc = demo();
  const wb = await load(await exportManifestoXlsx(doc));
  const list = sheet(wb, "達成目標一覧");

  it("has one header row, one row per target and no merged cells", () => {
    expect(list.model.merges).toEqual([]);
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(
      OPEN_DATA_COLUMNS.map((c) => c.name),
    );
    const targets = doc.goals.reduce((n, g) => n + Math.max(1, g.targets?.length ?? 0), 0);
    expect(list.actualRowCount).toBe(1 + targets);
  });

  it("writes numbers as numbers and text as written", () => {
    const col = (key: string) => OPEN_DATA_COLUMNS.findIndex((c) => c.key === key) + 1;
    expect(list.getCell(2, col("municipality_code")).value).toBe("242161");
    expect(list.getCell(2, col("target_value")).value).toBe(55);
    expect(list.getCell(2, col("baseline_value")).value).toBe(51.3);
    expect(list.getCell(2, col("actual_value")).value).toBe(49.4);
    expect(list.getCell(2, col("comparator")).value).toBe("以上");
    expect(list.getCell(2, col("self_evaluation_label")).value).toBe("業績目標を達成した");
  });
});

describe("exportTemplateXlsx", async () => {
  const wb = await load(await exportTemplateXlsx());

  it("has the entry sheets with Japanese header comments and no data rows", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "基本情報",
      "目標",
      "達成目標",
      "中間報告",
      "評価尺度",
      "_tassei",
    ]);
    const targets = sheet(wb, "達成目標");
    expect(targets.getCell("G1").value).toBe("比較");
    expect(String(targets.getCell("G1").note)).toContain("以上");
    expect(targets.actualRowCount).toBe(1);
    // The hidden exact copy, after the タグ column of the format's extensions.
    expect(targets.getColumn(14).hidden).toBe(false);
    expect(targets.getColumn(15).hidden).toBe(true);
  });

  it("offers drop-down lists for kind, comparator, status and level", () => {
    type WithValidations = { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };
    const formulaAt = (name: string, address: string) =>
      (sheet(wb, name) as unknown as WithValidations).dataValidations.model[address]?.formulae[0];
    expect(formulaAt("達成目標", "D2")).toBe('"数値目標,定性目標"');
    expect(formulaAt("達成目標", "G2")).toBe('"以上,超,以下,未満,等しい"');
    expect(formulaAt("達成目標", "L2")).toBe('"達成,一部達成,未達成"');
    expect(formulaAt("目標", "H2")).toBe('"5,4,3,2,1"');
  });
});
