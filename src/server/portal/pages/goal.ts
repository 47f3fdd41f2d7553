// One goal of a manifesto: what was promised, and once evaluated, what came of it with the
// assessment's findings beside the self-evaluation.
import type { GoalAssessment } from "../../../domain/assessment/index.ts";
import type { EvaluationScale, Goal } from "../../../domain/manifesto/schema.ts";
import { policyRefKey } from "../../../domain/policy-refs.ts";
import type { ProgressEntry } from "../../../domain/progress-report/report.ts";
import { type Html, html, lines } from "../html.ts";
import { targetVerdict } from "../present.ts";
import { urls } from "../urls.ts";
import { progressSection } from "./progress.ts";

export interface GoalContext {
  municipalityCode: string;
  scale: EvaluationScale;
  plan: ReadonlyMap<string, string>;
  indicatorIds: ReadonlyMap<string, number>;
  /** Acknowledged progress by goal number, newest first (absent: none shown). */
  progress?: ReadonlyMap<number, readonly ProgressEntry[]>;
}

function bullets(items: readonly string[] | undefined): Html | string {
  if (!items || items.length === 0) return "—";
  return html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function policyRefs(refs: readonly string[] | undefined, plan: ReadonlyMap<string, string>) {
  if (!refs || refs.length === 0) return "—";
  return html`<ul class="refs">${refs.map((r) => {
    const title = plan.get(policyRefKey(r));
    return html`<li><span class="ref-code">${r}</span>${title ? html` ${title}` : ""}</li>`;
  })}</ul>`;
}

function targets(goal: Goal, assessment: GoalAssessment | undefined, ctx: GoalContext): Html {
  const list = goal.targets ?? [];
  if (list.length === 0) return html`<p>達成目標は設定されていません。</p>`;
  const evaluated = goal.evaluation !== undefined;
  return html`<ul class="targets">${list.map((t, i) => {
    const a = assessment?.targets[i];
    const indicator = ctx.indicatorIds.get(`${goal.number}:${i}`);
    const showVerdict = a !== undefined && (evaluated || t.result !== undefined);
    return html`<li>
<p class="target-text">${t.label ? html`<span class="target-label">${t.label}</span>` : ""}${t.text}</p>
${t.result?.text ? html`<p class="target-result"><span class="tag">実績</span>${t.result.text}</p>` : ""}
${showVerdict && a ? html`<p class="verdict verdict-${a.status}">${targetVerdict(a, list.length, t.result?.status)}</p>` : ""}
${indicator !== undefined ? html`<p class="indicator-link"><a href="${urls.indicator(ctx.municipalityCode, indicator)}">この指標の推移を見る<span class="visually-hidden">（${t.measure?.kind === "numeric" ? t.measure.indicator : t.text}）</span></a></p>` : ""}
</li>`;
  })}</ul>`;
}

function evaluation(goal: Goal, assessment: GoalAssessment | undefined, ctx: GoalContext) {
  if (!goal.evaluation) return html``;
  const level = goal.evaluation.level;
  const label = ctx.scale.levels.find((l) => l.level === level)?.label;
  const findings = assessment?.findings ?? [];
  return html`<div class="evaluation">
<h3 id="goal-${goal.number}-evaluation">達成状況（自己評価）</h3>
<p class="self-evaluation"><span class="level level-${level}">${level}</span> ${label ?? ""}</p>
<h4>理由</h4>
<p class="reason">${lines(goal.evaluation.reason)}</p>
<h4>点検結果</h4>
${
  findings.length === 0
    ? html`<p class="findings-none">自己評価と達成目標の結果に食い違いは見つかりませんでした。</p>`
    : html`<ul class="findings">${findings.map(
        (f) =>
          html`<li class="finding finding-${f.severity}"><span class="tag">${f.severity === "warning" ? "要確認" : "注記"}</span>${f.message}</li>`,
      )}</ul>`
}
<p class="note">点検結果は、達成目標の数値と自己評価を機械的に照らし合わせたものです。自己評価そのものは部局の判断です。</p>
</div>`;
}

export function goalSection(goal: Goal, assessment: GoalAssessment | undefined, ctx: GoalContext) {
  return html`<section class="goal" aria-labelledby="goal-${goal.number}">
<h2 id="goal-${goal.number}"><span class="goal-number">目標${goal.number}</span> ${goal.title}</h2>
<dl class="fields">
<dt>組織使命</dt><dd>${goal.mission}</dd>
<dt>関連の施策・基本事業</dt><dd>${policyRefs(goal.policyRefs, ctx.plan)}</dd>
<dt>現在の状態</dt><dd>${bullets(goal.currentState)}</dd>
<dt><span aria-hidden="true">※</span>目標が達成した状態</dt><dd>${goal.desiredState || "—"}</dd>
<dt>目標を達成するための手段</dt><dd>${bullets(goal.means)}</dd>
</dl>
<h3>達成目標</h3>
${targets(goal, assessment, ctx)}
${progressSection(goal, ctx.progress?.get(goal.number))}
${evaluation(goal, assessment, ctx)}
</section>`;
}
