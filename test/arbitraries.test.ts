import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import { validateManifesto, validateManifestoJson } from "../src/domain/manifesto/validate.ts";
import { isValidMunicipalityCode } from "../src/domain/municipality-code.ts";
import {
  evaluationScaleArb,
  municipalityCodeArb,
  saneNumberArb,
  validManifestoArb,
} from "./arbitraries.ts";

const RUNS = { numRuns: 200 };

function problemsOf(doc: unknown): string {
  const result = validateManifesto(doc);
  return result.ok ? "" : JSON.stringify(result.problems);
}

describe("validManifestoArb", () => {
  it("makes only documents that pass validateManifesto", () => {
    fc.assert(
      fc.property(validManifestoArb, (doc) => {
        expect(problemsOf(doc)).toBe("");
      }),
      RUNS,
    );
  });

  it("survives JSON.stringify → JSON.parse → validate unchanged", () => {
    fc.assert(
      fc.property(validManifestoArb, (doc) => {
        const result = validateManifestoJson(JSON.stringify(doc));
        expect(result.ok).toBe(true);
        expect(result.ok && result.value).toStrictEqual(doc);
      }),
      RUNS,
    );
  });

  it("reaches the corners of the format", () => {
    const docs = fc.sample(validManifestoArb, { numRuns: 300, seed: 1 });
    const goals = docs.flatMap((d) => d.goals);
    const targets = goals.flatMap((g) => g.targets ?? []);
    const json = JSON.stringify(docs);
    const seen = {
      withScale: docs.some((d) => d.evaluationScale),
      withoutScale: docs.some((d) => !d.evaluationScale),
      meaning: docs.some((d) => d.evaluationScale?.levels.some((l) => l.meaning)),
      noMeaning: docs.some((d) => d.evaluationScale?.levels.some((l) => !l.meaning)),
      noPrefecture: docs.some((d) => d.municipality.prefecture === undefined),
      emptyPrefecture: docs.some((d) => d.municipality.prefecture === ""),
      emptyArrays: goals.some((g) => g.policyRefs?.length === 0 && g.targets?.length === 0),
      emptyBullet: goals.some((g) => g.means?.includes("")),
      numericResult: targets.some(
        (t) => t.measure?.kind === "numeric" && t.result?.actual !== undefined,
      ),
      milestoneResult: targets.some((t) => t.measure?.kind === "milestone" && t.result?.status),
      noMeasure: targets.some((t) => t.measure === undefined),
      baseline: targets.some((t) => t.measure?.kind === "numeric" && t.measure.baseline),
      progressValues: goals.some((g) => g.progress?.some((p) => (p.values?.length ?? 0) > 0)),
      severalReports: goals.some((g) => (g.progress?.length ?? 0) > 1),
      multiLineReason: goals.some((g) => g.evaluation?.reason.includes("\n")),
      crlf: json.includes("\\r\\n"),
      fullWidthDigits: json.includes("５"),
      circled: json.includes("①"),
      wave: json.includes("～"),
      rareKanji: json.includes("𠮷") && json.includes("髙") && json.includes("﨑"),
      emoji: json.includes("😀"),
      negative: targets.some((t) => t.measure?.kind === "numeric" && t.measure.target < 0),
      decimal: targets.some(
        (t) => t.measure?.kind === "numeric" && !Number.isInteger(t.measure.target),
      ),
    };
    expect(Object.entries(seen).filter(([, v]) => !v)).toEqual([]);
  });
});

describe("the smaller arbitraries", () => {
  it("make valid codes, sane numbers and well-formed scales", () => {
    fc.assert(
      fc.property(municipalityCodeArb, saneNumberArb, evaluationScaleArb, (code, n, scale) => {
        expect(isValidMunicipalityCode(code)).toBe(true);
        expect(Number.isFinite(n) && Math.abs(n) <= 1e9 && !Object.is(n, -0)).toBe(true);
        const levels = scale.levels.map((l) => l.level);
        expect(new Set(levels).size).toBe(levels.length);
      }),
      RUNS,
    );
  });

  it("would be caught by validation when broken (the property can fail)", () => {
    const [doc] = fc.sample(validManifestoArb, { numRuns: 1, seed: 2 }) as [ManifestoDocument];
    const broken = structuredClone(doc);
    const first = broken.goals[0];
    if (!first) throw new Error("a document has at least one goal");
    first.evaluation = { level: 1000, reason: "" };
    expect(problemsOf(broken)).toContain("goals[0].evaluation.level");
  });
});
