import { formatDateJa, formatFiscalYear } from "../../../domain/era.ts";
import {
  BUILT_IN_VOCABULARIES,
  tagLabel,
  tagsIn,
  vocabulariesOf,
} from "../../../domain/manifesto/tags.ts";
import {
  scoreScaleFromSetting,
  tagVocabulariesFromSetting,
} from "../../../services/municipality-scale.ts";
import type { PublicManifestoView } from "../../../services/portal/get-public-manifesto.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { STATE_WORDS, shareMet } from "../present.ts";
import { departmentSlug, downloadName, urls } from "../urls.ts";
import { correctionAnchor, correctionsSection } from "./corrections.ts";
import { goalSection } from "./goal.ts";

function hasTag(goal: PublicManifestoView["document"]["goals"][number], tag: string): boolean {
  return (goal.tags ?? []).includes(tag) || (goal.targets ?? []).some((t) => t.tags?.includes(tag));
}

export function manifestoPage(
  view: PublicManifestoView,
  options: { pdf: boolean; tag?: string | undefined },
): string {
  const doc = view.document;
  const m = view.municipality;
  const year = doc.fiscalYear;
  const slug = departmentSlug(view.stored);
  const title = doc.documentTitle ?? m.row.documentTitle ?? "部局マニフェスト";
  const head = doc.department.head;
  const contact = doc.department.contact;
  const { met, not_met, unknown } = view.assessment.summary.targets;
  const evaluated = doc.goals.some((g) => g.evaluation !== undefined);
  const goalAssessment = (n: number) => view.assessment.goals.find((g) => g.number === n);
  const latestCorrection = view.corrections[0];
  const download = (ext: "json" | "xlsx" | "pdf") => urls.download(m.code, year, slug, ext);
  // The names the live portal gives in Content-Disposition (downloads.ts), for the export.
  const saveAs = (ext: string) =>
    downloadName(`${m.code}-${year}-${view.stored.departmentName}.${ext}`);
  const here = urls.manifesto(m.code, year, slug);
  const tagHref = (tag: string) => `${here}?tag=${encodeURIComponent(tag)}`;
  // The municipality's vocabularies and second scale name what the document does not itself.
  const vocabularies = vocabulariesOf(doc, tagVocabulariesFromSetting(m.row.tagVocabularies));
  const scoreScale = doc.scoreScale ?? scoreScaleFromSetting(m.row.scoreScale);
  const ctx = {
    municipalityCode: m.code,
    scale: view.scale,
    plan: view.plan,
    indicatorIds: view.indicatorIds,
    progress: view.progress,
    doc: {
      ...doc,
      tagVocabularies: vocabularies.filter((v) => !BUILT_IN_VOCABULARIES.includes(v)),
      ...(scoreScale && { scoreScale }),
    },
    tagHref,
  };
  // Filtering by a tag the document does not use shows every goal (an old link stays useful).
  const allTags = tagsIn(doc);
  const tag = options.tag !== undefined && allTags.includes(options.tag) ? options.tag : undefined;
  const shown = tag === undefined ? doc.goals : doc.goals.filter((g) => hasTag(g, tag));
  const body = html`
<dl class="summary">
<dt>部局長</dt><dd>${[head?.title, head?.name].filter(Boolean).join(" ") || "—"}</dd>
<dt>連絡先</dt><dd>${contact?.phone ? html`電話 ${contact.phone}${contact.extension ? html`（内線 ${contact.extension}）` : ""}` : "—"}${contact?.email ? html`<br>${contact.email}` : ""}</dd>
<dt>公表の状態</dt><dd>${STATE_WORDS[view.stored.state] ?? view.stored.state}（第${view.stored.revision}版、${formatDateJa(view.stored.updatedAt)}更新）${latestCorrection ? html`<br><a href="#${correctionAnchor(latestCorrection.revision)}">公表後の訂正があります（訂正の履歴）</a>` : ""}</dd>
${evaluated ? html`<dt>達成目標の達成</dt><dd>${shareMet({ met, unknown, total: met + not_met + unknown })}</dd>` : ""}
</dl>
<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">目標一覧</h2>
<ol>${shown.map((g) => html`<li><a href="#goal-${g.number}">目標${g.number} ${g.title}</a></li>`)}</ol>
</nav>
<section class="downloads" aria-labelledby="downloads-heading">
<h2 id="downloads-heading">ダウンロード</h2>
<ul>
${options.pdf ? html`<li><a href="${download("pdf")}" download="${saveAs("pdf")}">PDF（印刷用の様式）</a></li>` : ""}
<li><a href="${download("xlsx")}" download="${saveAs("xlsx")}">Excel（.xlsx）</a></li>
<li><a href="${download("json")}" download="${saveAs("json")}">JSON（tassei.manifesto/v1）</a></li>
<li><a href="${urls.openData(m.code, year)}" download="${downloadName(`${m.code}-${year}-opendata.csv`)}">${formatFiscalYear(year)}の全部局のオープンデータ（CSV）</a></li>
</ul>
</section>
${
  allTags.length === 0
    ? ""
    : html`<nav class="tag-filter" aria-labelledby="tag-filter-heading">
<h2 id="tag-filter-heading">タグで絞り込む</h2>
<ul>
<li>${tag === undefined ? html`<a href="${here}" aria-current="page">すべての目標</a>` : html`<a href="${here}">すべての目標</a>`}</li>
${allTags.map((t) => html`<li>${t === tag ? html`<a href="${tagHref(t)}" aria-current="page">${tagLabel(vocabularies, t)}</a>` : html`<a href="${tagHref(t)}">${tagLabel(vocabularies, t)}</a>`}</li>`)}
</ul>
${tag === undefined ? "" : html`<p class="filter-status">「${tagLabel(vocabularies, tag)}」の目標 ${shown.length}件を表示しています。</p>`}
</nav>`
}
${shown.map((g) => goalSection(g, goalAssessment(g.number), ctx))}
<section class="scale" aria-labelledby="scale-heading">
<h2 id="scale-heading">自己評価の基準（${view.scale.name}）</h2>
<dl>${view.scale.levels.map((l) => html`<dt><span class="level level-${l.level}">${l.level}</span></dt><dd>${l.label}</dd>`)}</dl>
</section>
${correctionsSection(view.corrections)}
<p><a href="${urls.department(m.code, slug)}">${view.stored.departmentName}の過去の年度を見る</a></p>`;
  return page({
    // The title names the municipality and the year: three municipalities' 総務部 would
    // otherwise share one title and one h1 (2.4.2, 2.4.6).
    title: `${m.name} ${formatFiscalYear(year)} ${view.stored.departmentName}　${title}`,
    ...(doc.documentSubtitle && { lead: doc.documentSubtitle }),
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: formatFiscalYear(year), href: urls.year(m.code, year) },
      { label: view.stored.departmentName },
    ],
    body,
  });
}
