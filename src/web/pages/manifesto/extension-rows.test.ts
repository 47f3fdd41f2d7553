import { describe, expect, it } from "vitest";
import demo from "../../../../demo/iga-2023-somu.manifesto.json" with { type: "json" };
import type { ManifestoDocument } from "../../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../../domain/manifesto/validate.ts";
import { setIn } from "./document-ops.ts";
import { addRow, newBudgetLine, newLongTerm, newReference, removeRow } from "./extension-rows.ts";

function load(): ManifestoDocument {
  return structuredClone(demo) as ManifestoDocument;
}

function numericTargetPath(doc: ManifestoDocument): (string | number)[] {
  for (const [g, goal] of doc.goals.entries()) {
    const t = (goal.targets ?? []).findIndex((x) => x.measure?.kind === "numeric");
    if (t >= 0) return ["goals", g, "targets", t];
  }
  throw new Error("the demo has no numeric target");
}

describe("extension rows in the editor", () => {
  it("adds 参考値, 長期目標, 集計期間, 予算 and target tags that the format accepts", () => {
    let doc = load();
    const t = numericTargetPath(doc);
    const year = doc.fiscalYear;
    doc = addRow(doc, [...t, "measure", "references"], newReference(year));
    doc = setIn(doc, [...t, "measure", "references", 0, "value"], 12);
    doc = addRow(doc, [...t, "measure", "longTerm"], newLongTerm(year));
    doc = setIn(doc, [...t, "measure", "longTerm", 0, "target"], 100);
    doc = setIn(doc, [...t, "measure", "period"], "calendar");
    doc = setIn(doc, [...t, "tags"], ["indicator:outcome"]);
    doc = addRow(doc, ["goals", 0, "budget"], newBudgetLine(year));
    doc = setIn(doc, ["goals", 0, "budget", 0, "label"], "研修事業費");
    const check = validateManifesto(doc);
    expect(check.ok ? [] : check.problems).toEqual([]);
    const measure = (doc.goals[t[1] as number]?.targets?.[t[3] as number]?.measure ?? {}) as {
      references?: unknown;
      longTerm?: unknown;
    };
    expect(measure.references).toEqual([{ value: 12, fiscalYear: year - 1 }]);
    expect(measure.longTerm).toEqual([{ target: 100, fiscalYear: year + 1 }]);
    expect(doc.goals[0]?.budget).toEqual([
      { label: "研修事業費", amount: 0, unit: "千円", fiscalYear: year },
    ]);
  });

  it("leaves no empty list behind when the last row is removed", () => {
    const before = load();
    const t = numericTargetPath(before);
    let doc = addRow(before, [...t, "measure", "longTerm"], newLongTerm(before.fiscalYear));
    doc = addRow(doc, ["goals", 0, "budget"], newBudgetLine(before.fiscalYear));
    doc = removeRow(doc, [...t, "measure", "longTerm"], 0);
    doc = removeRow(doc, ["goals", 0, "budget"], 0);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(before));
  });
});
