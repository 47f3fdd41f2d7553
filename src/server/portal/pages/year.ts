import { formatFiscalYear } from "../../../domain/era.ts";
import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import type { ManifestoSummary } from "../../../services/portal/summarise.ts";
import { html } from "../html.ts";
import { page, scrollTable } from "../layout.ts";
import { levelBadge, STATE_WORDS, shareMet } from "../present.ts";
import { departmentSlug, urls } from "../urls.ts";
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

export function yearPage(data: {
  municipality: PublicMunicipality;
  fiscalYear: number;
  departments: ManifestoSummary[];
}): string {
  const m = data.municipality;
  const year = formatFiscalYear(data.fiscalYear);
  const body = html`
${summaryTable(`${year}の部局別の自己評価と達成目標の達成`, m.code, data.departments, "department")}
<p class="note">自己評価の数字は、各部局の評価基準の段階です（数字が大きいほど高い評価）。「達成目標の達成」は、結果が記録された達成目標のうち目標を満たしたものの数です。</p>
<section aria-labelledby="open-data-heading">
<h2 id="open-data-heading">オープンデータ</h2>
<p><a href="${urls.openData(m.code, data.fiscalYear)}" download>${year}の全部局の達成目標（CSV、UTF-8）</a></p>
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
