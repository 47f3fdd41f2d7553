import { formatFiscalYear } from "../../../domain/era.ts";
import { DEFAULT_SCALE } from "../../../domain/manifesto/default-scale.ts";
import type { EvaluationScale, Goal, TagVocabulary } from "../../../domain/manifesto/schema.ts";
import { BUILT_IN_VOCABULARIES, tagLabel, vocabulariesOf } from "../../../domain/manifesto/tags.ts";
import type { PublicSearchHit } from "../../../services/portal/search-public-goals.ts";
import { containsAny, highlight } from "../highlight.ts";
import { type Html, html } from "../html.ts";
import { type Crumb, page } from "../layout.ts";
import { levelBadge } from "../present.ts";
import { departmentSlug, SEARCH_SCRIPT_PATH, urls } from "../urls.ts";

export interface SearchFilters {
  year?: number;
  department?: string;
  policy?: string;
  level?: number;
  /** `sdg:12`: the manifesto page's tag filter, across every published manifesto. */
  tag?: string;
}

/** The tags a citizen can search by without typing a word, as the vocabularies word them. */
function tagOptions(vocabularies: readonly TagVocabulary[]): { value: string; label: string }[] {
  return vocabularies.flatMap((v) =>
    v.tags.map((t) => ({
      value: `${v.id}:${t.id}`,
      label: tagLabel(vocabularies, `${v.id}:${t.id}`),
    })),
  );
}

/** Across municipalities: the built-in SDGs 1–17 and 指標の分類 only. */
const BUILT_IN_TAG_OPTIONS = tagOptions(BUILT_IN_VOCABULARIES);

export interface FacetOptions {
  years: number[];
  departments: { value: string; label: string }[];
  policies: string[];
  levels: { level: number; label: string }[];
  /** The built-in tags and the municipality's own vocabularies (its setting). */
  tags: { value: string; label: string }[];
}

/** The filters of a municipality's search, from what its published goals use. */
export function facetOptions(facets: {
  municipality: { scale?: EvaluationScale | undefined };
  /** The municipality's own tag vocabularies. */
  vocabularies?: readonly TagVocabulary[];
  years: number[];
  departments: { code: string | null; name: string }[];
  policyRefs: string[];
}): FacetOptions {
  return {
    years: facets.years,
    departments: facets.departments.map((d) => ({
      value: departmentSlug({ departmentCode: d.code, departmentName: d.name }),
      label: d.name,
    })),
    policies: facets.policyRefs,
    levels: (facets.municipality.scale ?? DEFAULT_SCALE).levels,
    tags: tagOptions(vocabulariesOf({}, facets.vocabularies)),
  };
}

function select(
  name: string,
  label: string,
  options: { value: string; label: string }[],
  current: string | undefined,
): Html {
  return html`<div class="field"><label for="f-${name}">${label}</label>
<select id="f-${name}" name="${name}"><option value="">すべて</option>${options.map(
    (o) =>
      html`<option value="${o.value}"${o.value === current ? html` selected` : ""}>${o.label}</option>`,
  )}</select></div>`;
}

export function searchForm(options: {
  action: string;
  text: string;
  filters?: SearchFilters;
  facets?: FacetOptions;
  /** Fixed conditions, e.g. the year of the page the form is on. */
  hidden?: Record<string, string>;
  /**
   * The tag chooser: on the served search page only. The static export's search runs in the
   * browser over an index without tags, and the short forms of other pages lead there too.
   */
  tags?: boolean;
}): Html {
  const f = options.filters ?? {};
  const facets = options.facets;
  return html`<form class="search-form" action="${options.action}" method="get" role="search">
${Object.entries(options.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<div class="field field-q"><label for="q">キーワード</label>
<input id="q" name="q" type="search" value="${options.text}" maxlength="200" autocomplete="off"></div>
${options.tags ? select("tag", "タグ（SDGs・指標の分類など）", facets?.tags ?? BUILT_IN_TAG_OPTIONS, f.tag) : ""}
${
  facets
    ? html`<fieldset class="filters"><legend>絞り込み</legend>
${select(
  "year",
  "年度",
  facets.years.map((y) => ({ value: String(y), label: formatFiscalYear(y) })),
  f.year?.toString(),
)}
${select("department", "部局", facets.departments, f.department)}
${select(
  "policy",
  "関連の施策・基本事業",
  facets.policies.map((p) => ({ value: p, label: p })),
  f.policy,
)}
${select(
  "level",
  "自己評価",
  facets.levels.map((l) => ({ value: String(l.level), label: `${l.level} ${l.label}` })),
  f.level?.toString(),
)}
</fieldset>`
    : ""
}
<button type="submit">検索</button>
</form>`;
}

