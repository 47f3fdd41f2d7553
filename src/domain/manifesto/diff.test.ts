import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedPaths, diffDocuments } from "./diff.ts";

describe("diffDocuments", () => {
  it("finds nothing between equal documents, whatever their key order", () => {
    expect(diffDocuments({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("names a changed leaf by its JSON path with old and new values", () => {
    const a = { goals: [{ targets: [{ measure: { comparator: ">=" } }] }] };
    const b = { goals: [{ targets: [{ measure: { comparator: "<=" } }] }] };
    expect(diffDocuments(a, b)).toEqual([
      { path: "goals[0].targets[0].measure.comparator", old: ">=", new: "<=" },
    ]);
  });

  it("reports added and removed keys and array items whole", () => {
    const a = { title: "x", goals: [{ n: 1 }, { n: 2 }] };
    const b = { goals: [{ n: 1 }], note: { text: "y" } };
    expect(diffDocuments(a, b)).toEqual([
      { path: "title", old: "x", new: undefined },
      { path: "goals[1]", old: { n: 2 }, new: undefined },
      { path: "note", old: undefined, new: { text: "y" } },
    ]);
    expect(changedPaths(b, a)).toEqual(["goals[1]", "note", "title"]);
  });

  it("treats a change of type as one change at that path", () => {
    expect(diffDocuments({ v: [1] }, { v: { 0: 1 } })).toEqual([
      { path: "v", old: [1], new: { 0: 1 } },
    ]);
    expect(diffDocuments({ v: null }, { v: 0 })).toEqual([{ path: "v", old: null, new: 0 }]);
    expect(diffDocuments(1, 2)).toEqual([{ path: "$", old: 1, new: 2 }]);
  });

  it("finds a change exactly when the documents differ, each with old ≠ new (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const changes = diffDocuments(a, b);
        expect(changes.length === 0).toBe(
          JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)),
        );
        for (const c of changes) expect(c.old).not.toEqual(c.new);
      }),
    );
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(
      Object.entries(v)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}
