import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { exportManifestoXlsx, exportTemplateXlsx, importManifestoXlsx } from "./index.ts";

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

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Edits a workbook the way a person would in Excel, then imports it. */
async function importEdited(buf: Buffer, edit: (wb: ExcelJS.Workbook) => void) {
  const wb = await load(buf);
  edit(wb);
  return importManifestoXlsx(await save(wb));
}

const ws = (wb: ExcelJS.Workbook, name: string) => {
  const s = wb.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** A valid zip holding one stored file: a zip that is not a workbook. */
function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const offset = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

describe("importManifestoXlsx: files that are not our template", () => {
  it.each([
    ["random bytes", () => randomBytes(4096)],
    ["an empty file", () => Buffer.alloc(0)],
    ["a zip that is not a workbook", () => zipOf("hello.txt", "こんにちは")],
  ])("%s gives one problem saying it cannot be read", async (_what, make) => {
    const result = await importManifestoXlsx(make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe("$");
    expect(result.problems[0]?.message).toMatch(/Excel ファイル|様式ではありません/);
  });

  it("a truncated .xlsx gives one problem", async () => {
    const buf = await exportManifestoXlsx(demo());
    const result = await importManifestoXlsx(buf.subarray(0, Math.floor(buf.length / 2)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(1);
  });

  it("a workbook without our sheets names the missing sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "予算";
    const result = await importManifestoXlsx(await save(wb));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "$",
          message: expect.stringContaining("シート「基本情報」「目標」「達成目標」がありません"),
        },
      ],
    });
  });

  it("a workbook with our sheet names but other columns is refused as a whole", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["基本情報", "目標", "達成目標"]) {
      const s = wb.addWorksheet(name);
      s.getRow(1).values = ["No", "内容", "担当"];
      s.getRow(2).values = [1, "何か", "誰か"];
    }
    const result = await importManifestoXlsx(await save(wb));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.message).toContain("見出し行が様式と違います");
    }
  });

  it("accepts a Uint8Array as well as a Buffer", async () => {
    const buf = await exportManifestoXlsx(demo());
    const result = await importManifestoXlsx(new Uint8Array(buf));
    expect(result.ok).toBe(true);
  });
});

describe("importManifestoXlsx: problems name the sheet and the cell", () => {
  it("text in number cells", async () => {
    const result = await importEdited(await exportManifestoXlsx(demo()), (wb) => {
      ws(wb, "達成目標").getCell("A2").value = "一番";
      ws(wb, "達成目標").getCell("H3").value = "十五件";
      ws(wb, "目標").getCell("H2").value = "よい";
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          path: "シート「達成目標」セルA2",
          message: expect.stringContaining("目標番号は数値で入力してください（「一番」"),
        },
        {
          path: "シート「達成目標」セルH3",
          message: expect.stringContaining("目標値は数値で入力してください（「十五件」"),
        },
        {
          path: "シート「目標」セルH2",
          message: expect.stringContaining("自己評価は数値で入力してください"),
        },
      ]),
    );
    // One problem per cell: the schema's echo of the same cell is not repeated.
    const paths = result.problems.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("schema problems are placed on the cell they came from", async () => {
    const result = await importEdited(await exportManifestoXlsx(demo()), (wb) => {
      ws(wb, "目標").getCell("I2").value = "理".repeat(10_001);
      ws(wb, "目標").getCell("C3").value = null; // title is required
      ws(wb, "基本情報").getCell("B2").value = "242162"; // wrong check digit
      ws(wb, "達成目標").getCell("G2").value = "ほぼ";
      ws(wb, "達成目標").getCell("A4").value = 99;
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          path: "シート「目標」セルI2",
          message: "理由（goals[0].evaluation.reason）: must be at most 10000 characters",
        },
        {
          path: "シート「目標」セルC3",
          message: "組織使命達成に向けての目標（goals[1].title）: is required",
        },
        {
          path: "シート「基本情報」セルB2",
          message: "全国地方公共団体コード（municipality.code）: has a wrong check digit",
        },
        {
          path: "シート「達成目標」セルG2",
          message: expect.stringContaining("比較は「以上」「超」"),
        },
        {
          path: "シート「達成目標」セルA4",
          message: expect.stringContaining("目標番号 99 の目標が目標シートにありません"),
        },
      ]),
    );
  });

  it("an unfilled template lists what is required, each on its cell", async () => {
    const result = await importManifestoXlsx(await exportTemplateXlsx());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      "シート「基本情報」セルB2",
      "シート「基本情報」セルB5",
      "シート「基本情報」セルB8",
      "シート「目標」",
    ]);
  });
});

