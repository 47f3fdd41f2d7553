import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ManifestoDocument, NumericMeasure } from "../src/domain/manifesto/schema.ts";
import { validateManifesto } from "../src/domain/manifesto/validate.ts";
import { isValidMunicipalityCode } from "../src/domain/municipality-code.ts";
import { comparisonKey } from "../src/domain/text.ts";
import {
  DEPARTMENTS,
  fiscalYearsOf,
  generateDataset,
  generateManifesto,
  generateMunicipalities,
} from "./generate.ts";

const small = { municipalities: 3, departments: 25, years: 3, seed: 42 } as const;

function numericTargets(doc: ManifestoDocument) {
  return doc.goals.flatMap((g) =>
    (g.targets ?? []).flatMap((t) =>
      t.measure?.kind === "numeric"
        ? [{ measure: t.measure as NumericMeasure, result: t.result }]
        : [],
    ),
  );
}

describe("generateMunicipalities", () => {
  it("gives distinct valid codes and names, the same for the same seed", () => {
    const list = generateMunicipalities(300, 7);
    expect(list).toHaveLength(300);
    expect(new Set(list.map((m) => m.code)).size).toBe(300);
    expect(new Set(list.map((m) => m.name)).size).toBe(300);
    for (const m of list) {
      expect(isValidMunicipalityCode(m.code), m.code).toBe(true);
      expect(m.name).toMatch(/^.{2}[市町村]$/u);
      expect(m.prefecture).toMatch(/[都道府県]$/u);
    }
    expect(generateMunicipalities(300, 7)).toEqual(list);
    expect(generateMunicipalities(300, 8)).not.toEqual(list);
  });
});

describe("department names", () => {
  it("has 25 distinct names, the common ones among them", () => {
    const names = DEPARTMENTS.map((d) => d.name);
    expect(new Set(names).size).toBe(25);
    for (const n of ["総務部", "企画振興部", "財務部", "健康福祉部", "こども未来部", "建設部"]) {
      expect(names).toContain(n);
    }
  });
});

describe("generateDataset", () => {
  const entries = [...generateDataset(small)];

  it("yields one document per municipality, department and year", () => {
    expect(entries).toHaveLength(3 * 25 * 3);
    expect(new Set(entries.map((e) => e.fiscalYear))).toEqual(new Set([2022, 2023, 2024]));
  });

  it("makes only documents that pass validateManifesto", () => {
    for (const { document } of entries) {
      const result = validateManifesto(document);
      expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    }
  });

  it("makes documents shaped like the published ones", () => {
    for (const { document, fiscalYear } of entries) {
      const evaluated = fiscalYear < 2024;
      expect(document.goals.length).toBeGreaterThanOrEqual(4);
      expect(document.goals.length).toBeLessThanOrEqual(8);
      for (const goal of document.goals) {
        expect(goal.targets?.length).toBeGreaterThanOrEqual(1);
        expect(goal.targets?.length).toBeLessThanOrEqual(3);
        expect(goal.evaluation !== undefined).toBe(evaluated);
        if (goal.evaluation) expect(goal.evaluation.reason).toContain("\n");
        for (const t of goal.targets ?? []) expect(t.result !== undefined).toBe(evaluated);
        for (const ref of goal.policyRefs ?? []) expect(ref).toMatch(/^\d-\d-[①-⑨]$/u);
      }
    }
    const goals = entries.flatMap((e) => e.document.goals);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(goals.map((g) => (g.mission ?? "").length))).toBeGreaterThan(30);
    expect(mean(goals.map((g) => (g.mission ?? "").length))).toBeLessThan(55);
    expect(mean(goals.map((g) => g.title.length))).toBeGreaterThan(10);
    expect(mean(goals.map((g) => g.title.length))).toBeLessThan(30);
    const reasons = goals.flatMap((g) => (g.evaluation ? [g.evaluation.reason.length] : []));
    expect(mean(reasons)).toBeGreaterThan(100);
    expect(mean(reasons)).toBeLessThan(220);
  });

  it("uses every kind of measure, ranks with <=", () => {
    const measures = entries.flatMap((e) => numericTargets(e.document).map((t) => t.measure));
    expect(new Set(measures.map((m) => m.unit))).toEqual(
      new Set(["%", "件", "人", "位", "倍", "%減"]),
    );
    for (const m of measures) expect(m.comparator).toBe(m.unit === "位" ? "<=" : ">=");
    const kinds = entries.flatMap((e) => e.document.goals.flatMap((g) => g.targets ?? []));
    expect(kinds.some((t) => t.measure?.kind === "milestone")).toBe(true);
  });

  it("gives the same output for the same seed and another for another seed", () => {
    expect([...generateDataset(small)]).toEqual(entries);
    const other = [...generateDataset({ ...small, seed: 43 })];
    expect(other.map((e) => e.document)).not.toEqual(entries.map((e) => e.document));
  });

  it("makes indicator series: last year's result is this year's baseline", () => {
    const byKey = new Map<string, ManifestoDocument>();
    for (const e of entries)
      byKey.set(`${e.municipality.code}/${e.departmentIndex}/${e.fiscalYear}`, e.document);
    let linked = 0;
    for (const e of entries) {
      const before = byKey.get(`${e.municipality.code}/${e.departmentIndex}/${e.fiscalYear - 1}`);
      if (!before) continue;
      const actuals = new Map(
        numericTargets(before).map((t) => [comparisonKey(t.measure.indicator), t.result?.actual]),
      );
      for (const { measure } of numericTargets(e.document)) {
        const previous = actuals.get(comparisonKey(measure.indicator));
        if (previous === undefined || !measure.baseline) continue;
        expect(measure.baseline).toEqual({ value: previous, fiscalYear: e.fiscalYear - 1 });
        linked++;
      }
    }
    // 75 departments × 2 pairs of years × several indicators each.
    expect(linked).toBeGreaterThan(150);
  });

  it("streams documents in municipality, department, year order", () => {
    // 125,000 documents: only the first three are ever built here.
    const huge = generateDataset({ municipalities: 1000, departments: 25, years: 5, seed: 1 });
    const firstThree = [huge.next(), huge.next(), huge.next()].map((r) => r.value);
    expect(firstThree.map((e) => [e?.departmentIndex, e?.fiscalYear])).toEqual([
      [0, 2020],
      [0, 2021],
      [0, 2022],
    ]);
    huge.return(undefined);
  });
});

