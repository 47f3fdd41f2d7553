// Evaluation scales an administrator starts from (each editable): the 5-level scale of the
// demo, A/B/C, and a 4-level ◎○△× scale. Each level says what it claims (meaning), so the
// assessment can hold a self-evaluation against the targets whatever the labels are.
import { DEFAULT_SCALE } from "../manifesto/default-scale.ts";
import type { EvaluationScale, Meaning } from "../manifesto/schema.ts";
import type { Problem } from "../manifesto/validate.ts";
import { comparisonKey } from "../text.ts";

export interface ScalePreset {
  id: "five" | "abc" | "four";
  title: string;
  scale: EvaluationScale;
}

export const SCALE_PRESETS: readonly ScalePreset[] = [
  { id: "five", title: "5段階（デモと同じ）", scale: DEFAULT_SCALE },
  {
    id: "abc",
    title: "A・B・C の3段階",
    scale: {
      name: "達成度",
      levels: [
        { level: 3, label: "A", meaning: "achieved" },
        { level: 2, label: "B", meaning: "partial" },
        { level: 1, label: "C", meaning: "not_achieved" },
      ],
    },
  },
  {
    id: "four",
    title: "◎○△× の4段階",
    scale: {
      name: "達成状況",
      levels: [
        { level: 4, label: "◎", meaning: "exceeded" },
        { level: 3, label: "○", meaning: "achieved" },
        { level: 2, label: "△", meaning: "partial" },
        { level: 1, label: "×", meaning: "not_achieved" },
      ],
    },
  },
];

export const MEANING_LABELS: Record<Meaning, string> = {
  advanced: "先進的な成果（達成以上）",
  exceeded: "達成水準を上回った",
  achieved: "達成した",
  partial: "一部達成",
  not_achieved: "達成しなかった",
  not_attempted: "取り組まなかった",
  unassessable: "評価できない",
};

/** Problems an administrator can act on, in Japanese: an empty scale, repeated levels. */
export function scaleProblems(scale: {
  name?: string;
  levels?: readonly { level?: unknown; label?: unknown }[];
}): Problem[] {
  const problems: Problem[] = [];
  if (typeof scale.name !== "string" || scale.name.trim() === "") {
    problems.push({ path: "評価段階の名称", message: "名称を入力してください" });
  }
  const levels = scale.levels ?? [];
  if (levels.length === 0) {
    problems.push({ path: "評価段階", message: "段階を1つ以上入れてください" });
  }
  const numbers = new Map<unknown, number>();
  const labels = new Map<string, number>();
  levels.forEach((l, i) => {
    const at = `段階${i + 1}`;
    if (typeof l.level !== "number" || !Number.isInteger(l.level)) {
      problems.push({ path: `${at} の番号`, message: "整数で入力してください" });
    } else if (numbers.has(l.level)) {
      problems.push({
        path: `${at} の番号`,
        message: `番号 ${l.level} は段階${(numbers.get(l.level) ?? 0) + 1}と重複しています`,
      });
    } else numbers.set(l.level, i);
    if (typeof l.label !== "string" || l.label.trim() === "") {
      problems.push({ path: `${at} の表示`, message: "表示を入力してください" });
    } else {
      const key = comparisonKey(l.label);
      const first = labels.get(key);
      if (first !== undefined) {
        problems.push({
          path: `${at} の表示`,
          message: `「${l.label}」は段階${first + 1}と同じ表示です`,
        });
      } else labels.set(key, i);
    }
  });
  return problems;
}
