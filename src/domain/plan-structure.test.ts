import { describe, expect, it } from "vitest";
import {
  type PlanItem,
  parsePlanStructureCsv,
  parsePlanStructureJson,
  unknownPolicyRefs,
} from "./plan-structure.ts";

const PLAN: PlanItem[] = [
  { code: "7-1", title: "市民参画と協働" },
  { code: "7-1-①", title: "広聴広報の充実", parent: "7-1" },
  { code: "7-1-②", title: "情報発信力の強化", parent: "7-1" },
  { code: "7-3", title: "行政経営" },
  { code: "7-3-①", title: "人材育成", parent: "7-3" },
];

function problemsOf(result: ReturnType<typeof parsePlanStructureJson>): string[] {
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("parsePlanStructureJson", () => {
  it("accepts an array of items and keeps the codes as written", () => {
    const result = parsePlanStructureJson(JSON.stringify(PLAN));
    expect(result).toEqual({ ok: true, value: PLAN });
  });

  it("accepts { items: [...] } and full-width codes", () => {
    const items = [{ code: "７－１", title: "市民参画" }];
    expect(parsePlanStructureJson(JSON.stringify({ items }))).toEqual({ ok: true, value: items });
  });

  it("accepts an empty plan", () => {
    expect(parsePlanStructureJson("[]")).toEqual({ ok: true, value: [] });
  });

  it("names the JSON path of each problem", () => {
    const items = [
      { code: "7-1", title: "a" },
      { code: "7-2", title: "b" },
      { code: "7-3", title: "c" },
      { code: "7-4", title: "  " },
      { code: "なし", title: "e" },
      { code: "7-6", title: "f", note: "x" },
      { title: "g" },
      { code: "7-8", title: 8 },
    ];
    expect(problemsOf(parsePlanStructureJson(JSON.stringify({ items })))).toEqual([
      "items[3].title: must not be empty",
      "items[4].code: must be one plan code such as 7-1 or 7-1-①",
      "items[5].note: is not a key of a plan item (code, title, parent)",
      "items[6].code: is required",
      "items[7].title: must be a string",
    ]);
  });

  it("uses bare indexes for a top-level array", () => {
    const problems = problemsOf(parsePlanStructureJson('[{"code":"7-1","title":""}]'));
    expect(problems).toEqual(["[0].title: must not be empty"]);
  });

  it("refuses duplicate codes compared by key, and parents not in the plan", () => {
    const items = [
      { code: "7-1-①", title: "a" },
      { code: "７－１－１", title: "b" },
      { code: "7-2-①", title: "c", parent: "7-2" },
    ];
    expect(problemsOf(parsePlanStructureJson(JSON.stringify(items)))).toEqual([
      "[1].code: duplicates the code 7-1-① ([0].code)",
      "[2].parent: must be the code of an item of the plan",
    ]);
  });

  it("refuses malformed JSON and the wrong shape", () => {
    expect(problemsOf(parsePlanStructureJson("{"))[0]).toMatch(/^\$: is not valid JSON/);
    expect(problemsOf(parsePlanStructureJson('"x"'))).toEqual([
      '$: must be an array of plan items or { "items": [...] }',
    ]);
    expect(problemsOf(parsePlanStructureJson('{"item":[]}'))).toEqual([
      "items: is required",
      "item: is not a key of a plan item (code, title, parent)",
    ]);
  });
});

describe("parsePlanStructureCsv", () => {
  it("reads a header in any column order, with a BOM, and an empty parent cell", () => {
    const csv = "\uFEFFtitle,parent,code\r\n市民参画と協働,,7-1\r\n広聴広報の充実,7-1,7-1-①\r\n";
    expect(parsePlanStructureCsv(csv)).toEqual({
      ok: true,
      value: [
        { code: "7-1", title: "市民参画と協働" },
        { code: "7-1-①", title: "広聴広報の充実", parent: "7-1" },
      ],
    });
  });

  it("reads quoted cells with commas and line breaks", () => {
    const csv = 'code,title\n7-1,"参画, 協働"\n7-2,"二行\nの名前"\n';
    const result = parsePlanStructureCsv(csv);
    expect(result.ok && result.value.map((i) => i.title)).toEqual(["参画, 協働", "二行\nの名前"]);
  });

  it("names the line and the column of each problem", () => {
    const csv = [
      "code,title",
      "7-1,a",
      '7-2,"two',
      'lines"',
      "7-3,",
      "bad,d",
      "7-5,e,extra",
      "７－１,f",
    ].join("\n");
    expect(problemsOf(parsePlanStructureCsv(csv))).toEqual([
      "line 5, column title: must not be empty",
      "line 6, column code: must be one plan code such as 7-1 or 7-1-①",
      "line 7: has 3 fields; the header has 2",
      "line 8, column code: duplicates the code 7-1 (line 2, column code)",
    ]);
  });

  it("refuses a header without code or title, and unknown columns", () => {
    expect(problemsOf(parsePlanStructureCsv("title,name\na,b\n"))).toEqual([
      'line 1, column 2: "name" is not a column of a plan structure (code, title, parent)',
      "line 1: must have a column code",
    ]);
    expect(problemsOf(parsePlanStructureCsv(""))).toEqual([
      "line 1: must be the header code,title",
    ]);
  });

  it("reports broken CSV with its line", () => {
    const problems = problemsOf(parsePlanStructureCsv('code,title\n7-1,"open\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line \d+: is not valid CSV/);
  });
});

describe("unknownPolicyRefs", () => {
  it("reports the codes the plan does not have, matched by key", () => {
    expect(unknownPolicyRefs(["7-1-①", "７－１－２", "7-3・①"], PLAN)).toEqual([]);
    expect(unknownPolicyRefs(["7-1-①･③", "8-1", "7-1-①"], PLAN)).toEqual(["7-1-③", "8-1"]);
  });

  it("reports a text that names no code as written", () => {
    expect(unknownPolicyRefs(["総合計画外"], PLAN)).toEqual(["総合計画外"]);
  });

  it("reports nothing when the municipality has no plan", () => {
    expect(unknownPolicyRefs(["9-9-⑨", "x"], [])).toEqual([]);
  });
});

describe("a cycle in the plan structure", () => {
  it("is refused once, naming the item whose parent closes it", () => {
    const r = parsePlanStructureCsv("code,title,parent\n1,まち,1-1\n1-1,ひと,1\n2,しごと,\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.filter((p) => p.message.startsWith("makes a cycle"))).toHaveLength(1);
  });
});
