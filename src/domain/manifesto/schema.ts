// The interchange format `tassei.manifesto/v1` (docs/FORMAT.md) as zod schemas.
// One schema gives the validation, the TypeScript types and (later) the OpenAPI document.
// Every object is strict: an unknown key is an error, so a typo is never dropped silently.
import { z } from "zod";
import { isValidMunicipalityCode } from "../municipality-code.ts";

export const FORMAT_TAG = "tassei.manifesto/v1";

/**
 * Sane limits on text. They keep a pasted novel or a binary blob out of the database and
 * off the printed page; the published documents we know stay far below them.
 */
export const LIMITS = {
  shortText: 200, // names, labels, units, indicators, codes
  title: 500,
  paragraph: 2_000, // mission, bullets, target text, desired state, result text
  reason: 10_000, // 理由 as published, several paragraphs
  note: 4_000,
  goals: 50,
  targets: 20,
  bullets: 30,
  policyRefs: 20,
  progress: 24,
  scaleLevels: 20,
  absNumber: 1e15,
  references: 10, // dated reference values and long-term targets per measure
  tags: 30,
  vocabularies: 10,
  vocabularyTags: 100,
  budget: 10,
} as const;

/**
 * Text is stored exactly as given. PostgreSQL cannot store NUL, and a lone surrogate would
 * be replaced on the way to UTF-8, so both are refused rather than silently changed.
 */
export function text(max: number) {
  return z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !s.includes("\u0000"), { message: "must not contain the NUL character" })
    .refine((s) => s.isWellFormed(), { message: "must be well-formed Unicode text" });
}

const requiredText = (max: number) => text(max).refine((s) => s.trim() !== "", "must not be empty");

const finiteNumber = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n) <= LIMITS.absNumber, {
    message: `must be a finite number between -${LIMITS.absNumber} and ${LIMITS.absNumber}`,
  });

export const fiscalYearSchema = z.number().int().min(1989).max(2100);

export const MEANINGS = [
  "advanced",
  "exceeded",
  "achieved",
  "partial",
  "not_achieved",
  "not_attempted",
  "unassessable",
] as const;
export type Meaning = (typeof MEANINGS)[number];

export const scaleLevelSchema = z.strictObject({
  level: z.number().int().min(-100).max(100),
  label: requiredText(LIMITS.shortText),
  meaning: z.enum(MEANINGS).optional(),
});

export const evaluationScaleSchema = z
  .strictObject({
    name: requiredText(LIMITS.shortText),
    levels: z.array(scaleLevelSchema).min(1).max(LIMITS.scaleLevels),
  })
  .superRefine((scale, ctx) => {
    const seen = new Set<number>();
    scale.levels.forEach((l, i) => {
      if (seen.has(l.level)) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "level"],
          message: `level ${l.level} appears more than once in the scale`,
        });
      }
      seen.add(l.level);
    });
  });

export const COMPARATORS = [">=", ">", "<=", "<", "="] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** A dated value of the indicator: an older 基準値 beside the start-of-year baseline. */
export const referenceValueSchema = z.strictObject({
  value: finiteNumber,
  fiscalYear: fiscalYearSchema,
  label: text(LIMITS.shortText).optional(),
});

/** A target beyond this year's document: the value to reach by the end of `fiscalYear`. */
export const longTermTargetSchema = z.strictObject({
  target: finiteNumber,
  fiscalYear: fiscalYearSchema,
  label: text(LIMITS.shortText).optional(),
});

export const MEASURE_PERIODS = ["fiscal", "calendar"] as const;

export const numericMeasureSchema = z.strictObject({
  kind: z.literal("numeric"),
  indicator: requiredText(LIMITS.shortText),
  unit: text(LIMITS.shortText),
  period: z.enum(MEASURE_PERIODS).optional(), // additive key
  comparator: z.enum(COMPARATORS),
  target: finiteNumber,
  baseline: z
    .strictObject({
      value: finiteNumber,
      fiscalYear: fiscalYearSchema,
    })
    .optional(),
  // Additive keys (FORMAT.md "Extensions"): absent in every document written before them.
  references: z.array(referenceValueSchema).max(LIMITS.references).optional(),
  longTerm: z.array(longTermTargetSchema).max(LIMITS.references).optional(),
});

export const milestoneMeasureSchema = z.strictObject({ kind: z.literal("milestone") });

export const measureSchema = z.discriminatedUnion("kind", [
  numericMeasureSchema,
  milestoneMeasureSchema,
]);

export const RESULT_STATUSES = ["achieved", "partial", "not_achieved"] as const;

export const resultSchema = z.strictObject({
  actual: finiteNumber.optional(),
  status: z.enum(RESULT_STATUSES).optional(),
  text: text(LIMITS.paragraph).optional(),
});

/** `sdg:3`, `indicator:outcome`, `<vocabulary id>:<tag id>` (FORMAT.md "Tags"). */
export const tagRefSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}:[^\s:]{1,40}$/, {
  message: "must be written vocabulary:tag, e.g. sdg:3 or indicator:outcome",
});

const tagsSchema = z.array(tagRefSchema).max(LIMITS.tags);

export const targetSchema = z.strictObject({
  label: text(LIMITS.shortText).optional(),
  text: requiredText(LIMITS.paragraph),
  tags: tagsSchema.optional(),
  measure: measureSchema.optional(),
  result: resultSchema.optional(),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: "must be a real calendar date" },
  );

