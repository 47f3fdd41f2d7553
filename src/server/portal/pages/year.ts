import { type ConsistencyFigures, consistencyShareText } from "../../../domain/assessment/index.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import type { ManifestoSummary } from "../../../services/portal/summarise.ts";
import { html } from "../html.ts";
import { page, scrollTable } from "../layout.ts";
import { levelBadge, STATE_WORDS, shareMet } from "../present.ts";
import { departmentSlug, downloadName, urls } from "../urls.ts";
import { searchForm } from "./search.ts";

export function summaryTable(
  caption: string,
  code: string,
  rows: readonly ManifestoSummary[],
  first: "department" | "year",
) {
  return scrollTable(
    caption,
    html`<table class="compare">
<caption>${caption}</caption>
<thead><tr><th scope="col">${first === "department" ? "部局" : "年度"}</th><th scope="col">目標ごとの自己評価</th><th scope="col">達成目標の達成</th></tr></thead>
<tbody>${rows.map((r) => {
      const href = urls.manifesto(code, r.fiscalYear, departmentSlug(r));
      const name = first === "department" ? r.departmentName : formatFiscalYear(r.fiscalYear);
      return html`<tr>
<th scope="row"><a href="${href}">${name}</a>${first === "year" ? html`<br><span class="sub">${r.departmentName}</span>` : ""}<br><span class="sub">${STATE_WORDS[r.state] ?? r.state}</span></th>
<td><ul class="levels">${r.goals.map((g) => html`<li><span class="goal-no">目標${g.number}</span>${levelBadge(g.level, g.levelLabel)}<span class="visually-hidden">${g.levelLabel ?? ""}</span></li>`)}</ul></td>
<td>${shareMet(r.targets)}</td>
</tr>`;
    })}</tbody>
</table>`,
  );
}

/**
 * Per department and for the year: how many self-evaluations agree with the level the
 * targets' results support, and the achievement ratios (actual ÷ target) in bins. Text in
 * every cell; the bin of targets just reached says so in its header.
 */
export function consistencyTable(
  caption: string,
  departments: readonly ManifestoSummary[],
  total: ConsistencyFigures,
) {
  const rows = [
    ...departments.map((d) => ({ name: d.departmentName, f: d.consistency })),
    { name: "全体", f: total },
  ];
  return scrollTable(
    caption,
    html`<table class="compare consistency">
<caption>${caption}</caption>
<thead><tr><th scope="col">部局</th><th scope="col">自己評価と実績の一致</th>${total.distribution.map((b) => html`<th scope="col">達成率${b.label}${b.justReached ? "（ちょうど達成）" : ""}</th>`)}</tr></thead>
<tbody>${rows.map(
      (r) => html`<tr>
<th scope="row">${r.name}</th>
<td>${consistencyShareText(r.f)}</td>${r.f.distribution.map((b) => html`<td>${String(b.count)}件</td>`)}
</tr>`,
    )}</tbody>
</table>`,
  );
}

export function yearPage(data: {
  municipality: PublicMunicipality;
  fiscalYear: number;
  departments: ManifestoSummary[];
  consistency: ConsistencyFigures;
}): string {
  const m = data.municipality;
  const year = formatFiscalYear(data.fiscalYear);
  const body = html`
${summaryTable(`${year}の部局別の自己評価と達成目標の達成`, m.code, data.departments, "department")}
<p class="note">自己評価の数字は、各部局の評価基準の段階です（数字が大きいほど高い評価）。「達成目標の達成」は、結果が記録された達成目標のうち目標を満たしたものの数です。</p>
<section aria-labelledby="consistency-heading">
<h2 id="consistency-heading">自己評価と実績の整合</h2>
${consistencyTable(`${year}の部局別の自己評価と実績の一致、達成率の分布`, data.departments, data.consistency)}
<p class="note">「自己評価と実績の一致」は、自己評価が、達成目標の実績から${m.levelRules ? "市が定めた判定基準" : "評価基準の段階（全目標達成なら「達成」、うち1つが10%以上上回れば「上回る」、未達成があれば「未達成」）"}で導かれる段階と同じだった目標の数です。達成率は実績÷目標（少ないほど良い指標は目標÷実績）で、100%以上105%未満は目標にちょうど届いた達成目標です。</p>
</section>
<section aria-labelledby="open-data-heading">
<h2 id="open-data-heading">オープンデータ</h2>
<p><a href="${urls.openData(m.code, data.fiscalYear)}" download="${downloadName(`${m.code}-${data.fiscalYear}-opendata.csv`)}">${year}の全部局の達成目標（CSV、UTF-8）</a></p>
</section>
<section aria-labelledby="search-heading">
<h2 id="search-heading">この年度を検索</h2>
${searchForm({ action: urls.municipalitySearch(m.code), text: "", hidden: { year: String(data.fiscalYear) } })}
</section>`;
  return page({
    title: `${year}の${m.row.documentTitle ?? "部局マニフェスト"}`,
    lead: `${m.name}の${data.departments.length}部局`,
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: year },
    ],
    body,
  });
}
