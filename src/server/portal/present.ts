// Wording shared by several pages: statuses, levels and targets in plain Japanese.
import type { TargetAssessment } from "../../domain/assessment/index.ts";
import { formatQuantity, formatTargetValue } from "../../domain/assessment/messages.ts";
import { gapPhrase, statusWord } from "../../domain/assessment/wording.ts";
import type { Comparator, TargetResult } from "../../domain/manifesto/schema.ts";
import { type Html, html } from "./html.ts";

export const STATUS_WORDS: Record<TargetAssessment["status"], string> = {
  met: "達成",
  not_met: "未達成",
  unknown: "未確定",
};

export const STATE_WORDS: Record<string, string> = {
  published: "計画を公表",
  results_published: "結果を公表",
};

/** `目標①`; without a printed marker, `目標` alone or `2番目の目標`. */
export function targetName(t: Pick<TargetAssessment, "index" | "label">, count: number): string {
  if (t.label !== undefined && t.label.trim() !== "") return `目標${t.label}`;
  return count <= 1 ? "目標" : `${t.index + 1}番目の目標`;
}

/**
 * `目標①は未達成（実績49.4% / 目標55%以上、目標まで5.6ポイント不足）`; a milestone judged
 * partly achieved is `一部達成`. Gaps are worded by src/domain/assessment/wording.ts.
 */
export function targetVerdict(
  t: TargetAssessment,
  count: number,
  milestoneResult?: TargetResult["status"],
): string {
  const name = targetName(t, count);
  const status = statusWord(t, milestoneResult, STATUS_WORDS.unknown);
  if (t.kind !== "numeric" || t.actual === undefined || t.target === undefined || !t.comparator) {
    return t.status === "unknown" && status === STATUS_WORDS.unknown
      ? `${name}の達成状況は未確定です`
      : `${name}は${status}`;
  }
  const unit = t.unit ?? "";
  const evidence = `実績${formatQuantity(t.actual, unit)} / 目標${formatTargetValue(t.target, t.comparator as Comparator, unit)}`;
  const gap = gapPhrase(t);
  return `${name}は${status}（${evidence}${gap === undefined || gap === "目標どおり" ? "" : `、${gap}`}）`;
}

/** `3 / 5（60%）`, or a dash when nothing can be judged yet. */
export function shareMet(t: { met: number; total: number; unknown: number }): string {
  const judged = t.total - t.unknown;
  if (t.total === 0 || judged === 0) return "—";
  return `${t.met} / ${t.total}（${Math.round((t.met / t.total) * 100)}%）`;
}

export function levelBadge(level: number | undefined, label: string | undefined): Html {
  if (level === undefined) return html`<span class="level level-none">評価前</span>`;
  return html`<span class="level level-${level}" title="${label ?? ""}">${level}</span>`;
}
