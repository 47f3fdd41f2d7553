// Wording shared by several pages: statuses, levels and targets in plain Japanese.
import type { TargetAssessment } from "../../domain/assessment/index.ts";
import { formatQuantity, formatTargetValue } from "../../domain/assessment/messages.ts";
import type { Comparator } from "../../domain/manifesto/schema.ts";
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

/** `目標①は未達成（実績49.4% / 目標55%以上、目標まで10.2%不足）`. */
export function targetVerdict(t: TargetAssessment, count: number): string {
  const name = targetName(t, count);
  const status = STATUS_WORDS[t.status];
  if (t.kind !== "numeric" || t.actual === undefined || t.target === undefined || !t.comparator) {
    return t.status === "unknown" ? `${name}の達成状況は未確定です` : `${name}は${status}`;
  }
  const unit = t.unit ?? "";
  const evidence = `実績${formatQuantity(t.actual, unit)} / 目標${formatTargetValue(t.target, t.comparator as Comparator, unit)}`;
  const margin =
    t.margin === undefined || t.margin === 0
      ? ""
      : t.margin > 0
        ? `、目標より${percent(t.margin)}良い結果`
        : `、目標まで${percent(-t.margin)}不足`;
  return `${name}は${status}（${evidence}${margin}）`;
}

function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toLocaleString("ja-JP")}%`;
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
