// What the official document prints, as text blocks per table cell and per header field,
// before any measuring: the wording and order of the seed document (伊賀市 2023 総務部).

import { formatFiscalYear } from "../../domain/era.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import type {
  EvaluationScale,
  Goal,
  ManifestoDocument,
  ScoreScale,
} from "../../domain/manifesto/schema.ts";
import type { PrintLayoutSetting } from "../../domain/print-layout.ts";
import { bullet } from "../bullet.ts";

export const DEFAULT_DOCUMENT_TITLE = "部局マニフェスト";

export interface TextBlock {
  text: string;
  bold?: boolean;
  /** Relative to the body size: 1 for body text. */
  scale?: number;
  align?: "left" | "center";
  /** Extra space above the block, in body lines. */
  gapBefore?: number;
}

/** Cells of one goal's row, in the order of the six columns. */
export interface GoalRowContent {
  mission: TextBlock[];
  goal: TextBlock[];
  achievementLevel: TextBlock[];
  means: TextBlock[];
  /** The self-evaluation level as printed ("3"), empty before evaluation. */
  evaluation: string;
  reason: TextBlock[];
}

export interface DocumentHeading {
  title: string; // 2023（令和5）年度 部局マニフェスト
  subtitle: string; // ～私たちの組織使命と目標～, or "" when there is none
  legendTitle: string;
  legendLines: string[];
  /** The document's second scale (scoreScale), printed below the level legend; absent without one. */
  scoreLegend?: { title: string; lines: string[] };
  headerFields: { label: string; value: string }[];
}

export interface ContentOptions {
  scale?: EvaluationScale;
  /**
   * The municipality's second scale, for a document that carries none: its legend is printed
   * from the plan on, before any goal has a score (the export adds it to the document only once
   * one has).
   */
  scoreScale?: ScoreScale;
  /** The municipality's print layout (src/domain/print-layout.ts); the seed's table when absent. */
  layout?: PrintLayoutSetting;
  documentTitle?: string;
  documentSubtitle?: string;
  /**
   * Per goal (by position), the level its targets' results support by the municipality's
   * level rules (the assessment's `expectedLevel`); printed under the reason beside the
   * claimed level. Null or absent: nothing printed for that goal.
   */
  expectedLevels?: readonly (number | null)[];
}

/** Every printed text passes through here so that missing glyphs are found with their path. */
export type Printable = (text: string, path: string) => string;

export const COLUMN_TITLES = [
  "組織使命",
  "組織使命達成に向けての目標",
  "目標の達成水準",
  "目標を達成するための手段",
  "達成状況\n（自己評価）",
  "理由",
] as const;

export function scaleOf(doc: ManifestoDocument, options: ContentOptions): EvaluationScale {
  return doc.evaluationScale ?? options.scale ?? DEFAULT_SCALE;
}

/** The goal number as the seed prints it: `◎部局目標１`. */
export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/**
 * Policy references as the seed prints them: codes sharing everything up to the last
 * hyphen are joined, so `7-1-①`, `7-1-②` print as `7-1-①･②`.
 */
export function formatPolicyRefs(refs: readonly string[]): string {
  const groups: { prefix: string; tails: string[] }[] = [];
  for (const ref of refs) {
    const cut = ref.lastIndexOf("-");
    const prefix = cut > 0 ? ref.slice(0, cut + 1) : ref;
    const tail = cut > 0 ? ref.slice(cut + 1) : "";
    const last = groups[groups.length - 1];
    if (last && cut > 0 && last.prefix === prefix && tail !== "") last.tails.push(tail);
    else groups.push({ prefix, tails: cut > 0 ? [tail] : [] });
  }
  return groups.map((g) => `${g.prefix}${g.tails.join("･")}`).join("、");
}

/**
 * The symbol printed for a level: a scale whose labels start with a letter (`A 達成`) is
 * known by the letter; otherwise by its number, as the seed prints `3`.
 */
export function levelSymbol(scale: EvaluationScale, level: number): string {
  const label = scale.levels.find((l) => l.level === level)?.label ?? "";
  const letter = /^([A-Za-zＡ-Ｚａ-ｚ]{1,2})[\s\u3000:：.．、]/u.exec(label);
  return letter?.[1] ?? String(level);
}

function legendLine(scale: EvaluationScale, level: number, label: string): string {
  return levelSymbol(scale, level) === String(level) ? `${level}．${label}` : label;
}

/** 「第二の評価：達成度」 and its range (「0〜10 の数値（刻み 1）」) or its levels, best first. */
function scoreLegend(scale: ScoreScale, printable: Printable): { title: string; lines: string[] } {
  const title = `第二の評価：${printable(scale.name, "scoreScale.name")}`;
  if (scale.range) {
    const { min, max, step } = scale.range;
    return {
      title,
      lines: [`${min}〜${max} の数値${step === undefined ? "" : `（刻み ${step}）`}`],
    };
  }
  const levels = [...(scale.levels ?? [])].sort((a, b) => b.level - a.level);
  return {
    title,
    lines: levels.map((l) => `${l.level}．${printable(l.label, "scoreScale.levels")}`),
  };
}

