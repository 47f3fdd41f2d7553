import { describe, expect, it } from "vitest";
import { parseAccountsCsv } from "./accounts-csv.ts";
import { departmentConflicts, parseDepartmentTable } from "./departments.ts";
import { SCALE_PRESETS, scaleProblems } from "./scale-presets.ts";
import { setupSteps } from "./setup-steps.ts";

describe("a pasted department list", () => {
  it("reads one name a line without a header", () => {
    const r = parseDepartmentTable("総務部\n市民部\n");
    expect(r.ok && r.rows.map((d) => d.name)).toEqual(["総務部", "市民部"]);
  });

  it("reads a CSV with Japanese or English headers in any order", () => {
    const r = parseDepartmentTable("code,name,order\nsomu,総務部,2\n");
    expect(r.ok && r.rows[0]).toMatchObject({ name: "総務部", code: "somu", order: 2 });
  });

  it("names the line and column of an unknown header, a bad order and a bad code", () => {
    const header = parseDepartmentTable("部局名,色\n総務部,赤\n");
    expect(!header.ok && header.problems[0]?.path).toBe("1行目 2列目");
    const bad = parseDepartmentTable("部局名,表示順,部局コード\n総務部,一,a/b\n");
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual([
      "2行目 部局コード",
      "2行目 表示順",
    ]);
  });
});

describe("department conflicts", () => {
  const existing = [{ id: 1, name: "市民部", code: "shimin" }];
  const at = (l: string) => l;
  it("allows a department to keep its own name and code", () => {
    expect(departmentConflicts([{ id: 1, name: "市民部", code: "shimin", at }], existing)).toEqual(
      [],
    );
  });
  it("refuses a code equal to another department's name (its address)", () => {
    const p = departmentConflicts([{ id: null, name: "総務部", code: "市民部", at }], existing);
    expect(p).toEqual([
      { path: "部局コード", message: "「市民部」は部局「市民部」の名前として使われています" },
    ]);
  });
  it("refuses a name equal after NFKC to another's code", () => {
    const p = departmentConflicts([{ id: null, name: "ｓｈｉｍｉｎ", code: null, at }], existing);
    expect(p[0]?.path).toBe("部局名");
  });
});

describe("an accounts CSV", () => {
  const known = (d: string) => d === "総務部";
  const csv = (row: string) => `ユーザー名,氏名,役割,部局,初期パスワード\n${row}\n`;
  it("takes Japanese role names and a department by name", () => {
    const r = parseAccountsCsv(csv("nb-edit,名張,部局の担当者,総務部,long enough pass"), known);
    expect(r.ok && r.rows[0]).toMatchObject({ role: "department_editor", department: "総務部" });
  });
  it("names every bad field of a row", () => {
    const r = parseAccountsCsv(csv("x,名張,係長,総務部,short"), known);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual([
      "2行目 ユーザー名",
      "2行目 役割",
      "2行目 初期パスワード",
    ]);
  });
  it("refuses a department for a role without one and a repeated user name", () => {
    const r = parseAccountsCsv(
      "ユーザー名,役割,部局,初期パスワード\nnb-plan,企画課,総務部,long enough pass\nNB-PLAN,閲覧者,,long enough pass\n",
      known,
    );
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      "企画課には部局を指定しません（空にしてください）",
      "2行目と同じユーザー名です",
    ]);
  });
});

describe("evaluation scales", () => {
  it("offers presets that pass their own checks", () => {
    for (const p of SCALE_PRESETS) expect(scaleProblems(p.scale)).toEqual([]);
  });
  it("refuses a repeated label as well as a repeated level", () => {
    const p = scaleProblems({
      name: "x",
      levels: [
        { level: 1, label: "Ａ" },
        { level: 2, label: "A" },
      ],
    });
    expect(p).toEqual([{ path: "段階2 の表示", message: "「A」は段階1と同じ表示です" }]);
  });
});

describe("the set-up's steps", () => {
  it("say what is missing until everything is there", () => {
    const none = setupSteps({
      municipality: true,
      documentTitle: false,
      scale: false,
      departments: 0,
      planItems: 0,
      accounts: 0,
    });
    expect(none.filter((s) => !s.done).map((s) => s.id)).toEqual([
      "document",
      "scale",
      "departments",
      "plan",
      "accounts",
    ]);
    const all = setupSteps({
      municipality: true,
      documentTitle: true,
      scale: true,
      departments: 5,
      planItems: 4,
      accounts: 3,
    });
    expect(all.every((s) => s.done && s.missing === "")).toBe(true);
  });
});
