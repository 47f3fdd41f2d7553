import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { demoDocument, extensionFixture, PROJECT_ROOT } from "../../../test/support/fixtures.ts";
import { assessManifesto } from "../../domain/assessment/index.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { OPEN_DATA_COLUMNS, openDataCsv, plainNumber } from "./index.ts";

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

function read(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, record_delimiter: "\r\n" });
}

describe("openDataCsv", () => {
  it("starts with a BOM and ends every record with CRLF", () => {
    const csv = openDataCsv([{ doc: demo() }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe(OPEN_DATA_COLUMNS.map((c) => c.name).join(","));
  });

  it("says 一部達成 for a milestone judged partly achieved (issue #11), not 未達成", () => {
    const doc = demo();
    const milestone = doc.goals[4]?.targets?.[0];
    if (milestone?.result === undefined) throw new Error("the demo's goal 5 has no result");
    milestone.result.status = "partial";
    const assessment = assessManifesto(doc);
    const rows = read(openDataCsv([{ doc, assessment }]));
    const row = rows.find((r) => r.目標番号 === "5");
    expect(row).toMatchObject({ 実績の区分: "一部達成", 達成状況: "一部達成" });
  });

  it("writes one row per target of the demo, with its values", () => {
    const doc = demo();
    const rows = read(openDataCsv([{ doc }]));
    const targets = doc.goals.reduce((n, g) => n + (g.targets?.length ?? 0), 0);
    expect(rows).toHaveLength(targets);
    expect(rows[0]).toMatchObject({
      全国地方公共団体コード: "242161",
      都道府県名: "三重県",
      市区町村名: "伊賀市",
      年度: "2023",
      "年度（和暦）": "令和5年度",
      部局名: "総務部",
      目標番号: "1",
      関連施策: "7-1-①、7-1-②",
      達成目標番号: "1",
      達成目標記号: "①",
      目標の種別: "数値目標",
      単位: "%",
      比較: "以上",
      基準値: "51.3",
      基準年度: "2022",
      目標値: "55",
      実績値: "49.4",
      達成状況: "不明",
      自己評価: "3",
      自己評価の区分名: "業績目標を達成した",
    });
    // Line breaks and quotes inside a cell survive the trip.
    expect(rows[0]?.自己評価の理由).toBe(doc.goals[0]?.evaluation?.reason);
    expect(rows[0]?.自己評価の理由).toContain("\n");
    expect(rows.every((r) => Object.keys(r).length === OPEN_DATA_COLUMNS.length)).toBe(true);
  });

  it("takes met / not met from the assessment, by goal and target", () => {
    const doc = demo();
    const assessment = {
      goals: doc.goals.map((g) => ({
        number: g.number,
        targets: (g.targets ?? []).map((_, i) => ({ status: i === 0 ? "not_met" : "met" })),
      })),
    };
    const rows = read(openDataCsv([{ doc, assessment }]));
    expect(rows.slice(0, 2).map((r) => r.達成状況)).toEqual(["未達成", "達成"]);
  });

  it("falls back to a statusOf callback when no assessment is given", () => {
    const rows = read(
      openDataCsv([{ doc: demo() }], { statusOf: (_d, g) => (g === 1 ? "met" : undefined) }),
    );
    expect(rows.map((r) => r.達成状況).slice(0, 3)).toEqual(["不明", "不明", "達成"]);
  });

  it("gives a goal without targets one row with the target columns empty", () => {
    const doc = demo();
    const first = doc.goals[0];
    if (!first) throw new Error("demo changed");
    first.targets = [];
    first.title = 'カンマ,と"引用符"と\r\n改行';
    const rows = read(openDataCsv([{ doc }, { doc: demo() }]));
    expect(rows[0]).toMatchObject({
      目標番号: "1",
      目標: 'カンマ,と"引用符"と\r\n改行',
      達成目標: "",
      目標値: "",
      達成状況: "",
    });
    expect(rows.filter((r) => r.目標番号 === "1")).toHaveLength(1 + 2);
  });

  it("writes numbers plainly and text with emoji and rare kanji as written", () => {
    const doc = demo();
    const t = doc.goals[0]?.targets?.[0];
    if (t?.measure?.kind !== "numeric") throw new Error("demo changed");
    t.measure.target = 1e-7;
    t.measure.baseline = { value: 123456789012345, fiscalYear: 2022 };
    t.result = { actual: -0, text: "𠮷野😀👨‍👩‍👧" };
    const rows = read(openDataCsv([{ doc }]));
    expect(rows[0]).toMatchObject({
      目標値: "0.0000001",
      基準値: "123456789012345",
      実績値: "0",
      実績: "𠮷野😀👨‍👩‍👧",
    });
  });
});

describe("plainNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [51.3, "51.3"],
    [-1.5e-7, "-0.00000015"],
    [1e21, "1000000000000000000000"],
    [1.2345e22, "12345000000000000000000"],
    [1234567, "1234567"],
  ])("%d → %s", (n, s) => {
    expect(plainNumber(n)).toBe(s);
    expect(Number(plainNumber(n))).toBe(n === 0 ? 0 : n);
  });
});

describe("docs/open-data-csv.md", () => {
  it("documents every column, in order, with its English key", () => {
    const md = fs.readFileSync(path.join(PROJECT_ROOT, "docs/open-data-csv.md"), "utf8");
    const documented = [...md.matchAll(/^\|\s*(\d+)\s*\|\s*(\S+)\s*\|\s*`(\w+)`\s*\|/gm)].map(
      (m) => [m[2], m[3]],
    );
    expect(documented).toEqual(OPEN_DATA_COLUMNS.map((c) => [c.name, c.key]));
  });
});

describe("the format's extensions in the open data", () => {
  it("adds the new columns after every older one", () => {
    const keys = OPEN_DATA_COLUMNS.map((c) => c.key);
    expect(keys.indexOf("reason")).toBe(27);
    expect(keys.slice(28)).toContain("owner_unit");
  });

  it("writes owners, plans, tags, long-term targets and the year-end fields of a 工程表", () => {
    const doc = extensionFixture("prefecture");
    const rows = read(openDataCsv([{ doc }]));
    expect(rows[0]).toMatchObject({
      担当所属: "廃棄物・リサイクル課",
      所属長: "課長 山田 太郎",
      所属の電話番号: "059-224-2388",
      今年度の目標: doc.goals[0]?.plan,
      目標のタグ:
        "SDGs 12 つくる責任 つかう責任、SDGs 2 飢餓をゼロに、みえ元気プラン 施策 4-2 循環型社会の構築",
      達成目標のタグ: "指標の分類 成果指標",
      参考値: "952（2018年度 計画策定時の基準値）",
      長期目標値: "850",
      長期目標年度: "2025",
      第二の評価の名称: "達成度",
      第二の評価: "6",
      評価日: "2025-04-30",
      課題: doc.goals[0]?.evaluation?.issues,
      今後の取組: doc.goals[0]?.evaluation?.nextSteps,
      予算: "当初予算額 12345千円、決算見込額 11802千円",
    });
    expect(rows[2]).toMatchObject({ 集計期間: "暦年", 達成目標のタグ: "指標の分類 成果指標" });
  });

  it("writes a goal of a city's table with its result and no mission", () => {
    const rows = read(openDataCsv([{ doc: extensionFixture("city") }]));
    expect(rows[0]).toMatchObject({ 組織使命: "", 自己評価の区分名: "A 達成" });
    expect(rows[0]?.["成果・実績"]).toBe("関連イベントを24回開催し、延べ約1万2千人が参加した。");
  });
});