/** The goal's fields a hit may show, named as a citizen reads them. */
export function goalFields(goal: Goal): { name: string; text: string }[] {
  const fields: { name: string; text: string }[] = [
    { name: "組織使命", text: goal.mission ?? "" },
    ...(goal.currentState ?? []).map((t) => ({ name: "現在の状態", text: t })),
    ...(goal.targets ?? []).flatMap((t) => [
      { name: "達成目標", text: `${t.label ?? ""}${t.text}` },
      ...(t.result?.text ? [{ name: "実績", text: t.result.text }] : []),
    ]),
    // The document's own heading, 「※目標が達成した状態」; the mark is not read aloud.
    { name: "※目標が達成した状態", text: goal.desiredState ?? "" },
    ...(goal.means ?? []).map((t) => ({ name: "手段", text: t })),
    { name: "理由", text: goal.evaluation?.reason ?? "" },
    { name: "関連の施策・基本事業", text: (goal.policyRefs ?? []).join("、") },
  ];
  return fields.filter((f) => f.text !== "");
}

/** The goal's fields that contain a word. */
function matchingFields(goal: Goal, words: readonly string[]): { name: string; text: string }[] {
  return goalFields(goal).filter((f) => containsAny(f.text, words));
}

function hitItem(hit: PublicSearchHit, words: readonly string[], showMunicipality: boolean) {
  const href = `${urls.manifesto(hit.municipalityCode, hit.fiscalYear, departmentSlug(hit))}#goal-${hit.goal.number}`;
  const fields = matchingFields(hit.goal, words).slice(0, 4);
  return html`<li class="hit">
<h3><a href="${href}">目標${hit.goal.number} ${highlight(hit.goal.title, words)}</a></h3>
<p class="hit-meta">${showMunicipality ? html`${hit.municipalityName}　` : ""}${formatFiscalYear(hit.fiscalYear)}　${hit.departmentName}　自己評価 ${levelBadge(hit.goal.evaluation?.level, hit.levelLabel)}${hit.levelLabel ? html` ${hit.levelLabel}` : ""}</p>
${fields.length > 0 ? html`<dl class="hit-fields">${fields.map((f) => html`<dt>${f.name.startsWith("※") ? html`<span aria-hidden="true">※</span>${f.name.slice(1)}` : f.name}</dt><dd>${highlight(f.text, words)}</dd>`)}</dl>` : ""}
</li>`;
}

export function searchPage(data: {
  municipality?: { code: string; name: string };
  text: string;
  words: string[];
  filters: SearchFilters;
  facets?: FacetOptions;
  hits: PublicSearchHit[];
  truncated: boolean;
  /**
   * The static export's search page: the form, and results found in the browser by
   * portal-search.js in the municipality's index; without JavaScript, the list of every goal.
   */
  inBrowser?: { municipalityCode: string };
}): string {
  const m = data.municipality;
  const action = m ? urls.municipalitySearch(m.code) : urls.search();
  const tag = data.filters.tag;
  const searched = data.words.length > 0 || tag !== undefined;
  // What was asked for, in words: the keyword, the tag, or both.
  const asked = [
    ...(data.text.trim() !== "" ? [`「${data.text}」`] : []),
    ...(tag !== undefined
      ? [
          `タグ「${(data.facets?.tags ?? BUILT_IN_TAG_OPTIONS).find((o) => o.value === tag)?.label ?? tag}」`,
        ]
      : []),
  ].join("・");
  const inBrowser = data.inBrowser;
  const results = inBrowser
    ? html`<div id="search-results" data-index-href="${urls.searchIndex(inBrowser.municipalityCode)}" data-root-href="${urls.home()}">
<p>キーワードを入力して検索してください。2文字の語（例：防災）でも検索できます。全角・半角は区別しません。</p>
<p class="note" id="search-without-script">このページの検索はJavaScriptで動きます。JavaScriptを使わない場合は、<a href="${urls.goals(inBrowser.municipalityCode)}">すべての目標の一覧（年度・部局別）</a>からお探しください。</p>
</div>
<script src="${SEARCH_SCRIPT_PATH}" defer></script>`
    : !searched
      ? html`<p>キーワードを入力して検索してください。2文字の語（例：防災）でも検索できます。全角・半角は区別しません。</p>`
      : html`<section aria-labelledby="results-heading">
<h2 id="results-heading">検索結果：${data.hits.length}${data.truncated ? "件以上" : "件"}</h2>
${data.truncated ? html`<p>結果が多いため、先頭の${data.hits.length}件を表示しています。条件を絞り込んでください。</p>` : ""}
${data.hits.length === 0 ? html`<p>${asked}に一致する目標は見つかりませんでした。</p>` : html`<ol class="hits">${data.hits.map((h) => hitItem(h, data.words, !m))}</ol>`}
</section>`;
  const crumbs: Crumb[] = [{ label: "トップ", href: urls.home() }];
  if (m) crumbs.push({ label: m.name, href: urls.municipality(m.code) });
  crumbs.push({ label: "検索" });
  return page({
    title: searched
      ? `${asked}の検索結果`
      : m
        ? `${m.name}の部局マニフェストを検索`
        : "部局マニフェストを検索",
    breadcrumbs: crumbs,
    body: html`${searchForm({ action, text: data.text, filters: data.filters, tags: !inBrowser, ...(data.facets && { facets: data.facets }) })}
${results}`,
  });
}
