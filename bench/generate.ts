// Realistic scale data: municipalities, and manifestos for each department and fiscal year,
// deterministic for a seed. Each document's randomness comes from its own key (seed,
// municipality, department, year), so documents can be made one at a time, in any order, and
// an indicator's values line up across years: last year's result is this year's baseline.
//
//   node_modules/.bin/tsx bench/generate.ts --municipalities 2 --years 1 --out DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SCALE } from "../src/domain/manifesto/default-scale.ts";
import type { Goal, ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import { municipalityCheckDigit } from "../src/domain/municipality-code.ts";
import { KINDS, marker, milestoneTarget, numericTarget } from "./generate-targets.ts";
import {
  CURRENT_STATES,
  DEPARTMENTS,
  DESIRED_STATES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  INTERIM_STATUSES,
  MEANS,
  MISSIONS,
  PLACE_HEADS,
  PLACE_TAILS,
  PREFECTURES,
  Random,
  REASON_SENTENCES,
  seedOf,
  TITLE_ACTIONS,
  TITLE_EXTRAS,
} from "./generate-words.ts";

export { DEPARTMENTS } from "./generate-words.ts";

export interface GeneratedMunicipality {
  code: string;
  name: string;
  prefecture: string;
}

/** `n` municipalities with distinct valid codes (check digit included) and distinct names. */
export function generateMunicipalities(n: number, seed: number): GeneratedMunicipality[] {
  const rng = new Random(seedOf("municipalities", seed));
  const codes = new Set<string>();
  const names = new Set<string>();
  const out: GeneratedMunicipality[] = [];
  const maxNames = PLACE_HEADS.length * PLACE_TAILS.length * 3;
  if (n > maxNames) throw new RangeError(`at most ${maxNames} municipalities can be generated`);
  while (out.length < n) {
    const pref = rng.int(1, PREFECTURES.length);
    const suffix = rng.pick(["市", "市", "町", "村"] as const);
    // 2xx are cities, 3xx–7xx towns and villages, as in the real code table.
    const local = suffix === "市" ? rng.int(201, 299) : rng.int(301, 799);
    const five = `${String(pref).padStart(2, "0")}${local}`;
    const code = `${five}${municipalityCheckDigit(five)}`;
    const name = `${rng.pick(PLACE_HEADS)}${rng.pick(PLACE_TAILS)}${suffix}`;
    if (codes.has(code) || names.has(name)) continue;
    codes.add(code);
    names.add(name);
    out.push({ code, name, prefecture: PREFECTURES[pref - 1] ?? "" });
  }
  return out;
}

export interface GenerateManifestoOptions {
  municipality: GeneratedMunicipality;
  fiscalYear: number;
  departmentIndex: number;
  seed: number;
  /** With results, self-evaluations and a mid-year report, as at year end. */
  evaluated: boolean;
}

const MAX_GOALS = 8;

/** One valid manifesto; the same options give the same document. */
export function generateManifesto(options: GenerateManifestoOptions): ManifestoDocument {
  const { municipality, fiscalYear, departmentIndex, seed, evaluated } = options;
  const profile = DEPARTMENTS[departmentIndex % DEPARTMENTS.length];
  if (!profile) throw new RangeError("no departments");
  const round = Math.floor(departmentIndex / DEPARTMENTS.length);
  const departmentName = round === 0 ? profile.name : `${profile.name}第${round + 1}`;
  // What stays across years (themes, indicators, refs) comes from the department's key;
  // what changes each year from the document's key.
  const departmentKey = `${seed}:${municipality.code}:${departmentIndex}`;
  const stable = new Random(seedOf(departmentKey));
  const yearly = new Random(seedOf(departmentKey, fiscalYear));
  const policy = (departmentIndex % 9) + 1;
  const head = `${stable.pick(FAMILY_NAMES)}　${stable.pick(GIVEN_NAMES)}`;
  const themeOf = (slot: number) => profile.themes[slot % 4] ?? profile.name;
  const slots = Array.from({ length: MAX_GOALS }, (_, slot) => ({
    // Goals 5–8 return to the four themes in the regions: an indicator stays unique.
    theme: slot < 4 ? themeOf(slot) : `地域における${themeOf(slot)}`,
    targetKinds: stable
      .sample(KINDS, 3)
      .map((kind) => (stable.chance(0.25) ? ("milestone" as const) : kind)),
    refs: stable.chance(0.2)
      ? []
      : Array.from(
          { length: stable.int(1, 2) },
          (_, i) => `${policy}-${(slot % 4) + 1}-${marker(stable.int(0, 2) + i)}`,
        ),
    mission: stable.pick(MISSIONS),
  }));
  const goalCount = yearly.int(4, MAX_GOALS);
  const goals: Goal[] = slots.slice(0, goalCount).map((slot, g) => {
    const theme = slot.theme;
    const targetCount = yearly.int(1, 3);
    const targets = slot.targetKinds.slice(0, targetCount).map((kind, t) => {
      const key = `${departmentKey}:${g}:${t}`;
      return kind === "milestone"
        ? milestoneTarget(theme, t, targetCount, evaluated, yearly)
        : numericTarget(key, kind, theme, t, targetCount, fiscalYear, evaluated, yearly);
    });
    const goal: Goal = {
      number: g + 1,
      mission: slot.mission(theme),
      title: `${theme}の${yearly.pick(TITLE_ACTIONS)}${yearly.pick(TITLE_EXTRAS)}`,
      policyRefs: [...new Set(slot.refs)],
      currentState: yearly.sample(CURRENT_STATES, yearly.int(1, 3)).map((f) => f(theme)),
      targets: targets.map((t) => t.target),
      desiredState: yearly.pick(DESIRED_STATES)(theme),
      means: yearly.sample(MEANS, yearly.int(2, 4)).map((f) => f(theme)),
    };
    if (evaluated) {
      const numeric = targets.flatMap((t, i) =>
        t.midYear === undefined ? [] : [{ target: i, actual: t.midYear }],
      );
      if (yearly.chance(0.5)) {
        goal.progress = [
          {
            asOf: `${fiscalYear}-10-01`,
            status: yearly.pick(INTERIM_STATUSES),
            note: `${theme}の上半期の取組状況を確認した。`,
            ...(numeric.length > 0 ? { values: numeric } : {}),
          },
        ];
      }
      const allMet = targets.every((t) => t.met);
      const level = allMet ? yearly.pick([3, 3, 4, 4, 5]) : yearly.pick([2, 2, 3]);
      const sentences = yearly
        .sample(REASON_SENTENCES, yearly.int(2, 3))
        .map((f) => `・${f(theme)}`);
      const lines = targets.map((t) => t.target.result?.text ?? "").filter((s) => s !== "");
      goal.evaluation = { level, reason: [...sentences, ...lines].join("\n") };
    }
    return goal;
  });
  return {
    format: "tassei.manifesto/v1",
    municipality: {
      code: municipality.code,
      name: municipality.name,
      prefecture: municipality.prefecture,
    },
    fiscalYear,
    documentTitle: "部局マニフェスト",
    documentSubtitle: "私たちの組織使命と目標",
    department: {
      name: departmentName,
      code: `D${String(departmentIndex + 1).padStart(3, "0")}`,
      head: { title: "部長", name: head },
      contact: {
        phone: `0${stable.int(100, 999)}-${stable.int(10, 99)}-${stable.int(1000, 9999)}`,
        extension: String(stable.int(1000, 9999)),
      },
    },
    evaluationScale: {
      name: DEFAULT_SCALE.name,
      levels: DEFAULT_SCALE.levels.map(({ level, label }) => ({ level, label })),
    },
    goals,
  };
}

export interface DatasetOptions {
  municipalities: number;
  departments: number;
  /** A count (the latest years up to 2024) or the fiscal years themselves. */
  years: number | readonly number[];
  seed: number;
  /** The last year is the current one: planned, not yet evaluated. Default 2024. */
  latestYear?: number;
}

export interface GeneratedEntry {
  municipality: GeneratedMunicipality;
  departmentIndex: number;
  fiscalYear: number;
  document: ManifestoDocument;
}

export function fiscalYearsOf(years: number | readonly number[], latestYear = 2024): number[] {
  if (typeof years !== "number") return [...years].sort((a, b) => a - b);
  const first = Math.max(1989, latestYear - years + 1);
  return Array.from({ length: years }, (_, i) => first + i);
}

/** Documents one at a time (a dataset may be 125,000 documents: never all in memory). */
export function* generateDataset(options: DatasetOptions): Generator<GeneratedEntry> {
  const years = fiscalYearsOf(options.years, options.latestYear);
  const last = years.at(-1);
  for (const municipality of generateMunicipalities(options.municipalities, options.seed)) {
    for (let departmentIndex = 0; departmentIndex < options.departments; departmentIndex++) {
      for (const fiscalYear of years) {
        const evaluated = fiscalYear !== last;
        const document = generateManifesto({
          municipality,
          fiscalYear,
          departmentIndex,
          seed: options.seed,
          evaluated,
        });
        yield { municipality, departmentIndex, fiscalYear, document };
      }
    }
  }
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipalities: { type: "string", default: "2" },
      departments: { type: "string", default: String(DEPARTMENTS.length) },
      years: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
    },
  });
  if (!values.out)
    throw new Error(
      "usage: generate.ts --out DIR [--municipalities N] [--departments N] [--years N] [--seed N]",
    );
  const count = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  let written = 0;
  for (const entry of generateDataset({
    municipalities: count("municipalities", values.municipalities),
    departments: count("departments", values.departments),
    years: count("years", values.years),
    seed: count("seed", values.seed),
  })) {
    const name = `${entry.municipality.code}-${entry.fiscalYear}-${entry.document.department.code}.manifesto.json`;
    writeFileSync(join(out, name), `${JSON.stringify(entry.document, null, 2)}\n`);
    written++;
  }
  process.stdout.write(`${written} documents written to ${out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
