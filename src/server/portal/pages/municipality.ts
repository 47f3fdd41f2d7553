import { formatFiscalYear } from "../../../domain/era.ts";
import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { departmentSlug, urls } from "../urls.ts";
import { searchForm } from "./search.ts";

export function homePage(
  municipalities: { code: string; name: string; prefecture: string | null }[],
) {
  const body = html`
${
  municipalities.length === 0
    ? html`<p>公表されているマニフェストはまだありません。</p>`
    : html`<h2>自治体を選ぶ</h2>
<ul class="link-list">${municipalities.map(
        (m) =>
          html`<li><a href="${urls.municipality(m.code)}">${m.prefecture ?? ""}${m.name}</a></li>`,
      )}</ul>`
}
<h2>すべての自治体から検索</h2>
${searchForm({ action: urls.search(), text: "" })}`;
  return page({
    title: "部局マニフェスト",
    lead: "各部局が年度の初めに約束した目標と、年度末の達成状況を公開しています。",
    body,
  });
}

export function municipalityPage(data: {
  municipality: PublicMunicipality;
  years: number[];
  departments: { code: string | null; name: string }[];
}): string {
  const m = data.municipality;
  const title = m.row.documentTitle ?? "部局マニフェスト";
  const body = html`
<h2>年度から探す</h2>
<ul class="link-list">${data.years.map((y) => html`<li><a href="${urls.year(m.code, y)}">${formatFiscalYear(y)}</a></li>`)}</ul>
<h2>部局の推移を見る</h2>
<ul class="link-list">${data.departments.map(
    (d) =>
      html`<li><a href="${urls.department(m.code, departmentSlug({ departmentCode: d.code, departmentName: d.name }))}">${d.name}</a></li>`,
  )}</ul>
<h2>指標の推移を見る</h2>
<p><a href="${urls.indicators(m.code)}">達成目標の指標の一覧</a>（基準値・目標・実績のグラフと表）</p>
<h2>すべての目標</h2>
<p><a href="${urls.goals(m.code)}">すべての目標の一覧（年度・部局別）</a></p>
<h2>検索</h2>
${searchForm({ action: urls.municipalitySearch(m.code), text: "" })}`;
  return page({
    title: `${m.name}の${title}`,
    lead: `${m.prefecture ?? ""}${m.name}の各部局の目標と達成状況です。`,
    breadcrumbs: [{ label: "トップ", href: urls.home() }, { label: m.name }],
    body,
  });
}
