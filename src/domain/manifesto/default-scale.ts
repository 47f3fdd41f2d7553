import { nfkc } from "../text.ts";
import type { EvaluationScale, Meaning, ScaleLevel } from "./schema.ts";

/** The 5-level scale of the seed document (Iga), with what each level claims. */
export const DEFAULT_SCALE: EvaluationScale = {
  name: "業績目標の達成状況",
  levels: [
    { level: 5, label: "先進的な取り組みを行い、成果があった", meaning: "advanced" },
    { level: 4, label: "達成水準を上回る成果があった", meaning: "exceeded" },
    { level: 3, label: "業績目標を達成した", meaning: "achieved" },
    { level: 2, label: "取り組んだが、業績目標を達成しなかった", meaning: "not_achieved" },
    { level: 1, label: "業績目標に取り組まなかった", meaning: "not_attempted" },
  ],
};

/**
 * What a level claims. A scale written without `meaning` (the seed's own scale is) borrows it
 * from a known scale whose level has the same label, compared after NFKC: the label is what
 * the municipality printed, so it is the honest key. No match means no claim can be checked.
 */
export function meaningOf(
  scale: EvaluationScale,
  level: number,
  known: readonly EvaluationScale[] = [DEFAULT_SCALE],
): Meaning | undefined {
  const entry = scale.levels.find((l) => l.level === level);
  if (!entry) return undefined;
  if (entry.meaning) return entry.meaning;
  const key = nfkc(entry.label).trim();
  for (const other of known) {
    const match = other.levels.find((l: ScaleLevel) => l.meaning && nfkc(l.label).trim() === key);
    if (match?.meaning) return match.meaning;
  }
  return undefined;
}
