import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE, meaningOf } from "./default-scale.ts";
import type { EvaluationScale } from "./schema.ts";
import { validateManifesto } from "./validate.ts";

const demoPath = new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url);

function demoScale(): EvaluationScale {
  const result = validateManifesto(JSON.parse(readFileSync(demoPath, "utf8")));
  if (!result.ok || !result.value.evaluationScale) throw new Error("the demo must carry a scale");
  return result.value.evaluationScale;
}

describe("meaningOf", () => {
  it("reads the meaning of each level of the default scale", () => {
    expect([5, 4, 3, 2, 1].map((l) => meaningOf(DEFAULT_SCALE, l))).toEqual([
      "advanced",
      "exceeded",
      "achieved",
      "not_achieved",
      "not_attempted",
    ]);
  });

  it("resolves the demo's scale, written without meanings, by its labels", () => {
    const scale = demoScale();
    expect(scale.levels.every((l) => l.meaning === undefined)).toBe(true);
    expect([5, 4, 3, 2, 1].map((l) => meaningOf(scale, l))).toEqual([
      "advanced",
      "exceeded",
      "achieved",
      "not_achieved",
      "not_attempted",
    ]);
  });

  it("matches labels after NFKC and trimming (full-width punctuation, spaces)", () => {
    const scale: EvaluationScale = {
      name: "s",
      levels: [{ level: 9, label: " 取り組んだが，業績目標を達成しなかった　" }],
    };
    // NFKC folds "，" to "," but never to "、": another label, so no claim can be read.
    expect(meaningOf(scale, 9)).toBeUndefined();
    const same: EvaluationScale = {
      name: "s",
      levels: [{ level: 9, label: "　業績目標を達成した " }],
    };
    expect(meaningOf(same, 9)).toBe("achieved");
  });

  it("prefers a level's own meaning over its label", () => {
    const scale: EvaluationScale = {
      name: "s",
      levels: [{ level: 3, label: "業績目標を達成した", meaning: "partial" }],
    };
    expect(meaningOf(scale, 3)).toBe("partial");
  });

  it("gives undefined for an unknown label or a level not on the scale", () => {
    const suita: EvaluationScale = {
      name: "達成度",
      levels: [
        { level: 3, label: "A 達成" },
        { level: 2, label: "B 一部達成", meaning: "partial" },
      ],
    };
    expect(meaningOf(suita, 3)).toBeUndefined();
    expect(meaningOf(suita, 2)).toBe("partial");
    expect(meaningOf(suita, 7)).toBeUndefined();
    expect(meaningOf(DEFAULT_SCALE, 0)).toBeUndefined();
  });

  it("can borrow meanings from other known scales", () => {
    const okazaki: EvaluationScale = {
      name: "岡崎",
      levels: [{ level: 1, label: "評価不能", meaning: "unassessable" }],
    };
    const scale: EvaluationScale = { name: "x", levels: [{ level: 0, label: "評価不能" }] };
    expect(meaningOf(scale, 0)).toBeUndefined();
    expect(meaningOf(scale, 0, [DEFAULT_SCALE, okazaki])).toBe("unassessable");
  });
});
