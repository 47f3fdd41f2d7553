// Whole-document validation: the schema, then the rules that span fields. Every problem is
// reported with its JSON path; a document with any problem is refused whole by the callers.
import type { z } from "zod";
import { DEFAULT_SCALE } from "./default-scale.ts";
import { extensionProblems } from "./extension-rules.ts";
import {
  type EvaluationScale,
  type Goal,
  type ManifestoDocument,
  manifestoDocumentSchema,
  type ScoreScale,
  type TagVocabulary,
} from "./schema.ts";

export interface Problem {
  /** JSON path, e.g. `goals[3].targets[1].measure.comparator`; `$` is the whole document. */
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

type PathPart = PropertyKey;

export function formatPath(parts: readonly PathPart[]): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "$" : out;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

const ARTICLE: Record<string, string> = {
  object: "an object",
  array: "an array",
  int: "an integer",
};

function describeIssue(issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return [{ path, message: "is required" }];
      const expected = ARTICLE[issue.expected] ?? `a ${issue.expected}`;
      return [{ path, message: `must be ${expected}, not ${describeType(issue.input)}` }];
    }
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        path: formatPath([...issue.path, k]),
        message: "is not a key of tassei.manifesto/v1 (unknown keys are refused)",
      }));
    case "invalid_value":
      return [
        {
          path,
          message:
            issue.values.length === 1
              ? `must be ${JSON.stringify(issue.values[0])}`
              : `must be one of ${issue.values.map((v) => String(v)).join(", ")}`,
        },
      ];
    case "too_big":
    case "too_small": {
      const bound = issue.code === "too_big" ? "at most" : "at least";
      const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
      if (issue.origin === "array") return [{ path, message: `must have ${bound} ${limit} items` }];
      if (issue.origin === "string") {
        return [{ path, message: issue.message ?? `must be ${bound} ${limit} characters` }];
      }
      return [{ path, message: `must be ${bound} ${limit}` }];
    }
    case "invalid_union": {
      // A discriminated union (measure.kind) reports the bad discriminator here.
      const parts = issue.path.at(-1) === "kind" ? issue.path : [...issue.path, "kind"];
      return [{ path: formatPath(parts), message: "must be numeric or milestone" }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/** Parses JSON text, reporting the position of a syntax error instead of throwing. */
export function parseJson(textContent: string): Validation<unknown> {
  try {
    return { ok: true, value: JSON.parse(textContent) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: "$", message: `is not valid JSON: ${detail}` }] };
  }
}

export interface ValidateOptions {
  /** The municipality's scale, used when the document carries none. */
  scale?: EvaluationScale;
  /** The municipality's second score scale, used when the document carries none. */
  scoreScale?: ScoreScale;
  /** The municipality's own tag vocabularies, beside the built-in ones and the document's. */
  tagVocabularies?: readonly TagVocabulary[];
}

/**
 * The largest document accepted, as UTF-8 JSON. The largest realistic manifesto measured
 * (bench/generate.ts: 29 kB; the demo: 17 kB) fits many times over; a document of
 * megabytes is an attack or a mistake, and every revision of it is stored and compared.
 */
export const DOCUMENT_MAX_BYTES = 512 * 1024;

export function documentSizeProblem(raw: unknown): Problem | undefined {
  const bytes = new TextEncoder().encode(JSON.stringify(raw) ?? "").length;
  if (bytes <= DOCUMENT_MAX_BYTES) return undefined;
  return {
    path: "$",
    message: `must be at most ${DOCUMENT_MAX_BYTES / 1024} KB as JSON (is ${Math.ceil(bytes / 1024)} KB)`,
  };
}

