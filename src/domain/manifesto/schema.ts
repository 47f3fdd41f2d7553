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

export const numericMeasureSchema = z.strictObject({
  kind: z.literal("numeric"),
  indicator: requiredText(LIMITS.shortText),
  unit: text(LIMITS.shortText),
  comparator: z.enum(COMPARATORS),
  target: finiteNumber,
  baseline: z
    .strictObject({
      value: finiteNumber,
      fiscalYear: fiscalYearSchema,
    })
    .optional(),
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

export const targetSchema = z.strictObject({
  label: text(LIMITS.shortText).optional(),
  text: requiredText(LIMITS.paragraph),
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
  reason: text(LIMITS.reason),
});

export const goalSchema = z.strictObject({
  number: z.number().int().min(1).max(999),
  mission: requiredText(LIMITS.paragraph),
  title: requiredText(LIMITS.title),
  policyRefs: z.array(requiredText(50)).max(LIMITS.policyRefs).optional(),
  currentState: z.array(text(LIMITS.paragraph)).max(LIMITS.bullets).optional(),
  targets: z.array(targetSchema).max(LIMITS.targets).optional(),
  desiredState: text(LIMITS.paragraph).optional(),
  means: z.array(text(LIMITS.paragraph)).max(LIMITS.bullets).optional(),
  progress: z.array(progressSchema).max(LIMITS.progress).optional(),
  evaluation: evaluationSchema.optional(),
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
    head: z
      .strictObject({
        title: text(LIMITS.shortText).optional(),
        name: text(LIMITS.shortText).optional(),
      })
      .optional(),
    contact: z
      .strictObject({
        phone: text(LIMITS.shortText).optional(),
        extension: text(LIMITS.shortText).optional(),
        email: text(LIMITS.shortText).optional(),
      })
      .optional(),
  }),
  evaluationScale: evaluationScaleSchema.optional(),
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
