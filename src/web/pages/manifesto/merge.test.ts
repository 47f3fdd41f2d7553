import { describe, expect, it } from "vitest";
import demo from "../../../../demo/iga-2023-somu.manifesto.json" with { type: "json" };
import type { ManifestoDocument } from "../../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../../domain/manifesto/validate.ts";
import { canonical, mergeDocuments } from "./merge.ts";

function load(): ManifestoDocument {
  return structuredClone(demo) as ManifestoDocument;
}

function goal(doc: ManifestoDocument, i: number) {
  const g = doc.goals[i];
  if (!g) throw new Error(`no goal ${i}`);
  return g;
}

describe("mergeDocuments", () => {
  it("gives back the document when nobody changed anything", () => {
    const merge = mergeDocuments(load(), load(), load());
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve()).toEqual(load());
  });

  it("keeps my edit and theirs when they touch different fields of the same goal", () => {
    const base = load();
    const mine = load();
    const theirs = load();
    goal(mine, 0).title = "私の題名";
    goal(theirs, 0).desiredState = "相手の状態";
    const target = goal(theirs, 0).targets?.[1];
    if (target?.measure?.kind !== "numeric") throw new Error("demo changed");
    target.measure.target = 20;

    const merge = mergeDocuments(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const merged = merge.resolve();
    expect(goal(merged, 0).title).toBe("私の題名");
    expect(goal(merged, 0).desiredState).toBe("相手の状態");
    expect(goal(merged, 0).targets?.[1]?.measure).toMatchObject({ target: 20 });
    expect(validateManifesto(merged).ok).toBe(true);
  });

  it("adds my new bullet while keeping their edit of another goal", () => {
    const base = load();
    const mine = load();
    const theirs = load();
    goal(mine, 1).means = [...(goal(mine, 1).means ?? []), "新しい手段"];
    goal(theirs, 4).title = "相手が変えた目標";
    const merged = mergeDocuments(base, mine, theirs).resolve();
    expect(goal(merged, 1).means?.at(-1)).toBe("新しい手段");
    expect(goal(merged, 1).means).toHaveLength((goal(base, 1).means?.length ?? 0) + 1);
    expect(goal(merged, 4).title).toBe("相手が変えた目標");
  });

  it("keeps my edit of a later goal when they removed an earlier one", () => {
    const base = load();
    const mine = load();
    const theirs = load();
    theirs.goals.splice(1, 1);
    goal(mine, 4).mission = "私の組織使命";

    const merge = mergeDocuments(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const merged = merge.resolve();
    expect(merged.goals.map((g) => g.number)).toEqual([1, 3, 4, 5, 6]);
    expect(goal(merged, 3).mission).toBe("私の組織使命");
  });

  it("takes a removal on one side and leaves no key behind", () => {
    const base = load();
    const mine = load();
    delete goal(mine, 2).desiredState;
    const merged = mergeDocuments(base, mine, load()).resolve();
    expect("desiredState" in goal(merged, 2)).toBe(false);
  });

  it("reports a value both changed differently and lets the person choose", () => {
    const base = load();
    const mine = load();
    const theirs = load();
    goal(mine, 0).means = ["私の手段", ...(goal(mine, 0).means ?? []).slice(1)];
    goal(theirs, 0).means = ["相手の手段", ...(goal(theirs, 0).means ?? []).slice(1)];
    goal(theirs, 2).title = "相手だけが変えた";

    const merge = mergeDocuments(base, mine, theirs);
    expect(merge.conflicts).toEqual([
      {
        id: 0,
        path: "goals[0].means[0]",
        kind: "value",
        base: goal(base, 0).means?.[0],
        mine: "私の手段",
        theirs: "相手の手段",
      },
    ]);
    expect(goal(merge.resolve({ 0: "mine" }), 0).means?.[0]).toBe("私の手段");
    expect(goal(merge.resolve({ 0: "theirs" }), 0).means?.[0]).toBe("相手の手段");
    // what did not conflict is merged whichever way the conflict goes
    expect(goal(merge.resolve({ 0: "mine" }), 2).title).toBe("相手だけが変えた");
  });

  it("reports a run of list items both sides replaced differently", () => {
    const base = { list: ["a", "b", "c", "d"] };
    const mine = { list: ["a", "x", "y", "d"] };
    const theirs = { list: ["a", "z", "d"] };
    const merge = mergeDocuments(base, mine, theirs);
    expect(merge.conflicts).toEqual([
      { id: 0, path: "list", kind: "items", base: ["b", "c"], mine: ["x", "y"], theirs: ["z"] },
    ]);
    expect(merge.resolve({ 0: "mine" })).toEqual(mine);
    expect(merge.resolve({ 0: "theirs" })).toEqual(theirs);
  });

  it("reports both adding different items at the same place", () => {
    const merge = mergeDocuments({ l: ["a"] }, { l: ["a", "mine"] }, { l: ["a", "theirs"] });
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({ kind: "items", mine: ["mine"], theirs: ["theirs"] });
  });

  it("takes the same change made on both sides once", () => {
    const base = load();
    const mine = load();
    const theirs = load();
    goal(mine, 0).currentState = [...(goal(mine, 0).currentState ?? []), "同じ追加"];
    goal(theirs, 0).currentState = [...(goal(theirs, 0).currentState ?? []), "同じ追加"];
    const merge = mergeDocuments(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve()).toEqual(mine);
  });

  it("does not care about key order", () => {
    expect(canonical({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      canonical({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    const merge = mergeDocuments({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 3 });
    expect(merge.resolve()).toEqual({ a: 1, b: 3 });
  });

  it("reports a key both added with different values", () => {
    const merge = mergeDocuments<Record<string, unknown>>({}, { x: 1 }, { x: 2 });
    expect(merge.conflicts).toEqual([
      { id: 0, path: "x", kind: "value", base: undefined, mine: 1, theirs: 2 },
    ]);
    expect(merge.resolve({ 0: "mine" })).toEqual({ x: 1 });
  });
});
