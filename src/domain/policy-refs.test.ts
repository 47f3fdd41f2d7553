import { describe, expect, it } from "vitest";
import {
  comparePolicyRefs,
  parsePolicyRefs,
  policyRefKey,
  splitPolicyRefKey,
} from "./policy-refs.ts";

describe("parsePolicyRefs", () => {
  it.each([
    ["7-1-①", ["7-1-①"]],
    ["7-1", ["7-1"]],
    ["7", ["7"]],
    ["7-1-①･②", ["7-1-①", "7-1-②"]],
    ["7-1-①・②", ["7-1-①", "7-1-②"]],
    ["7-1-①・②・③", ["7-1-①", "7-1-②", "7-1-③"]],
    ["7-3・①", ["7-3-①"]],
    ["7-3・①･②", ["7-3-①", "7-3-②"]],
    ["７－１－①", ["7-1-①"]],
    ["７ー１ー①", ["7-1-①"]],
    ["7 - 1 - ①", ["7-1-①"]],
    ["　7-1-①　", ["7-1-①"]],
    ["7-1-①、7-2-③", ["7-1-①", "7-2-③"]],
    ["7-1-①,7-2-③", ["7-1-①", "7-2-③"]],
    ["7-1-①, 7-2-③", ["7-1-①", "7-2-③"]],
    ["7-1-① 7-2-③", ["7-1-①", "7-2-③"]],
    ["7-1-①・7-2-③", ["7-1-①", "7-2-③"]],
    ["7-1-①②", ["7-1-①", "7-1-②"]],
    ["7-1-①、7-1-①", ["7-1-①"]],
    ["1-2-㉑", ["1-2-㉑"]],
    ["12-10-3", ["12-10-3"]],
    ["7-1-①、", ["7-1-①"]],
  ])("%s → %j", (text, expected) => {
    expect(parsePolicyRefs(text)).toEqual(expected);
  });

  it.each([
    [""],
    ["　"],
    ["なし"],
    ["－"],
    ["①"],
    ["7-1-①および不明"],
    ["7-1-①2"],
    ["施策7-1"],
    ["7-1-"],
  ])("%j is not a list of codes → []", (text) => {
    expect(parsePolicyRefs(text)).toEqual([]);
  });

  it("keeps circled numbers circled and writes digits half-width", () => {
    const [code] = parsePolicyRefs("１０－２－⑮");
    expect(code).toBe("10-2-⑮");
  });
});

describe("policyRefKey", () => {
  it.each([
    ["7-1-①", "7-1-1"],
    ["７－１－１", "7-1-1"],
    ["07-01-①", "7-1-1"],
    ["7 - 1 - ①", "7-1-1"],
    ["1-2-㉑", "1-2-21"],
    ["7-1", "7-1"],
  ])("%s → %s", (code, key) => {
    expect(policyRefKey(code)).toBe(key);
  });

  it("gives written and circled forms of one code the same key", () => {
    for (const code of parsePolicyRefs("7-1-①･②")) {
      expect(["7-1-1", "7-1-2"]).toContain(policyRefKey(code));
    }
    expect(policyRefKey("7-1-②")).not.toBe(policyRefKey("7-1-①"));
  });
});

describe("splitPolicyRefKey and comparePolicyRefs", () => {
  it("splits a code into numbers", () => {
    expect(splitPolicyRefKey("7-1-①")).toEqual([7, 1, 1]);
    expect(splitPolicyRefKey("１２－３")).toEqual([12, 3]);
    expect(splitPolicyRefKey("abc")).toEqual([]);
  });

  it("orders codes as the plan does", () => {
    const codes = ["7-10", "7-2-②", "7-2", "10-1", "7-2-①", "7"];
    expect([...codes].sort(comparePolicyRefs)).toEqual([
      "7",
      "7-2",
      "7-2-①",
      "7-2-②",
      "7-10",
      "10-1",
    ]);
  });
});
