import { formatQuantity, formatTargetValue } from "../../../domain/assessment/messages.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import type { Comparator } from "../../../domain/manifesto/schema.ts";
import type { IndicatorYear } from "../../../services/portal/get-public-indicator.ts";
import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import { html, raw } from "../html.ts";
import { page, scrollTable } from "../layout.ts";
import { urls } from "../urls.ts";

export function indicatorListPage(data: {
  municipality: PublicMunicipality;
  indicators: { id: number; name: string; unit: string; firstYear: number; lastYear: number }[];
}): string {
  const m = data.municipality;
  const body =
    data.indicators.length === 0
      ? html`<p>数値の達成目標はまだ公表されていません。</p>`
      : html`<ul class="link-list">${data.indicators.map(
          (i) =>
            html`<li><a href="${urls.indicator(m.code, i.id)}">${i.name}</a> <span class="sub">（${i.unit}、${i.firstYear === i.lastYear ? `${i.firstYear}年度` : `${i.firstYear}〜${i.lastYear}年度`}）</span></li>`,
        )}</ul>`;
  return page({
    title: `${m.name}の指標の一覧`,
    lead: "数値で示された達成目標の指標です。指標ごとに、基準値・目標・実績の推移を見られます。",
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: "指標の一覧" },
    ],
    body,
  });
}

export function indicatorPage(data: {
  municipality: PublicMunicipality;
  indicator: { name: string; unit: string };
  years: IndicatorYear[];
  svg: string;
}): string {
  const m = data.municipality;
  const unit = data.indicator.unit;
  const q = (v: number | undefined) => (v === undefined ? "—" : formatQuantity(v, unit));
  const table = html`<table>
<caption>${data.indicator.name}の基準値・目標・実績（単位：${unit}）</caption>
<thead><tr><th scope="col">年度</th><th scope="col">基準値</th><th scope="col">目標</th><th scope="col">実績</th><th scope="col">部局</th></tr></thead>
<tbody>${data.years.map(
    (y) =>
      html`<tr><th scope="row">${formatFiscalYear(y.fiscalYear)}</th><td>${q(y.baseline)}</td><td>${
        y.target ? formatTargetValue(y.target.value, y.target.comparator as Comparator, unit) : "—"
      }</td><td>${q(y.actual)}</td><td>${y.departments.join("、") || "—"}</td></tr>`,
  )}</tbody>
</table>`;
  const body = html`
<figure class="chart">
<figcaption id="chart-caption">${data.indicator.name}の推移（グラフ）</figcaption>
<div class="chart-svg">${raw(data.svg)}</div>
</figure>
${scrollTable(`${data.indicator.name}のデータ`, table)}
<p class="note">基準値は、翌年度以降のマニフェストに記載された前年度の値です。</p>`;
  return page({
    title: data.indicator.name,
    lead: `${m.name}の指標（単位：${unit}）`,
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: "指標の一覧", href: urls.indicators(m.code) },
      { label: data.indicator.name },
    ],
    body,
  });
}
