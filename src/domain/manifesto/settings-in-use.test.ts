import { describe, expect, it } from "vitest";
import type { EvaluationScale, ManifestoDocument, ScoreScale, TagVocabulary } from "./schema.ts";
import { strandedProblems, strandedUses, withExtensionChange } from "./settings-in-use.ts";

const vocabulary: TagVocabulary = {
  id: "kenmin",
  name: "県民力ビジョン",
  tags: [
    { id: "1", label: "1 安全" },
    { id: "2", label: "2 健康" },
  ],
};
const score: ScoreScale = { name: "達成度", range: { min: 0, max: 100 } } as ScoreScale;

function doc(tags: string[], scoreValue?: number): ManifestoDocument {
  return {
    fiscalYear: 2024,
    goals: [{ tags, ...(scoreValue !== undefined && { evaluation: { score: scoreValue } }) }],
  } as unknown as ManifestoDocument;
}

describe("a change of the municipality's extension settings", () => {
  const stored = [
    { fiscalYear: 2024, departmentName: "環境生活部", document: doc(["kenmin:1"], 80) },
    { fiscalYear: 2023, departmentName: "健康福祉部", document: doc(["sdg:3"]) },
  ];

  it("strands a tag of a removed vocabulary or tag, and a score outside a narrowed scale", () => {
    const before = { tagVocabularies: [vocabulary], scoreScale: score };
    const after = {
      tagVocabularies: [{ ...vocabulary, tags: [{ id: "2", label: "2 健康" }] }],
      scoreScale: { ...score, range: { min: 0, max: 50 } } as ScoreScale,
    };
    const uses = strandedUses(stored, before, after);
    expect(uses).toEqual([
      {
        setting: "tagVocabularies",
        fiscalYear: 2024,
        departmentName: "環境生活部",
        path: "goals[0].tags[0]",
      },
      {
        setting: "scoreScale",
        fiscalYear: 2024,
        departmentName: "環境生活部",
        path: "goals[0].evaluation.score",
      },
    ]);
    expect(strandedProblems(uses, (s) => s)).toEqual([
      {
        path: "scoreScale",
        message: expect.stringContaining("2024年度 環境生活部（goals[0].evaluation.score）"),
      },
      {
        path: "tagVocabularies",
        message: expect.stringContaining("2024年度 環境生活部（goals[0].tags[0]）"),
      },
    ]);
  });

  it("strands nothing that was already invalid, or that the change keeps", () => {
    const kept = { tagVocabularies: [vocabulary], scoreScale: score };
    expect(strandedUses(stored, kept, kept)).toEqual([]);
    expect(strandedUses(stored, {}, {})).toEqual([]);
    // Adding a vocabulary or widening the scale takes nothing away.
    expect(
      strandedUses(stored, kept, {
        tagVocabularies: [vocabulary, { ...vocabulary, id: "other" }],
        scoreScale: { ...score, range: { min: 0, max: 200 } } as ScoreScale,
      }),
    ).toEqual([]);
  });

  it("lists three uses, then how many more", () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      fiscalYear: 2024,
      departmentName: `部${i + 1}`,
      document: doc(["kenmin:1"]),
    }));
    const [problem] = strandedProblems(
      strandedUses(many, { tagVocabularies: [vocabulary] }, {}),
      () => "タグの語彙",
    );
    expect(problem?.path).toBe("タグの語彙");
    expect(problem?.message).toContain("部3（goals[0].tags[0]）ほか2件");
    expect(problem?.message).not.toContain("部4");
  });
});

describe("the settings after a change", () => {
  const before = { tagVocabularies: [vocabulary], scoreScale: score };
  it("keeps what the change leaves out, removes what it sets to null or empty", () => {
    expect(withExtensionChange(before, {})).toEqual(before);
    expect(withExtensionChange(before, { scoreScale: null })).toEqual({
      tagVocabularies: [vocabulary],
    });
    expect(withExtensionChange(before, { tagVocabularies: [] })).toEqual({ scoreScale: score });
    const other = { ...vocabulary, id: "other" };
    expect(withExtensionChange(before, { tagVocabularies: [other] })).toEqual({
      tagVocabularies: [other],
      scoreScale: score,
    });
  });
});

describe("a change of the municipality's evaluation scale", () => {
  const evaluated = (level: number, own = false) =>
    ({
      fiscalYear: 2024,
      goals: [{ tags: [], evaluation: { level, reason: "" } }],
      ...(own && { evaluationScale: { name: "独自", levels: [{ level, label: "独自" }] } }),
    }) as unknown as ManifestoDocument;
  const threeLevels = {
    name: "3段階",
    levels: [
      { level: 3, label: "A" },
      { level: 2, label: "B" },
      { level: 1, label: "C" },
    ],
  } as EvaluationScale;

  it("strands a level the new scale lacks, unless the document carries its own scale", () => {
    const stored = [
      { fiscalYear: 2024, departmentName: "総務部", document: evaluated(5) },
      { fiscalYear: 2024, departmentName: "企画部", document: evaluated(2) },
      { fiscalYear: 2024, departmentName: "独自部", document: evaluated(5, true) },
    ];
    const uses = strandedUses(stored, {}, withExtensionChange({}, { scale: threeLevels }));
    expect(uses).toEqual([
      {
        setting: "evaluationScale",
        fiscalYear: 2024,
        departmentName: "総務部",
        path: "goals[0].evaluation.level",
      },
    ]);
    expect(strandedProblems(uses, (s) => s)[0]?.message).toContain(
      "保存済みのマニフェストの自己評価が使えなくなります：2024年度 総務部",
    );
    // Back to the default scale, whose levels include 1-3: nothing stranded.
    expect(
      strandedUses(stored, { scale: threeLevels }, withExtensionChange({}, { scale: null })),
    ).toEqual([]);
  });
});
