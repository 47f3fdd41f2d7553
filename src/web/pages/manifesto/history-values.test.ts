import { describe, expect, it } from "vitest";
import { changeRows, valueText } from "./history-values.ts";

describe("changeRows", () => {
  it("keeps a change of one value as one row", () => {
    expect(changeRows({ path: "goals[0].title", old: "a", new: "b" })).toEqual([
      { path: "goals[0].title", hadOld: true, old: "a", hasNew: true, new: "b" },
    ]);
  });

  it("spreads a target added whole into its fields", () => {
    const rows = changeRows({
      path: "goals[1].targets[2]",
      new: { text: "件数 20件", measure: { kind: "milestone" } },
    });
    expect(rows).toEqual([
      {
        path: "goals[1].targets[2].text",
        hadOld: false,
        old: undefined,
        hasNew: true,
        new: "件数 20件",
      },
      {
        path: "goals[1].targets[2].measure.kind",
        hadOld: false,
        old: undefined,
        hasNew: true,
        new: "milestone",
      },
    ]);
  });

  it("lists the fields of something added whole in the format's order", () => {
    const rows = changeRows({
      path: "goals[0].targets[1]",
      new: { measure: { unit: "件", kind: "numeric" }, text: "15件", label: "②" },
    });
    expect(rows.map((r) => r.path)).toEqual([
      "goals[0].targets[1].label",
      "goals[0].targets[1].text",
      "goals[0].targets[1].measure.kind",
      "goals[0].targets[1].measure.unit",
    ]);
  });

  it("lists only the fields that differ when a value changes shape", () => {
    const rows = changeRows({
      path: "goals[0].targets[0].measure",
      old: { kind: "milestone" },
      new: { kind: "numeric", unit: "%" },
    });
    expect(rows.map((r) => [r.path, r.old, r.new])).toEqual([
      ["goals[0].targets[0].measure.kind", "milestone", "numeric"],
      ["goals[0].targets[0].measure.unit", undefined, "%"],
    ]);
  });

  it("reads a removed bullet as removed", () => {
    expect(changeRows({ path: "goals[0].means[3]", old: "広報する" })).toEqual([
      { path: "goals[0].means[3]", hadOld: true, old: "広報する", hasNew: false, new: undefined },
    ]);
  });
});

describe("valueText", () => {
  it("names coded values in words", () => {
    expect(valueText("goals[0].targets[0].measure.comparator", ">=")).toBe("以上（>=）");
    expect(valueText("goals[0].targets[0].result.status", "partial")).toBe("一部達成");
    expect(valueText("goals[0].targets[0].text", "")).toBe("（空欄）");
    expect(valueText("goals[0].targets[0].measure.target", 55)).toBe("55");
    expect(valueText("goals[0].policyRefs", [])).toBe("（空のリスト）");
  });
});
