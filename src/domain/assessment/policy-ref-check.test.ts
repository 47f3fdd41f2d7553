import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unknownPolicyRefs } from "../plan-structure.ts";
import { knownPolicyRefKeys, unknownRefs } from "./policy-ref-check.ts";

const PLAN = ["7-1", "7-1-①", "7-1-②", "7-3", "7-3-①"];

describe("unknownRefs", () => {
  it("reads full-width, legacy and listed forms, and reports what names no code", () => {
    const known = knownPolicyRefKeys(PLAN);
    expect(unknownRefs(["７－１－①", "7-1-①･②", "7-3・①"], known)).toEqual([]);
    expect(unknownRefs(["7-1-①･③", "8-1", "施策7"], known)).toEqual(["7-1-③", "8-1", "施策7"]);
    expect(unknownRefs(["7-9", "7-9"], known)).toEqual(["7-9"]);
  });

  it("reports nothing against an empty plan", () => {
    expect(unknownRefs(["7-9-①"], knownPolicyRefKeys([]))).toEqual([]);
  });

  it("follows a change of plan between calls", () => {
    expect(unknownRefs(["7-3-②"], knownPolicyRefKeys(PLAN))).toEqual(["7-3-②"]);
    expect(unknownRefs(["7-3-②"], knownPolicyRefKeys([...PLAN, "7-3-②"]))).toEqual([]);
    expect(unknownRefs(["7-3-②"], knownPolicyRefKeys(PLAN))).toEqual(["7-3-②"]);
  });

  it("agrees with unknownPolicyRefs of plan-structure.ts", () => {
    const part = fc.constantFrom("1", "2", "3", "①", "②", "１", "7");
    const code = fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join("-"));
    const ref = fc.oneof(
      code,
      fc.tuple(code, part).map(([c, p]) => `${c}･${p}`),
      fc.constantFrom("", "施策", "7-1、7-2"),
    );
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 8 }),
        fc.array(ref, { maxLength: 5 }),
        (plan, refs) => {
          const items = plan.map((c) => ({ code: c, title: "" }));
          expect(unknownRefs(refs, knownPolicyRefKeys(plan))).toEqual(
            unknownPolicyRefs(refs, items),
          );
        },
      ),
    );
  });
});