describe("generateManifesto", () => {
  const [municipality] = generateMunicipalities(1, 3);
  if (!municipality) throw new Error("no municipality");

  it("is valid from the first fiscal year to the last, without a baseline before 1989", () => {
    for (const fiscalYear of [1989, 2100]) {
      const doc = generateManifesto({
        municipality,
        fiscalYear,
        departmentIndex: 30,
        seed: 1,
        evaluated: true,
      });
      expect(validateManifesto(doc).ok).toBe(true);
      if (fiscalYear === 1989) {
        expect(numericTargets(doc).every((t) => t.measure.baseline === undefined)).toBe(true);
      }
    }
  });

  it("names departments beyond the 25 distinctly", () => {
    const name = (departmentIndex: number) =>
      generateManifesto({
        municipality,
        fiscalYear: 2023,
        departmentIndex,
        seed: 1,
        evaluated: false,
      }).department.name;
    expect(name(25)).not.toBe(name(0));
  });
});

describe("fiscalYearsOf", () => {
  it("counts back from the latest year, never before 1989", () => {
    expect(fiscalYearsOf(3)).toEqual([2022, 2023, 2024]);
    expect(fiscalYearsOf(2, 1990)).toEqual([1989, 1990]);
    expect(fiscalYearsOf(3, 1989)).toEqual([1989, 1990, 1991]);
    expect(fiscalYearsOf([2020, 2018])).toEqual([2018, 2020]);
  });
});

describe("the command", () => {
  it("writes one JSON file per document", () => {
    const out = mkdtempSync(join(tmpdir(), "tassei-generate-"));
    try {
      const run = spawnSync(
        "node_modules/.bin/tsx",
        ["bench/generate.ts", "--municipalities", "2", "--years", "1", "--out", out],
        { encoding: "utf8" },
      );
      expect(run.status, run.stderr).toBe(0);
      const files = readdirSync(out);
      expect(files).toHaveLength(2 * 25);
      for (const file of files) {
        expect(file).toMatch(/^\d{6}-2024-D\d{3}\.manifesto\.json$/);
        expect(validateManifesto(JSON.parse(readFileSync(join(out, file), "utf8"))).ok).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
