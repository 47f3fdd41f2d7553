// fast-check arbitraries for `tassei.manifesto/v1`. They make VALID documents that reach into
// every corner of the format, for properties such as "every valid document survives an import
// and an export unchanged". Text is built from pieces real documents contain (full-width
// digits, ①, ～, rare kanji, emoji) so that nothing is ever normalised away unnoticed.
import fc from "fast-check";
import { DEFAULT_SCALE } from "../src/domain/manifesto/default-scale.ts";
import {
  COMPARATORS,
  type EvaluationScale,
  FORMAT_TAG,
  type Goal,
  type ManifestoDocument,
  MEANINGS,
  type Measure,
  type Progress,
  RESULT_STATUSES,
  type Target,
  type TargetResult,
} from "../src/domain/manifesto/schema.ts";
import { municipalityCheckDigit } from "../src/domain/municipality-code.ts";

/**
 * Records with every key, as plain objects: fast-check may otherwise make objects without a
 * prototype, which JSON.parse never gives back, so a round trip could not compare equal.
 */
function plainRecord<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
}

const WORDS = [
  "市民",
  "総務部",
  "満足度",
  "令和５年度",
  "５１．３％",
  "１，２３４件",
  "230位以内",
  "①",
  "②",
  "⑳",
  "～",
  "〜",
  "・",
  "･",
  "、",
  "。",
  "（",
  "）",
  "𠮷野",
  "髙橋",
  "山﨑",
  "😀",
  "👨‍👩‍👧",
  "🇯🇵",
  "ｶﾀｶﾅ",
  "ＳＮＳ",
  "YouTube",
  "e-Tax",
  "Ａ",
  "<b>",
  '"quoted"',
  "\\",
  "\u200B", // zero-width space: invisible, and must survive as written
  "e\u0301", // e + combining acute: NFKC would compose it
] as const;
const SPACES = [" ", "　"] as const;

/** Text with at least one visible piece (for keys that must not be empty). */
export const requiredTextArb = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...WORDS),
      fc.array(fc.constantFrom(...WORDS, ...SPACES), { maxLength: maxPieces - 1 }),
    )
    .map(([first, rest]) => [first, ...rest].join(""));

/** Text that may be empty or only spaces (for keys where the format allows it). */
export const optionalTextArb = (maxPieces = 8): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(""),
    fc.array(fc.constantFrom(...WORDS, ...SPACES), { maxLength: maxPieces }).map((p) => p.join("")),
  );

/** Several lines, as 理由 is published: `\n` and `\r\n` kept. */
const reasonArb: fc.Arbitrary<string> = fc
  .array(optionalTextArb(10), { maxLength: 6 })
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)));

/** Finite numbers of sane magnitude: integers, one- and two-place decimals, other doubles. */
export const saneNumberArb: fc.Arbitrary<number> = fc
  .oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10), // 51.3
    fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
    fc
      .double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })
      .filter((n) => n === 0 || Math.abs(n) >= 1e-6),
  )
  // JSON has no -0: it would come back as 0, which is a different double.
  .map((n) => (n === 0 ? 0 : n));

export const municipalityCodeArb: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 99_999 })
  .map((n) => String(n).padStart(5, "0"))
  .map((five) => `${five}${municipalityCheckDigit(five)}`);

const POLICY_REFS = ["7-1-①", "7-1", "７－１－②", "7-1-①･②", "7-3・①", "10-2-⑮", "1-1-1"];
const policyRefArb = fc.oneof(fc.constantFrom(...POLICY_REFS), requiredTextArb(3));

export const evaluationScaleArb: fc.Arbitrary<EvaluationScale> = fc
  .uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 8 })
  .chain((levels) =>
    plainRecord({
      name: requiredTextArb(4),
      levels: fc.tuple(
        ...levels.map((level) =>
          fc.record(
            {
              level: fc.constant(level),
              label: requiredTextArb(4),
              meaning: fc.constantFrom(...MEANINGS),
            },
            { noNullPrototype: true, requiredKeys: ["level", "label"] },
          ),
        ),
      ),
    }),
  );

const numericMeasureArb: fc.Arbitrary<Measure> = fc.record(
  {
    kind: fc.constant("numeric" as const),
    indicator: requiredTextArb(6),
    unit: fc.oneof(
      fc.constantFrom("%", "件", "人", "位", "倍", "%減", "％", "", "円"),
      optionalTextArb(2),
    ),
    comparator: fc.constantFrom(...COMPARATORS),
    target: saneNumberArb,
    baseline: plainRecord({
      value: saneNumberArb,
      fiscalYear: fc.integer({ min: 1989, max: 2100 }),
    }),
  },
  { noNullPrototype: true, requiredKeys: ["kind", "indicator", "unit", "comparator", "target"] },
);

