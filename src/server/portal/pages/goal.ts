// One goal of a manifesto: what was promised, and once evaluated, what came of it with the
// assessment's findings beside the self-evaluation.
import type { GoalAssessment } from "../../../domain/assessment/index.ts";
import type {
  EvaluationScale,
  Goal,
  ManifestoDocument,
  ScoreScale,
} from "../../../domain/manifesto/schema.ts";
import { tagLabel, vocabulariesOf } from "../../../domain/manifesto/tags.ts";
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
  /** The document's second scale, tag vocabularies and department (FORMAT.md "Extensions"). */
  doc?: Pick<ManifestoDocument, "scoreScale" | "tagVocabularies" | "department">;
  /** The address of the manifesto's page filtered by a tag. */
  tagHref?: (tag: string) => string;
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
${(a?.longTerm ?? []).map((j) => html`<p class="long-term"><span class="tag">${j.fiscalYear}年度の目標</span>${j.target}${t.measure?.kind === "numeric" ? t.measure.unit : ""}（今年度の計画線 ${j.expected}）${j.onSchedule === undefined ? "" : j.onSchedule ? "：計画どおり" : "：計画より遅れ"}</p>`)}
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
${score(goal, ctx.doc?.scoreScale)}
${goal.evaluation.asOf ? html`<p class="as-of">評価日 ${goal.evaluation.asOf}</p>` : ""}
${goal.evaluation.result ? html`<h4>成果・実績</h4><p class="result">${lines(goal.evaluation.result)}</p>` : ""}
<h4>理由</h4>
<p class="reason">${goal.evaluation.reason.trim() === "" ? "—" : lines(goal.evaluation.reason)}</p>
${goal.evaluation.issues ? html`<h4>課題</h4><p class="issues">${lines(goal.evaluation.issues)}</p>` : ""}
${goal.evaluation.nextSteps ? html`<h4>今後の取組</h4><p class="next-steps">${lines(goal.evaluation.nextSteps)}</p>` : ""}
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

/** The second self-evaluation beside the level (達成度 6／10). */
function score(goal: Goal, scale: ScoreScale | undefined) {
  const value = goal.evaluation?.score;
  if (value === undefined || !scale) return "";
  const label = scale.levels?.find((l) => l.level === value)?.label;
  const range = scale.range ? `（${scale.range.min}〜${scale.range.max}）` : "";
  return html`<p class="score"><span class="tag">${scale.name}</span>${label ?? `${value}${range}`}</p>`;
}

/** The 所属 of the goal: its own owner, each key falling back to the department's. */
function owner(goal: Goal, ctx: GoalContext) {
  if (!goal.owner) return "";
  const dept = ctx.doc?.department;
  const head = goal.owner.head ?? dept?.head;
  const contact = goal.owner.contact ?? dept?.contact;
  const headText = [head?.title, head?.name].filter(Boolean).join(" ");
  return html`<dt>担当所属</dt><dd class="owner">${goal.owner.unit ?? dept?.name ?? ""}${headText ? html`（${headText}）` : ""}${contact?.phone ? html`<br>電話 ${contact.phone}${contact.extension ? html`（内線 ${contact.extension}）` : ""}` : ""}${contact?.email ? html`<br>${contact.email}` : ""}</dd>`;
}

function tags(goal: Goal, ctx: GoalContext) {
  if (!goal.tags || goal.tags.length === 0) return "";
  const vocabularies = vocabulariesOf(ctx.doc ?? {});
  return html`<dt>タグ</dt><dd><ul class="goal-tags">${goal.tags.map((t) => {
    const label = tagLabel(vocabularies, t);
    return html`<li>${ctx.tagHref ? html`<a href="${ctx.tagHref(t)}">${label}</a>` : label}</li>`;
  })}</ul></dd>`;
}

function budget(goal: Goal) {
  if (!goal.budget || goal.budget.length === 0) return "";
  return html`<dt>予算</dt><dd><ul>${goal.budget.map((b) => html`<li>${b.label} ${b.amount.toLocaleString("ja-JP")}${b.unit}</li>`)}</ul></dd>`;
}

export function goalSection(goal: Goal, assessment: GoalAssessment | undefined, ctx: GoalContext) {
  return html`<section class="goal" aria-labelledby="goal-${goal.number}">
<h2 id="goal-${goal.number}"><span class="goal-number">目標${goal.number}</span> ${goal.title}</h2>
<dl class="fields">
${owner(goal, ctx)}
${goal.mission !== undefined ? html`<dt>組織使命</dt><dd>${goal.mission}</dd>` : ""}
${tags(goal, ctx)}
${goal.plan ? html`<dt>今年度の目標</dt><dd>${goal.plan}</dd>` : ""}
<dt>関連の施策・基本事業</dt><dd>${policyRefs(goal.policyRefs, ctx.plan)}</dd>
<dt>現在の状態</dt><dd>${bullets(goal.currentState)}</dd>
<dt><span aria-hidden="true">※</span>目標が達成した状態</dt><dd>${goal.desiredState || "—"}</dd>
<dt>目標を達成するための手段</dt><dd>${bullets(goal.means)}</dd>
${budget(goal)}
</dl>
<h3>達成目標</h3>
${targets(goal, assessment, ctx)}
${progressSection(goal, ctx.progress?.get(goal.number))}
${evaluation(goal, assessment, ctx)}
</section>`;
}
