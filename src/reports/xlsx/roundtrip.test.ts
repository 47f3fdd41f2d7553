import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validManifestoArb } from "../../../test/arbitraries.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import { exportManifestoXlsx, exportTemplateXlsx, importManifestoXlsx } from "./index.ts";

function demo(): ManifestoDocument {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

describe("xlsx round trip", () => {
  it("gives back the demo document from the exported workbook", async () => {
    const doc = demo();
    const back = await importManifestoXlsx(await exportManifestoXlsx(doc));
    expect(back).toEqual({ ok: true, value: doc });
  });

  it("gives back the demo document from a prefilled template", async () => {
    const doc = demo();
    const back = await importManifestoXlsx(await exportTemplateXlsx({ doc }));
    expect(back).toEqual({ ok: true, value: doc });
  });

  it("gives back every valid document, empty strings and lists included", async () => {
    await fc.assert(
      fc.asyncProperty(validManifestoArb, async (doc) => {
        const back = await importManifestoXlsx(await exportManifestoXlsx(doc));
        expect(back).toEqual({ ok: true, value: doc });
      }),
      { numRuns: 60 },
    );
  });
});

describe("xlsx round trip of text and numbers Excel cannot hold as they are", () => {
  it("keeps control characters, CR, _xHHHH_ look-alikes, -0, tiny numbers and a 10,000-character reason", async () => {
    const doc = demo();
    const goal = doc.goals[0];
    const target = goal?.targets?.[0];
    if (!goal || !target || target.measure?.kind !== "numeric") throw new Error("demo changed");
    goal.title = "𠮷野家😀👨‍👩‍👧 _x0041_ と _x005F_ と \u0001\u0008\u000B\u001F\uFFFE\uFFFF";
    goal.mission = "行頭と行末の空白を保つ　 ";
    goal.currentState = ["一行目\n同じ項目の二行目", "", "CR\rだけ"];
    goal.policyRefs = ["7-1-①、②", " 7-2 "];
    goal.means = [];
    goal.desiredState = "";
    target.measure.target = -0;
    target.measure.baseline = { value: 1e-7, fiscalYear: 2022 };
    target.result = { actual: 123456789.123456, text: "" };
    goal.evaluation = { level: 3, reason: "理由😀𠮷\r\n".repeat(1250).slice(0, 10_000) };
    expect(goal.evaluation.reason).toHaveLength(10_000);
    expect(validateManifesto(doc).ok).toBe(true);
    const back = await importManifestoXlsx(await exportManifestoXlsx(doc));
    expect(back).toEqual({ ok: true, value: doc });
    if (back.ok) {
      const t = back.value.goals[0]?.targets?.[0]?.measure;
      expect(t?.kind === "numeric" && Object.is(t.target, -0)).toBe(true);
    }
  });

  it("keeps characters outside the BMP wherever they fall in a part (JSZip's 16 K blocks)", async () => {
    const doc = demo();
    const [first, second] = doc.goals;
    if (!first || !second) throw new Error("demo changed");
    // Surrogate pairs at every even and odd offset over 20,000 UTF-16 units of shared strings:
    // some pair straddles a block edge of the part.
    first.evaluation = { level: 3, reason: "𠮷".repeat(5000) };
    second.evaluation = { level: 3, reason: `a${"😀".repeat(4999)}` };
    expect(validateManifesto(doc).ok).toBe(true);
    expect(await importManifestoXlsx(await exportManifestoXlsx(doc))).toEqual({
      ok: true,
      value: doc,
    });
  });
});