/** A target whose result (if any) fits its measure: `actual` only on numeric, `status` only on milestones. */
const targetArb: fc.Arbitrary<Target> = fc
  .oneof(fc.constant(undefined), numericMeasureArb, fc.constant<Measure>({ kind: "milestone" }))
  .chain((measure) => {
    const resultArb: fc.Arbitrary<TargetResult> = fc.record(
      {
        ...(measure?.kind === "numeric" ? { actual: saneNumberArb } : {}),
        ...(measure?.kind === "milestone" ? { status: fc.constantFrom(...RESULT_STATUSES) } : {}),
        text: optionalTextArb(6),
      },
      { noNullPrototype: true, requiredKeys: [] },
    );
    return fc.record(
      {
        label: fc.oneof(fc.constantFrom("①", "②", "", "（１）", "ア"), optionalTextArb(1)),
        text: requiredTextArb(10),
        ...(measure === undefined ? {} : { measure: fc.constant(measure) }),
        result: resultArb,
      },
      {
        noNullPrototype: true,
        requiredKeys: ["text", ...(measure === undefined ? [] : ["measure" as const])],
      },
    );
  });

const dateArb = fc
  .date({
    min: new Date("1989-04-01T00:00:00Z"),
    max: new Date("2101-03-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Interim reports, oldest first, whose values name numeric targets of the goal. */
function progressArb(targets: readonly Target[]): fc.Arbitrary<Progress[]> {
  const numeric = targets.flatMap((t, i) => (t.measure?.kind === "numeric" ? [i] : []));
  const valuesArb =
    numeric.length === 0
      ? fc.constant<{ target: number; actual: number }[]>([])
      : fc.array(plainRecord({ target: fc.constantFrom(...numeric), actual: saneNumberArb }), {
          maxLength: 4,
        });
  return fc
    .array(
      fc.record(
        {
          asOf: dateArb,
          status: fc.oneof(fc.constantFrom("順調", "強化要", "困難", ""), optionalTextArb(2)),
          note: optionalTextArb(8),
          values: valuesArb,
        },
        { noNullPrototype: true, requiredKeys: ["asOf"] },
      ),
      { maxLength: 4 },
    )
    .map((reports) =>
      [...reports].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)),
    );
}

function goalArb(number: number, levels: readonly number[]): fc.Arbitrary<Goal> {
  // Progress values name targets by index, so the targets (or their absence) come first.
  return fc.option(fc.array(targetArb, { maxLength: 4 }), { nil: undefined }).chain((targets) =>
    fc.record(
      {
        number: fc.constant(number),
        mission: requiredTextArb(10),
        title: requiredTextArb(6),
        policyRefs: fc.array(policyRefArb, { maxLength: 3 }),
        currentState: fc.array(optionalTextArb(10), { maxLength: 4 }),
        ...(targets === undefined ? {} : { targets: fc.constant(targets) }),
        desiredState: optionalTextArb(10),
        means: fc.array(optionalTextArb(10), { maxLength: 4 }),
        progress: progressArb(targets ?? []),
        evaluation: plainRecord({ level: fc.constantFrom(...levels), reason: reasonArb }),
      },
      {
        noNullPrototype: true,
        requiredKeys: [
          "number",
          "mission",
          "title",
          ...(targets === undefined ? [] : ["targets" as const]),
        ],
      },
    ),
  );
}

const departmentArb = fc.record(
  {
    name: requiredTextArb(3),
    code: optionalTextArb(2),
    head: fc.record(
      { title: optionalTextArb(2), name: optionalTextArb(2) },
      { noNullPrototype: true, requiredKeys: [] },
    ),
    contact: fc.record(
      {
        phone: fc.oneof(
          fc.constantFrom("0595-22-9601", "０５９５－２２－９６０１"),
          optionalTextArb(2),
        ),
        extension: optionalTextArb(1),
        email: fc.oneof(fc.constant("soumu@city.example.lg.jp"), optionalTextArb(2)),
      },
      { noNullPrototype: true, requiredKeys: [] },
    ),
  },
  { noNullPrototype: true, requiredKeys: ["name"] },
);

/** Valid documents: everything the format allows, nothing it refuses. */
export const validManifestoArb: fc.Arbitrary<ManifestoDocument> = fc
  .option(evaluationScaleArb, { nil: undefined })
  .chain((scale) => {
    const levels = (scale ?? DEFAULT_SCALE).levels.map((l) => l.level);
    const goalsArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 6 })
      .chain((numbers) => fc.tuple(...numbers.map((n) => goalArb(n, levels))));
    return fc.record(
      {
        format: fc.constant(FORMAT_TAG),
        municipality: fc.record(
          {
            code: municipalityCodeArb,
            name: requiredTextArb(3),
            prefecture: optionalTextArb(2),
          },
          { noNullPrototype: true, requiredKeys: ["code", "name"] },
        ),
        fiscalYear: fc.integer({ min: 1989, max: 2100 }),
        documentTitle: fc.oneof(
          fc.constantFrom("部局マニフェスト", "実行宣言", "部局経営目標"),
          optionalTextArb(3),
        ),
        documentSubtitle: optionalTextArb(4),
        department: departmentArb,
        ...(scale === undefined ? {} : { evaluationScale: fc.constant(scale) }),
        goals: goalsArb,
      },
      {
        noNullPrototype: true,
        requiredKeys: [
          "format",
          "municipality",
          "fiscalYear",
          "department",
          "goals",
          ...(scale === undefined ? [] : ["evaluationScale" as const]),
        ],
      },
    );
  });