describe("importManifestoXlsx: a template filled in by a person", () => {
  it("reads what was typed, as people type it", async () => {
    const result = await importEdited(await exportTemplateXlsx(), (wb) => {
      const h = ws(wb, "基本情報");
      h.getCell("B2").value = 242161; // typed as a number
      h.getCell("B3").value = "三重県";
      h.getCell("B4").value = "伊賀市";
      h.getCell("B5").value = "２０２４"; // full-width digits
      h.getCell("B8").value = "総務部";
      h.getCell("B10").value = "部長";
      h.getCell("B11").value = "𠮷田　花子";
      h.getCell("B14").value = {
        text: "soumu@city.iga.lg.jp",
        hyperlink: "mailto:soumu@city.iga.lg.jp",
      };
      ws(wb, "目標").getRow(2).values = [
        1,
        "使命😀",
        "目標",
        "7-1-①、 7-1-②",
        "状態1\n状態2",
        "",
        "手段",
        3,
        "理由\n二行目",
      ];
      ws(wb, "達成目標").getRow(2).values = [
        1,
        "①",
        "満足度55%以上",
        "数値目標",
        "満足度",
        "%",
        "以上",
        "５５",
        51.3,
        2023,
        49.4,
        null,
        "49.4%",
      ];
      ws(wb, "達成目標").getRow(3).values = [
        1,
        null,
        "研修を実施",
        "定性目標",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "達成",
      ];
      ws(wb, "中間報告").getRow(2).values = [
        1,
        new Date(Date.UTC(2024, 9, 1)),
        "順調",
        "所見",
        "1: 52",
      ];
    });
    expect(result).toEqual({
      ok: true,
      value: {
        format: "tassei.manifesto/v1",
        municipality: { code: "242161", name: "伊賀市", prefecture: "三重県" },
        fiscalYear: 2024,
        department: {
          name: "総務部",
          head: { title: "部長", name: "𠮷田　花子" },
          contact: { email: "soumu@city.iga.lg.jp" },
        },
        goals: [
          {
            number: 1,
            mission: "使命😀",
            title: "目標",
            policyRefs: ["7-1-①", "7-1-②"],
            currentState: ["状態1", "状態2"],
            means: ["手段"],
            evaluation: { level: 3, reason: "理由\n二行目" },
            targets: [
              {
                label: "①",
                text: "満足度55%以上",
                measure: {
                  kind: "numeric",
                  indicator: "満足度",
                  unit: "%",
                  comparator: ">=",
                  target: 55,
                  baseline: { value: 51.3, fiscalYear: 2023 },
                },
                result: { actual: 49.4, text: "49.4%" },
              },
              {
                text: "研修を実施",
                measure: { kind: "milestone" },
                result: { status: "achieved" },
              },
            ],
            progress: [
              {
                asOf: "2024-10-01",
                status: "順調",
                note: "所見",
                values: [{ target: 0, actual: 52 }],
              },
            ],
          },
        ],
      },
    });
  });

  it("a person's edit wins over the hidden exact copy", async () => {
    const doc = demo();
    // Goal 5's first target has the label "" (kept in the hidden column); goal 1 has no empty desiredState.
    const result = await importEdited(await exportManifestoXlsx(doc), (wb) => {
      const targets = ws(wb, "達成目標");
      const row = doc.goals.slice(0, 4).reduce((n, g) => n + (g.targets?.length ?? 0), 2);
      targets.getCell(`B${row}`).value = "③";
      ws(wb, "目標").getCell("E2").value = "新しい状態";
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(doc.goals[4]?.targets?.[0]?.label).toBe("");
    expect(result.value.goals[4]?.targets?.[0]?.label).toBe("③");
    expect(result.value.goals[0]?.currentState).toEqual(["新しい状態"]);
  });

  it("ignores an unreadable hidden copy instead of failing", async () => {
    const result = await importEdited(await exportManifestoXlsx(demo()), (wb) => {
      const targets = ws(wb, "達成目標");
      // The hidden copy is the last column (O since the タグ column of the extensions).
      for (let r = 2; r <= 12; r++) targets.getCell(`O${r}`).value = "{not json";
    });
    expect(result.ok).toBe(true);
    // Without the hidden copy an empty label reads as no label.
    if (result.ok) expect(result.value.goals[1]?.targets?.[0]?.label).toBeUndefined();
  });
});
