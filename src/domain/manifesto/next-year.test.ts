import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validManifestoArb } from "../../../test/arbitraries.ts";
import { NoNextFiscalYearError, nextYearDraft } from "./next-year.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "./schema.ts";
import { validateManifesto } from "./validate.ts";

const demo = (): ManifestoDocument =>
  manifestoDocumentSchema.parse(
    JSON.parse(
      readFileSync(new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url), "utf8"),
    ),
  );

describe("nextYearDraft on the demo (2023 総務部)", () => {
  const before = demo();
  const draft = nextYearDraft(before);

  it("is the next fiscal year's document, valid", () => {
    expect(draft.fiscalYear).toBe(2024);
    expect(validateManifesto(draft).ok).toBe(true);
  });

  it("keeps the department, the scale and every goal's mission, title, targets and means", () => {
    expect(draft.department).toEqual(before.department);
    expect(draft.evaluationScale).toEqual(before.evaluationScale);
    expect(draft.goals.map((g) => [g.number, g.mission, g.title, g.means, g.policyRefs])).toEqual(
      before.goals.map((g) => [g.number, g.mission, g.title, g.means, g.policyRefs]),
    );
    expect(draft.goals.map((g) => g.targets?.map((t) => t.text))).toEqual(
      before.goals.map((g) => g.targets?.map((t) => t.text)),
    );
  });

  it("drops results, interim reports and the self-evaluation", () => {
    for (const g of draft.goals) {
      expect(g).not.toHaveProperty("evaluation");
      expect(g).not.toHaveProperty("progress");
      for (const t of g.targets ?? []) expect(t).not.toHaveProperty("result");
    }
  });

  it("turns last year's actual results into baselines", () => {
    const first = draft.goals[0]?.targets?.[0]?.measure;
    // 2023: baseline 51.3 (2022), actual 49.4 → 2024: baseline 49.4 (2023)
    expect(first).toMatchObject({ kind: "numeric", baseline: { value: 49.4, fiscalYear: 2023 } });
    // A target without a baseline last year gets one from its result.
    const ratio = draft.goals.find((g) => g.number === 3)?.targets?.[0]?.measure;
    expect(ratio).toMatchObject({ baseline: { value: 3, fiscalYear: 2023 } });
    // Milestones keep no baseline.
    const milestone = draft.goals.find((g) => g.number === 5)?.targets?.[0]?.measure;
    expect(milestone).toEqual({ kind: "milestone" });
  });

  it("leaves last year's document untouched", () => {
    expect(before).toEqual(demo());
  });

  it("keeps a baseline when there was no result", () => {
    const doc = demo();
    const target = doc.goals[0]?.targets?.[0];
    if (!target) throw new Error("demo changed");
    delete target.result;
    expect(nextYearDraft(doc).goals[0]?.targets?.[0]?.measure).toMatchObject({
      baseline: { value: 51.3, fiscalYear: 2022 },
    });
  });

  it("refuses to go past the last fiscal year of the format", () => {
    expect(() => nextYearDraft({ ...demo(), fiscalYear: 2100 })).toThrow(NoNextFiscalYearError);
  });
});

describe("nextYearDraft on any valid document", () => {
  const beforeLastYear = validManifestoArb.filter((d) => d.fiscalYear < 2100);

  it("gives a valid document of the next fiscal year", () => {
    fc.assert(
      fc.property(beforeLastYear, (doc) => {
        const draft = nextYearDraft(doc);
        const checked = validateManifesto(JSON.parse(JSON.stringify(draft)));
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        expect(draft.fiscalYear).toBe(doc.fiscalYear + 1);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps goals and targets in order, with no results or evaluations", () => {
    fc.assert(
      fc.property(beforeLastYear, (doc) => {
        const draft = nextYearDraft(doc);
        expect(draft.goals.map((g) => g.number)).toEqual(doc.goals.map((g) => g.number));
        draft.goals.forEach((g, i) => {
          const was = doc.goals[i];
          expect(g.evaluation).toBeUndefined();
          expect(g.progress).toBeUndefined();
          expect(g.targets?.length).toBe(was?.targets?.length);
          g.targets?.forEach((t, j) => {
            const old = was?.targets?.[j];
            expect(t.result).toBeUndefined();
            expect(t.text).toBe(old?.text);
            const actual = old?.result?.actual;
            if (t.measure?.kind === "numeric" && actual !== undefined) {
              expect(t.measure.baseline).toEqual({ value: actual, fiscalYear: doc.fiscalYear });
            } else {
              expect(t.measure).toEqual(old?.measure);
            }
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
