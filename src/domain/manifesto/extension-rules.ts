// Rules across the additive keys (FORMAT.md "Extensions"): a tag names a known vocabulary
// and tag, a score lies on the document's second scale, a long-term target lies ahead.
// Checked on documents the schema accepts; the older rules run on broken ones too.
import type { ManifestoDocument, ScoreScale, TagVocabulary } from "./schema.ts";
import { BUILT_IN_VOCABULARIES, resolveTag, vocabulariesOf } from "./tags.ts";
import type { Problem } from "./validate.ts";

/** What the municipality's settings add where the document says nothing of its own. */
export interface MunicipalityExtensions {
  scoreScale?: ScoreScale;
  tagVocabularies?: readonly TagVocabulary[];
}

export function extensionProblems(
  doc: ManifestoDocument,
  municipality: MunicipalityExtensions = {},
): Problem[] {
  const problems: Problem[] = [...vocabularyProblems(doc)];
  const vocabularies = vocabulariesOf(doc, municipality.tagVocabularies);
  const scoreScale = doc.scoreScale ?? municipality.scoreScale;
  const tagProblems = (tags: readonly string[] | undefined, at: string) => {
    (tags ?? []).forEach((ref, i) => {
      if (!resolveTag(vocabularies, ref)) {
        problems.push({
          path: `${at}.tags[${i}]`,
          message: `names no tag of a known vocabulary (${vocabularies.map((v) => v.id).join(", ")})`,
        });
      }
    });
  };
  doc.goals.forEach((goal, g) => {
    tagProblems(goal.tags, `goals[${g}]`);
    const score = goal.evaluation?.score;
    if (score !== undefined) {
      const problem = scoreProblem(scoreScale, score);
      if (problem) problems.push({ path: `goals[${g}].evaluation.score`, message: problem });
    }
    (goal.targets ?? []).forEach((t, i) => {
      tagProblems(t.tags, `goals[${g}].targets[${i}]`);
      if (t.measure?.kind !== "numeric") return;
      (t.measure.longTerm ?? []).forEach((lt, j) => {
        if (lt.fiscalYear < doc.fiscalYear) {
          problems.push({
            path: `goals[${g}].targets[${i}].measure.longTerm[${j}].fiscalYear`,
            message: `must not be before the document's fiscal year (${doc.fiscalYear})`,
          });
        }
      });
    });
  });
  return problems;
}

function vocabularyProblems(doc: ManifestoDocument): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set(BUILT_IN_VOCABULARIES.map((v) => v.id));
  (doc.tagVocabularies ?? []).forEach((v, i) => {
    if (seen.has(v.id)) {
      problems.push({
        path: `tagVocabularies[${i}].id`,
        message: `is already a vocabulary (${v.id}); built-in ones are sdg and indicator`,
      });
    }
    seen.add(v.id);
  });
  return problems;
}

function scoreProblem(scale: ScoreScale | undefined, score: number): string | undefined {
  if (!scale) {
    return "needs a scoreScale (the document's or the municipality's: the second evaluation's name and range)";
  }
  if (scale.levels) {
    const levels = scale.levels.map((l) => l.level);
    return levels.includes(score)
      ? undefined
      : `must be a level of the scale "${scale.name}" (${levels.join(", ")})`;
  }
  const { min, max } = scale.range ?? { min: 0, max: 0 };
  if (score < min || score > max) return `must be between ${min} and ${max} (${scale.name})`;
  return undefined;
}