export function contactLine(doc: ManifestoDocument): string {
  const contact = doc.department.contact;
  if (!contact) return "";
  const phone = contact.phone ?? "";
  const extension = contact.extension ? `(内線${contact.extension})` : "";
  return [`${phone}${extension}`, contact.email ?? ""].filter((s) => s !== "").join("\n");
}

export function documentHeading(
  doc: ManifestoDocument,
  options: ContentOptions,
  printable: Printable,
): DocumentHeading {
  const scale = scaleOf(doc, options);
  const title = doc.documentTitle ?? options.documentTitle ?? DEFAULT_DOCUMENT_TITLE;
  const subtitle = doc.documentSubtitle ?? options.documentSubtitle ?? "";
  const levels = [...scale.levels].sort((a, b) => b.level - a.level);
  const secondScale = doc.scoreScale ?? options.scoreScale;
  return {
    title: `${formatFiscalYear(doc.fiscalYear)} ${printable(title, "documentTitle")}`,
    subtitle: subtitle.trim() === "" ? "" : `～${printable(subtitle, "documentSubtitle")}～`,
    legendTitle: printable(scale.name, "evaluationScale.name"),
    legendLines: levels.map((l) =>
      legendLine(scale, l.level, printable(l.label, "evaluationScale.levels")),
    ),
    ...(secondScale && { scoreLegend: scoreLegend(secondScale, printable) }),
    headerFields: [
      { label: "部局名", value: printable(doc.department.name, "department.name") },
      { label: "役　職", value: printable(doc.department.head?.title ?? "", "department.head") },
      { label: "氏　名", value: printable(doc.department.head?.name ?? "", "department.head") },
      { label: "連絡先", value: printable(contactLine(doc), "department.contact") },
    ],
  };
}

function achievementLevelCell(goal: Goal, path: string, printable: Printable): TextBlock[] {
  const blocks: TextBlock[] = [];
  const current = goal.currentState ?? [];
  const targets = goal.targets ?? [];
  if (current.length > 0) {
    blocks.push({ text: "〈現在の状態〉" });
    current.forEach((item, i) => {
      blocks.push({ text: bullet(printable(item, `${path}.currentState[${i}]`)) });
    });
  }
  if (current.length > 0 && targets.length > 0) blocks.push({ text: "↓", align: "center" });
  if (targets.length > 0) {
    blocks.push({ text: "〈達成目標〉" });
    targets.forEach((t, i) => {
      const label = t.label && t.label.trim() !== "" ? t.label : "・";
      const text = printable(`${label}${t.text}`, `${path}.targets[${i}]`);
      blocks.push({ text });
    });
  }
  const desired = goal.desiredState ?? "";
  if (desired.trim() !== "") {
    blocks.push({ text: "※目標が達成した状態", gapBefore: blocks.length > 0 ? 0.3 : 0 });
    blocks.push({ text: `\u3000${printable(desired, `${path}.desiredState`)}` });
  }
  return blocks;
}

/** 「実績から見込まれる段階：2（自己評価と異なる）」, in words, never by colour alone. */
export function expectedLevelLine(
  scale: EvaluationScale,
  claimed: number,
  expected: number,
): string {
  const agreement = claimed === expected ? "自己評価と一致" : "自己評価と異なる";
  return `実績から見込まれる段階：${levelSymbol(scale, expected)}（${agreement}）`;
}

export function goalRowContent(
  goal: Goal,
  index: number,
  scale: EvaluationScale,
  printable: Printable,
  expectedLevel: number | null = null,
): GoalRowContent {
  const path = `goals[${index}]`;
  const refs = formatPolicyRefs(
    (goal.policyRefs ?? []).map((r) => printable(r, `${path}.policyRefs`)),
  );
  return {
    mission: [{ text: printable(goal.mission ?? "", `${path}.mission`) }],
    goal: [
      { text: `◎部局目標${toFullWidthDigits(String(goal.number))}`, bold: true },
      // The seed points from the number down to the goal's name.
      { text: "▼", gapBefore: 0.1 },
      { text: printable(goal.title, `${path}.title`), gapBefore: 0.1 },
      { text: "関連の施策・基本事業No", scale: 0.85, gapBefore: 0.6 },
      ...(refs === "" ? [] : [{ text: refs, scale: 0.85 }]),
    ],
    achievementLevel: achievementLevelCell(goal, path, printable),
    means: (goal.means ?? []).map((m, i) => ({
      text: bullet(printable(m, `${path}.means[${i}]`)),
      gapBefore: i > 0 ? 0.3 : 0,
    })),
    evaluation: goal.evaluation ? levelSymbol(scale, goal.evaluation.level) : "",
    reason: goal.evaluation
      ? [
          { text: printable(goal.evaluation.reason, `${path}.evaluation.reason`) },
          ...(expectedLevel === null
            ? []
            : [
                {
                  text: expectedLevelLine(scale, goal.evaluation.level, expectedLevel),
                  scale: 0.85,
                  gapBefore: 0.4,
                },
              ]),
        ]
      : [],
  };
}
