import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE } from "./default-scale.ts";
import { type EvaluationScale, LIMITS, type ManifestoDocument } from "./schema.ts";
import { type Problem, validateManifesto, validateManifestoJson } from "./validate.ts";

const demoText = readFileSync(
  new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url),
  "utf8",
);

/** A fresh, freely mutable copy of the demo (typed loosely: tests break it on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong types into the document
function demo(): any {
  return JSON.parse(demoText);
}

function problemsOf(raw: unknown, scale?: EvaluationScale): Problem[] {
  const result = validateManifesto(raw, scale ? { scale } : {});
  if (result.ok) throw new Error("expected the document to be refused");
  return result.problems;
}

function expectProblem(raw: unknown, path: string, message?: RegExp, scale?: EvaluationScale) {
  const problems = problemsOf(raw, scale);
  const atPath = problems.filter((p) => p.path === path);
  expect(atPath, JSON.stringify(problems)).not.toHaveLength(0);
  if (message) expect(atPath.map((p) => p.message).join(" | ")).toMatch(message);
}

describe("validateManifesto accepts", () => {
  it("the demo, unchanged", () => {
    const result = validateManifestoJson(demoText);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual(JSON.parse(demoText));
  });

  it("the smallest document", () => {
    const doc = {
      format: "tassei.manifesto/v1",
      municipality: { code: "242161", name: "伊賀市" },
      fiscalYear: 2024,
      department: { name: "総務部" },
      goals: [{ number: 1, mission: "m", title: "t" }],
    };
    expect(validateManifesto(doc)).toEqual({ ok: true, value: doc });
  });

  it("an evaluation level on the municipality's scale when the document has none", () => {
    const doc = demo();
    delete doc.evaluationScale;
    doc.goals[0].evaluation.level = 9;
    const scale: EvaluationScale = {
      name: "s",
      levels: [9, 4, 3].map((level) => ({ level, label: `L${level}` })),
    };
    expect(validateManifesto(doc).ok).toBe(false);
    expect(validateManifesto(doc, { scale }).ok).toBe(true);
  });

  it("the limits themselves", () => {
    const doc = demo();
    doc.goals[0].title = "あ".repeat(LIMITS.title);
    doc.goals[0].evaluation.reason = "理".repeat(LIMITS.reason);
    doc.fiscalYear = 2100;
    expect(validateManifesto(doc).ok).toBe(true);
  });
});

describe("validateManifesto refuses, with the JSON path", () => {
  it("malformed JSON", () => {
    const result = validateManifestoJson(demoText.slice(0, -3));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: "$", message: expect.stringMatching(/^is not valid JSON/) },
    ]);
  });

  it("a document that is not an object", () => {
    expectProblem([], "$", /must be an object, not an array/);
    expectProblem(null, "$", /not null/);
  });

  it("a wrong format tag, or none", () => {
    const doc = demo();
    doc.format = "tassei.manifesto/v2";
    expectProblem(doc, "format", /must be "tassei.manifesto\/v1"/);
    delete doc.format;
    expectProblem(doc, "format", /is required|must be/);
  });

  it("wrong types", () => {
    const doc = demo();
    doc.fiscalYear = "2023";
    doc.goals[1].title = 5;
    doc.goals[2].means = "一つの文";
    doc.goals[0].targets[0].measure.target = "55";
    expectProblem(doc, "fiscalYear", /must be a number, not a string/);
    expectProblem(doc, "goals[1].title", /must be a string, not a number/);
    expectProblem(doc, "goals[2].means", /must be an array, not a string/);
    expectProblem(doc, "goals[0].targets[0].measure.target", /must be a number/);
  });

  it("a fraction where an integer is needed", () => {
    const doc = demo();
    doc.goals[0].number = 1.5;
    expectProblem(doc, "goals[0].number", /integer/);
  });

  it("unknown keys at the top and nested", () => {
    const doc = demo();
    doc.fiscalyear = 2023;
    doc.department.head.mail = "x";
    doc.goals[3].targets[1].measure.units = "%";
    expectProblem(doc, "fiscalyear", /unknown keys are refused/);
    expectProblem(doc, "department.head.mail", /unknown keys are refused/);
    expectProblem(doc, "goals[3].targets[1].measure.units", /unknown keys are refused/);
  });

  it("a municipality code with a wrong check digit, or not 6 digits", () => {
    const doc = demo();
    doc.municipality.code = "242162";
    expectProblem(doc, "municipality.code", /check digit/);
    doc.municipality.code = "２４２１６１";
    expectProblem(doc, "municipality.code", /6 digits/);
  });

  it("duplicate goal numbers", () => {
    const doc = demo();
    doc.goals[4].number = 2;
    expectProblem(doc, "goals[4].number", /duplicates the number of goals\[1\] \(2\)/);
  });

  it("an evaluation level not on the default scale", () => {
    const doc = demo();
    delete doc.evaluationScale;
    doc.goals[2].evaluation.level = 6;
    expectProblem(doc, "goals[2].evaluation.level", new RegExp(DEFAULT_SCALE.name));
  });

  it("an evaluation level not on the document's own scale", () => {
    const doc = demo();
    doc.evaluationScale = {
      name: "達成度",
      levels: [
        { level: 3, label: "A 達成", meaning: "achieved" },
        { level: 2, label: "B 一部達成", meaning: "partial" },
        { level: 1, label: "C 未達成", meaning: "not_achieved" },
      ],
    };
    // Levels 3 are on it; 4 (goals 2, 3 and 5) is not, although it is on the default scale.
    const paths = problemsOf(doc).map((p) => p.path);
    expect(paths).toEqual([
      "goals[1].evaluation.level",
      "goals[2].evaluation.level",
      "goals[4].evaluation.level",
    ]);
  });

  it("a broken scale: duplicate levels, unknown meaning, no levels", () => {
    const doc = demo();
    doc.evaluationScale.levels[1].level = 5;
    expectProblem(doc, "evaluationScale.levels[1].level", /more than once/);
    doc.evaluationScale.levels[2].meaning = "done";
    expectProblem(doc, "evaluationScale.levels[2].meaning", /must be one of advanced/);
    doc.evaluationScale.levels = [];
    expectProblem(doc, "evaluationScale.levels", /at least 1 items/);
  });

  it("result.actual on a milestone or on a target without a measure", () => {
    const doc = demo();
    doc.goals[4].targets[0].result.actual = 1;
    delete doc.goals[0].targets[1].measure;
    expectProblem(doc, "goals[4].targets[0].result.actual", /numeric measure/);
    expectProblem(doc, "goals[0].targets[1].result.actual", /numeric measure/);
  });

  it("result.status on a numeric target", () => {
    const doc = demo();
    doc.goals[1].targets[0].result.status = "achieved";
    expectProblem(doc, "goals[1].targets[0].result.status", /milestone measure/);
  });

  it("a bad comparator and an unknown measure kind", () => {
    const doc = demo();
    doc.goals[0].targets[0].measure.comparator = "≧";
    doc.goals[1].targets[0].measure.kind = "rank";
    expectProblem(doc, "goals[0].targets[0].measure.comparator", /must be one of >=, >, <=, <, =/);
    expectProblem(doc, "goals[1].targets[0].measure.kind", /numeric or milestone/);
  });

  it("numbers that are not sane", () => {
    const doc = demo();
    doc.goals[0].targets[0].measure.target = 1e16;
    expectProblem(doc, "goals[0].targets[0].measure.target", /finite number/);
  });

  it("text over the limits", () => {
    const doc = demo();
    doc.goals[0].title = "あ".repeat(LIMITS.title + 1);
    doc.goals[0].evaluation.reason = "理".repeat(LIMITS.reason + 1);
    doc.department.name = "部".repeat(LIMITS.shortText + 1);
    doc.goals[1].means[0] = "手".repeat(LIMITS.paragraph + 1);
    expectProblem(doc, "goals[0].title", new RegExp(`at most ${LIMITS.title}`));
    expectProblem(doc, "goals[0].evaluation.reason", new RegExp(`at most ${LIMITS.reason}`));
    expectProblem(doc, "department.name", new RegExp(`at most ${LIMITS.shortText}`));
    expectProblem(doc, "goals[1].means[0]", new RegExp(`at most ${LIMITS.paragraph}`));
  });

  it("too many goals, or none", () => {
    const doc = demo();
    doc.goals = [];
    expectProblem(doc, "goals", /at least 1 items/);
    const goal = demo().goals[0];
    doc.goals = Array.from({ length: LIMITS.goals + 1 }, (_, i) => ({ ...goal, number: i + 1 }));
    expectProblem(doc, "goals", new RegExp(`at most ${LIMITS.goals} items`));
  });

  it("required text that is empty or blank", () => {
    const doc = demo();
    doc.goals[0].mission = "　";
    doc.municipality.name = "";
    expectProblem(doc, "goals[0].mission", /must not be empty/);
    expectProblem(doc, "municipality.name", /must not be empty/);
  });

  it("the NUL character and lone surrogates", () => {
    const doc = demo();
    doc.goals[0].desiredState = "a\u0000b";
    doc.goals[1].desiredState = "a\uD842b";
    expectProblem(doc, "goals[0].desiredState", /NUL/);
    expectProblem(doc, "goals[1].desiredState", /well-formed/);
  });

  it("a fiscal year out of range", () => {
    for (const year of [1988, 2101]) {
      const doc = demo();
      doc.fiscalYear = year;
      expectProblem(doc, "fiscalYear", /must be (at least 1989|at most 2100)/);
    }
  });

  it("a bad progress date", () => {
    const doc = demo();
    doc.goals[0].progress = [{ asOf: "2023/10/01" }, { asOf: "2023-02-30" }];
    expectProblem(doc, "goals[0].progress[0].asOf", /YYYY-MM-DD/);
    expectProblem(doc, "goals[0].progress[1].asOf", /real calendar date/);
  });

  it("progress reports out of order", () => {
    const doc = demo();
    doc.goals[0].progress = [
      { asOf: "2023-10-01" },
      { asOf: "2023-10-01" },
      { asOf: "2023-07-01" },
    ];
    const paths = problemsOf(doc).map((p) => p.path);
    expect(paths).toEqual(["goals[0].progress[2].asOf"]);
  });

  it("a progress value naming a target that does not exist or is not numeric", () => {
    const doc = demo();
    doc.goals[0].progress = [{ asOf: "2023-10-01", values: [{ target: 2, actual: 1 }] }];
    doc.goals[5].progress = [{ asOf: "2023-10-01", values: [{ target: 0, actual: 1 }] }];
    doc.goals[1].progress = [{ asOf: "2023-10-01", values: [{ target: -1, actual: 1 }] }];
    expectProblem(doc, "goals[0].progress[0].values[0].target", /index of a target.*0–1/);
    expectProblem(doc, "goals[5].progress[0].values[0].target", /numeric measure/);
    expectProblem(doc, "goals[1].progress[0].values[0].target", /at least 0/);
  });
});

describe("one broken document", () => {
  it("lists every problem at once, schema and cross-field rules together", () => {
    const doc = demo();
    doc.format = "x";
    doc.municipality.code = "242162";
    doc.extra = true;
    doc.goals[1].number = 1; // duplicate
    doc.goals[2].evaluation.level = 8; // off the scale
    doc.goals[3].title = ""; // empty
    doc.goals[4].targets[0].result.actual = 3; // actual on a milestone
    doc.goals[5].progress = [{ asOf: "2024-01-01" }, { asOf: "2023-10-01" }];
    const paths = problemsOf(doc).map((p) => p.path);
    for (const path of [
      "format",
      "municipality.code",
      "extra",
      "goals[3].title",
      "goals[1].number",
      "goals[2].evaluation.level",
      "goals[4].targets[0].result.actual",
      "goals[5].progress[1].asOf",
    ]) {
      expect(paths).toContain(path);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("does not change the document it was given", () => {
    const doc: ManifestoDocument = demo();
    const before = JSON.stringify(doc);
    validateManifesto(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
