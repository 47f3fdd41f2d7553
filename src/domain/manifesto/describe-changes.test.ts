import { describe, expect, it } from "vitest";
import { describeChanges, pathSegments, plainText } from "./describe-changes.ts";

const doc = (targets: unknown[], extra: Record<string, unknown> = {}) => ({
  department: { name: "総務部", head: { name: "伊賀 太郎" } },
  goals: [
    { number: 1, title: "目標一", targets: [] },
    { number: 2, title: "目標二", targets, means: ["手段A"], ...extra },
  ],
});

describe("describeChanges", () => {
  it("names a target by its printed label, and gives old → new as text", () => {
    const before = doc([
      { label: "①", text: "55%以上", measure: { comparator: ">=", target: 55 } },
    ]);
    const after = doc([{ label: "①", text: "56%以上", measure: { comparator: ">", target: 56 } }]);
    expect(describeChanges(before, after)).toEqual([
      { where: "目標2 の 達成目標 ①", kind: "changed", old: "55%以上", new: "56%以上" },
      { where: "目標2 の 達成目標 ① の 目標の向き", kind: "changed", old: "以上", new: "超" },
      { where: "目標2 の 達成目標 ① の 目標値", kind: "changed", old: "55", new: "56" },
    ]);
  });

  it("counts an unlabelled target, and says what was added or removed", () => {
    const before = doc([{ label: "", text: "A" }]);
    const after = doc([{ label: "", text: "A" }, { text: "B" }], { means: [] });
    expect(describeChanges(before, after)).toEqual([
      { where: "目標2 の 達成目標（2番目）", kind: "added", old: undefined, new: "B" },
      {
        where: "目標2 の 目標を達成するための手段（1項目め）",
        kind: "removed",
        old: "手段A",
        new: undefined,
      },
    ]);
  });

  it("names fields outside the goals, and whole goals", () => {
    const before = doc([]);
    const after = { ...doc([]), department: { name: "総務部", head: { name: "伊賀 花子" } } };
    after.goals = [...after.goals, { number: 3, title: "目標三", targets: [] }];
    expect(describeChanges(before, after)).toEqual([
      { where: "部局長の氏名", kind: "changed", old: "伊賀 太郎", new: "伊賀 花子" },
      { where: "目標3", kind: "added", old: undefined, new: "目標3 目標三" },
    ]);
  });

  it("reads JSON paths back into segments", () => {
    expect(pathSegments("goals[3].targets[1].measure.comparator")).toEqual([
      "goals",
      3,
      "targets",
      1,
      "measure",
      "comparator",
    ]);
    expect(pathSegments("$")).toEqual([]);
  });

  it("writes values as text", () => {
    expect(plainText(["a", "b"])).toBe("a、b");
    expect(plainText({ level: 3, reason: "理由" })).toBe("3（理由）");
    expect(plainText("achieved", "result.status")).toBe("達成");
    expect(plainText(undefined)).toBeUndefined();
  });
});