export const progressSchema = z.strictObject({
  asOf: isoDate,
  status: text(LIMITS.shortText).optional(),
  note: text(LIMITS.note).optional(),
  values: z
    .array(z.strictObject({ target: z.number().int().min(0), actual: finiteNumber }))
    .max(LIMITS.targets)
    .optional(),
});

export const evaluationSchema = z.strictObject({
  level: z.number().int(),
  // Additive keys (FORMAT.md "Extensions").
  score: finiteNumber.optional(),
  asOf: isoDate.optional(),
  reason: text(LIMITS.reason),
  result: text(LIMITS.reason).optional(),
  issues: text(LIMITS.reason).optional(),
  nextSteps: text(LIMITS.reason).optional(),
});

const headSchema = z.strictObject({
  title: text(LIMITS.shortText).optional(),
  name: text(LIMITS.shortText).optional(),
});

const contactSchema = z.strictObject({
  phone: text(LIMITS.shortText).optional(),
  extension: text(LIMITS.shortText).optional(),
  email: text(LIMITS.shortText).optional(),
});

/** The 所属 that owns one goal, overriding the document's department head and contact. */
export const goalOwnerSchema = z.strictObject({
  unit: text(LIMITS.shortText).optional(),
  head: headSchema.optional(),
  contact: contactSchema.optional(),
});

export const budgetLineSchema = z.strictObject({
  label: requiredText(LIMITS.shortText),
  amount: finiteNumber,
  unit: text(LIMITS.shortText),
  fiscalYear: fiscalYearSchema.optional(),
});

export const goalSchema = z.strictObject({
  number: z.number().int().min(1).max(999),
  // Optional since the extensions: some documents have no 組織使命 at all. An empty
  // string is still refused, so a document never says "there is one, and it is blank".
  mission: requiredText(LIMITS.paragraph).optional(),
  title: requiredText(LIMITS.title),
  // Additive keys (FORMAT.md "Extensions") sit where a reader expects them; documents
  // without them serialise exactly as before, since absent keys take no place.
  owner: goalOwnerSchema.optional(),
  plan: text(LIMITS.paragraph).optional(),
  tags: tagsSchema.optional(),
  policyRefs: z.array(requiredText(50)).max(LIMITS.policyRefs).optional(),
  currentState: z.array(text(LIMITS.paragraph)).max(LIMITS.bullets).optional(),
  targets: z.array(targetSchema).max(LIMITS.targets).optional(),
  desiredState: text(LIMITS.paragraph).optional(),
  means: z.array(text(LIMITS.paragraph)).max(LIMITS.bullets).optional(),
  budget: z.array(budgetLineSchema).max(LIMITS.budget).optional(),
  progress: z.array(progressSchema).max(LIMITS.progress).optional(),
  evaluation: evaluationSchema.optional(),
});

/**
 * The second self-evaluation a municipality publishes beside the level (達成度 0–10 beside
 * 進捗 ◎○△×): either a numeric range or levels of its own.
 */
export const scoreScaleSchema = z
  .strictObject({
    name: requiredText(LIMITS.shortText),
    range: z
      .strictObject({
        min: finiteNumber,
        max: finiteNumber,
        step: finiteNumber.optional(),
      })
      .optional(),
    levels: z.array(scaleLevelSchema).min(1).max(LIMITS.scaleLevels).optional(),
  })
  .superRefine((scale, ctx) => {
    if ((scale.range === undefined) === (scale.levels === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "must have either range or levels" });
    }
    if (scale.range && scale.range.min >= scale.range.max) {
      ctx.addIssue({ code: "custom", path: ["range", "max"], message: "must be above min" });
    }
  });

export const tagVocabularySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    message: "must be lowercase letters, digits and -, e.g. kenmin-plan",
  }),
  name: requiredText(LIMITS.shortText),
  tags: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[^\s:]{1,40}$/, { message: "must be 1–40 characters, no spaces or :" }),
        label: requiredText(LIMITS.shortText),
      }),
    )
    .min(1)
    .max(LIMITS.vocabularyTags),
});

export const municipalityCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: "must be 6 digits (全国地方公共団体コード)" })
  .refine(isValidMunicipalityCode, { message: "has a wrong check digit" });

export const manifestoDocumentSchema = z.strictObject({
  format: z.literal(FORMAT_TAG),
  municipality: z.strictObject({
    code: municipalityCodeSchema,
    name: requiredText(LIMITS.shortText),
    prefecture: text(LIMITS.shortText).optional(),
  }),
  fiscalYear: fiscalYearSchema,
  documentTitle: text(LIMITS.shortText).optional(),
  documentSubtitle: text(LIMITS.shortText).optional(),
  department: z.strictObject({
    name: requiredText(LIMITS.shortText),
    code: text(LIMITS.shortText).optional(),
    head: headSchema.optional(),
    contact: contactSchema.optional(),
  }),
  evaluationScale: evaluationScaleSchema.optional(),
  scoreScale: scoreScaleSchema.optional(),
  tagVocabularies: z.array(tagVocabularySchema).max(LIMITS.vocabularies).optional(),
  goals: z.array(goalSchema).min(1).max(LIMITS.goals),
});

export type ManifestoDocument = z.infer<typeof manifestoDocumentSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type NumericMeasure = z.infer<typeof numericMeasureSchema>;
export type TargetResult = z.infer<typeof resultSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type EvaluationScale = z.infer<typeof evaluationScaleSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type ScoreScale = z.infer<typeof scoreScaleSchema>;
export type TagVocabulary = z.infer<typeof tagVocabularySchema>;
export type GoalOwner = z.infer<typeof goalOwnerSchema>;
export type BudgetLine = z.infer<typeof budgetLineSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