export function validateManifesto(
  raw: unknown,
  options: ValidateOptions = {},
): Validation<ManifestoDocument> {
  const tooBig = documentSizeProblem(raw);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const parsed = manifestoDocumentSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) {
    const doc = parsed.data;
    const problems = [
      ...crossFieldProblems(doc, doc.evaluationScale ?? options.scale ?? DEFAULT_SCALE),
      ...extensionProblems(doc, options),
    ];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: doc };
  }
  // The rules across fields are checked on what can be read of a broken document too, so
  // that one run lists every problem and nobody has to fix and retry one error at a time.
  const loose = looseView(raw);
  const scaleCheck = manifestoDocumentSchema.shape.evaluationScale.safeParse(
    isRecord(raw) ? raw.evaluationScale : undefined,
  );
  const scale =
    (scaleCheck.success ? scaleCheck.data : undefined) ?? options.scale ?? DEFAULT_SCALE;
  const problems = [
    ...parsed.error.issues.flatMap(describeIssue),
    ...crossFieldProblems(loose, scale),
  ];
  const seen = new Set<string>();
  return {
    ok: false,
    problems: problems.filter((p) => {
      const key = `${p.path}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Only the fields the cross-field rules read, kept where they have the right type. */
function looseView(raw: unknown): Pick<ManifestoDocument, "goals"> {
  const goals = isRecord(raw) && Array.isArray(raw.goals) ? raw.goals : [];
  const arr = (v: unknown) => (Array.isArray(v) ? v : []);
  const int = (v: unknown) => (Number.isInteger(v) ? (v as number) : undefined);
  return {
    goals: goals.map((g) => {
      const goal = isRecord(g) ? g : {};
      const evaluation = isRecord(goal.evaluation) ? goal.evaluation : undefined;
      const level = int(evaluation?.level);
      return {
        number: int(goal.number) ?? Number.NaN,
        evaluation: level === undefined ? undefined : { level, reason: "" },
        targets: arr(goal.targets).map((t) => {
          const target = isRecord(t) ? t : {};
          const measure = isRecord(target.measure) ? target.measure : {};
          const result = isRecord(target.result) ? target.result : {};
          return {
            measure: { kind: measure.kind },
            result: {
              actual: typeof result.actual === "number" ? result.actual : undefined,
              status: result.status,
            },
          };
        }),
        progress: arr(goal.progress).map((p) => {
          const progress = isRecord(p) ? p : {};
          return {
            asOf: typeof progress.asOf === "string" ? progress.asOf : "",
            values: arr(progress.values).map((v) => ({
              target: int(isRecord(v) ? v.target : undefined) ?? -1,
            })),
          };
        }),
      };
    }) as unknown as Goal[],
  };
}

function crossFieldProblems(
  doc: Pick<ManifestoDocument, "goals">,
  scale: EvaluationScale,
): Problem[] {
  const problems: Problem[] = [];
  const numbers = new Map<number, number>();
  const levels = new Set(scale.levels.map((l) => l.level));
  doc.goals.forEach((goal, g) => {
    const first = numbers.get(goal.number);
    if (Number.isNaN(goal.number)) {
      // reported by the schema
    } else if (first !== undefined) {
      problems.push({
        path: `goals[${g}].number`,
        message: `duplicates the number of goals[${first}] (${goal.number}); goal numbers must be unique`,
      });
    } else numbers.set(goal.number, g);
    if (goal.evaluation && !levels.has(goal.evaluation.level)) {
      problems.push({
        path: `goals[${g}].evaluation.level`,
        message: `must be a level of the scale "${scale.name}" (${[...levels].join(", ")})`,
      });
    }
    problems.push(...targetProblems(goal, g), ...progressProblems(goal, g));
  });
  return problems;
}

function targetProblems(goal: Goal, g: number): Problem[] {
  const problems: Problem[] = [];
  (goal.targets ?? []).forEach((t, i) => {
    const at = `goals[${g}].targets[${i}].result`;
    if (t.result?.actual !== undefined && t.measure?.kind !== "numeric") {
      problems.push({
        path: `${at}.actual`,
        message: "needs a numeric measure on the target (measure.kind numeric)",
      });
    }
    if (t.result?.status !== undefined && t.measure?.kind !== "milestone") {
      problems.push({
        path: `${at}.status`,
        message: "needs a milestone measure on the target (measure.kind milestone)",
      });
    }
  });
  return problems;
}

function progressProblems(goal: Goal, g: number): Problem[] {
  const problems: Problem[] = [];
  const targets = goal.targets ?? [];
  let previous = "";
  (goal.progress ?? []).forEach((p, i) => {
    if (p.asOf !== "" && p.asOf < previous) {
      problems.push({
        path: `goals[${g}].progress[${i}].asOf`,
        message: `must not be earlier than the report before it (${previous}); reports are oldest first`,
      });
    }
    previous = p.asOf;
    (p.values ?? []).forEach((v, j) => {
      const target = targets[v.target];
      if (v.target < 0) {
        // reported by the schema
      } else if (!target) {
        problems.push({
          path: `goals[${g}].progress[${i}].values[${j}].target`,
          message: `must be the index of a target of this goal (0–${targets.length - 1})`,
        });
      } else if (target.measure?.kind !== "numeric") {
        problems.push({
          path: `goals[${g}].progress[${i}].values[${j}].target`,
          message: "must name a target with a numeric measure",
        });
      }
    });
  });
  return problems;
}

/** JSON text in, validated document or every problem out. */
export function validateManifestoJson(
  textContent: string,
  options: ValidateOptions = {},
): Validation<ManifestoDocument> {
  const json = parseJson(textContent);
  return json.ok ? validateManifesto(json.value, options) : json;
}
