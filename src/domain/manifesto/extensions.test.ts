// The additive keys of tassei.manifesto/v1 (FORMAT.md "Extensions"): the documents of a
// prefecture's 工程表 and a city's results table are accepted as written, and the rules
// across the new keys report the field.
import { describe, expect, it } from "vitest";
import { demoDocument, extensionFixture } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "./schema.ts";
import { tagLabel, vocabulariesOf } from "./tags.ts";
import { validateManifesto } from "./validate.ts";

function problemsOf(doc: unknown): { path: string; message: string }[] {
  const r = validateManifesto(doc);
  return r.ok ? [] : r.problems;
}

function prefecture(): ManifestoDocument {
  return extensionFixture("prefecture");
}

describe("documents of other authorities", () => {
  it.each(["prefecture", "city"] as const)("accepts the %s document as written", (name) => {
    const doc = extensionFixture(name);
    const r = validateManifesto(structuredClone(doc));
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (r.ok) expect(r.value).toStrictEqual(doc);
  });

  it("keeps older documents valid and unchanged", () => {
    const doc = demoDocument();
    const r = validateManifesto(structuredClone(doc));
    expect(r.ok && r.value).toStrictEqual(doc);
  });

  it("lets a goal have no mission, but not a blank one", () => {
    const doc = extensionFixture("city");
    expect(doc.goals[0]?.mission).toBeUndefined();
    (doc.goals[0] as { mission?: string }).mission = " ";
    expect(problemsOf(doc)).toEqual([{ path: "goals[0].mission", message: "must not be empty" }]);
  });
});

describe("the second evaluation", () => {
  it("must lie in the document's range", () => {
    const doc = prefecture();
    doc.goals[0]!.evaluation!.score = 11;
    expect(problemsOf(doc)).toEqual([
      { path: "goals[0].evaluation.score", message: "must be between 0 and 10 (達成度)" },
    ]);
  });

  it("needs the document's scoreScale", () => {
    const doc = prefecture();
    delete doc.scoreScale;
    expect(problemsOf(doc).map((p) => p.path)).toEqual([
      "goals[0].evaluation.score",
      "goals[1].evaluation.score",
      "goals[2].evaluation.score",
    ]);
  });

  it("may lie on the municipality's scale when the document has none", () => {
    const doc = prefecture();
    const scoreScale = doc.scoreScale!;
    delete doc.scoreScale;
    const r = validateManifesto(doc, { scoreScale });
    expect(r.ok ? [] : r.problems).toEqual([]);
    doc.goals[0]!.evaluation!.score = 11;
    const wrong = validateManifesto(doc, { scoreScale });
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path)).toEqual([
      "goals[0].evaluation.score",
    ]);
  });

  it("keeps the document's own scale over the municipality's", () => {
    const doc = prefecture();
    const r = validateManifesto(doc, { scoreScale: { name: "別", range: { min: 0, max: 1 } } });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it("may be levels of the municipality's own, and then must be one of them", () => {
    const doc = prefecture();
    doc.scoreScale = {
      name: "達成度",
      levels: [
        { level: 3, label: "A" },
        { level: 1, label: "C" },
      ],
    };
    doc.goals[0]!.evaluation!.score = 3;
    doc.goals[1]!.evaluation!.score = 1;
    doc.goals[2]!.evaluation!.score = 2;
    expect(problemsOf(doc)).toEqual([
      {
        path: "goals[2].evaluation.score",
        message: 'must be a level of the scale "達成度" (3, 1)',
      },
    ]);
  });

  it("has either a range or levels", () => {
    const doc = prefecture() as unknown as { scoreScale: Record<string, unknown> };
    doc.scoreScale = { name: "達成度" };
    expect(problemsOf(doc)).toContainEqual({
      path: "scoreScale",
      message: "must have either range or levels",
    });
  });
});

describe("tags", () => {
  it("name a tag of a built-in or the document's vocabulary", () => {
    const doc = prefecture();
    doc.goals[0]!.tags = ["sdg:18", "mie-plan:4-2", "nowhere:1"];
    doc.goals[0]!.targets![0]!.tags = ["indicator:input"];
    expect(problemsOf(doc).map((p) => p.path)).toEqual([
      "goals[0].tags[0]",
      "goals[0].tags[2]",
      "goals[0].targets[0].tags[0]",
    ]);
  });

  it("are written vocabulary:tag", () => {
    const doc = prefecture();
    doc.goals[0]!.tags = ["SDG3"];
    expect(problemsOf(doc)[0]?.path).toBe("goals[0].tags[0]");
  });

  it("read as the vocabulary's words", () => {
    const v = vocabulariesOf(prefecture());
    expect(tagLabel(v, "sdg:12")).toBe("SDGs 12 つくる責任 つかう責任");
    expect(tagLabel(v, "indicator:outcome")).toBe("指標の分類 成果指標");
    expect(tagLabel(v, "mie-plan:4-2")).toBe("みえ元気プラン 施策 4-2 循環型社会の構築");
  });

  it("may name the municipality's vocabularies; the document's own keep their meaning", () => {
    const doc = prefecture();
    doc.goals[0]!.tags = ["city-plan:a1", "mie-plan:4-2"];
    expect(problemsOf(doc).map((p) => p.path)).toEqual(["goals[0].tags[0]"]);
    const municipality = [
      { id: "city-plan", name: "市の総合計画", tags: [{ id: "a1", label: "A-1 子育て" }] },
      { id: "mie-plan", name: "別の意味", tags: [{ id: "9", label: "9" }] },
    ];
    const r = validateManifesto(doc, { tagVocabularies: municipality });
    expect(r.ok ? [] : r.problems).toEqual([]);
    const v = vocabulariesOf(doc, municipality);
    expect(tagLabel(v, "mie-plan:4-2")).toBe("みえ元気プラン 施策 4-2 循環型社会の構築");
    expect(tagLabel(v, "city-plan:a1")).toBe("市の総合計画 A-1 子育て");
  });

  it("refuses a vocabulary that redefines a built-in one", () => {
    const doc = prefecture();
    doc.tagVocabularies![0]!.id = "sdg";
    expect(problemsOf(doc).map((p) => p.path)).toContain("tagVocabularies[0].id");
  });
});

describe("long-term targets", () => {
  it("lie in or after the document's year", () => {
    const doc = prefecture();
    const m = doc.goals[0]!.targets![0]!.measure!;
    if (m.kind === "numeric") m.longTerm = [{ target: 850, fiscalYear: 2023 }];
    expect(problemsOf(doc)).toEqual([
      {
        path: "goals[0].targets[0].measure.longTerm[0].fiscalYear",
        message: "must not be before the document's fiscal year (2024)",
      },
    ]);
  });
});
