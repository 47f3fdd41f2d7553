// A goal's mid-year progress（中間報告）as the public reads it: only reports the planning
// division has acknowledged (確認済み), newest first, each with its date, status, note and
// the interim values of the goal's numeric targets.

import { formatDateJa } from "../../../domain/era.ts";
import type { Goal } from "../../../domain/manifesto/schema.ts";
import type { ProgressEntry } from "../../../domain/progress-report/report.ts";
import { type Html, html } from "../html.ts";

function day(asOf: string): string {
  return formatDateJa(new Date(`${asOf}T00:00:00+09:00`));
}

function values(goal: Goal, entry: ProgressEntry): Html | string {
  const list = entry.values ?? [];
  if (list.length === 0) return "";
  return html`<ul class="progress-values">${list.map((v) => {
    const target = goal.targets?.[v.target];
    const measure = target?.measure?.kind === "numeric" ? target.measure : undefined;
    const name = measure?.indicator ?? target?.text ?? `達成目標${v.target + 1}`;
    return html`<li>${target?.label ? html`<span class="target-label">${target.label}</span>` : ""}${name}: ${String(v.actual)}${measure?.unit ?? ""}</li>`;
  })}</ul>`;
}

export function progressSection(goal: Goal, entries: readonly ProgressEntry[] | undefined) {
  if (!entries || entries.length === 0) return html``;
  return html`<div class="progress">
<h3 id="goal-${goal.number}-progress">中間報告</h3>
<ol class="progress-reports">${entries.map(
    (e) => html`<li>
<p class="progress-head"><span class="progress-date">${day(e.asOf)}時点</span>${e.status ? html` <span class="tag progress-status">${e.status}</span>` : ""}</p>
${e.note ? html`<p class="progress-note">${e.note}</p>` : ""}
${values(goal, e)}
</li>`,
  )}</ol>
</div>`;
}