/**
 * Valid documents that also use the additive keys (FORMAT.md "Extensions"): owners, plans,
 * built-in tags, budgets, references and long-term targets, a second evaluation on a range.
 * Kept apart from validManifestoArb, whose documents every renderer must already carry.
 */
export const extendedManifestoArb: fc.Arbitrary<ManifestoDocument> = validManifestoArb.chain(
  (doc) => {
    const tagArb = fc.oneof(
      fc.integer({ min: 1, max: 17 }).map((n) => `sdg:${n}`),
      fc.constantFrom("indicator:outcome", "indicator:activity"),
    );
    const ownerArb = fc.record(
      {
        unit: optionalTextArb(3),
        head: fc.record(
          { title: optionalTextArb(2), name: optionalTextArb(2) },
          { noNullPrototype: true, requiredKeys: [] },
        ),
        contact: fc.record(
          { phone: optionalTextArb(2), extension: optionalTextArb(1), email: optionalTextArb(2) },
          { noNullPrototype: true, requiredKeys: [] },
        ),
      },
      { noNullPrototype: true, requiredKeys: [] },
    );
    const budgetArb = plainRecord({
      label: requiredTextArb(2),
      amount: saneNumberArb,
      unit: fc.constantFrom("千円", "円", ""),
    });
    const yearAhead = fc.integer({ min: doc.fiscalYear, max: 2100 });
    const extraGoal = fc.record(
      {
        owner: ownerArb,
        plan: optionalTextArb(8),
        tags: fc.uniqueArray(tagArb, { maxLength: 3 }),
        budget: fc.array(budgetArb, { maxLength: 2 }),
        score: fc.integer({ min: 0, max: 10 }),
        asOf: dateArb,
        issues: optionalTextArb(6),
        nextSteps: optionalTextArb(6),
        longTerm: fc.array(plainRecord({ target: saneNumberArb, fiscalYear: yearAhead }), {
          maxLength: 2,
        }),
        references: fc.array(
          plainRecord({ value: saneNumberArb, fiscalYear: fc.integer({ min: 1989, max: 2100 }) }),
          { maxLength: 2 },
        ),
        noMission: fc.boolean(),
      },
      { noNullPrototype: true, requiredKeys: ["score", "asOf", "noMission", "longTerm"] },
    );
    return fc.tuple(...doc.goals.map(() => extraGoal)).map((extras) => {
      const out = structuredClone(doc);
      out.scoreScale = { name: "達成度", range: { min: 0, max: 10 } };
      out.goals = out.goals.map((goal, i) => {
        const { score, asOf, issues, nextSteps, longTerm, references, noMission, ...keys } =
          extras[i]!;
        const g = { ...goal, ...keys };
        if (noMission) delete g.mission;
        if (g.evaluation) {
          g.evaluation = { ...g.evaluation, score, asOf };
          if (issues !== undefined) g.evaluation.issues = issues;
          if (nextSteps !== undefined) g.evaluation.nextSteps = nextSteps;
        }
        g.targets = g.targets?.map((t) =>
          t.measure?.kind === "numeric"
            ? {
                ...t,
                measure: {
                  ...t.measure,
                  longTerm,
                  ...(references === undefined ? {} : { references }),
                },
              }
            : t,
        );
        if (g.targets === undefined) delete g.targets;
        return g;
      });
      return out;
    });
  },
);
