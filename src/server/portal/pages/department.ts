import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import type { ManifestoSummary } from "../../../services/portal/summarise.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { urls } from "../urls.ts";
import { summaryTable } from "./year.ts";

export function departmentPage(data: {
  municipality: PublicMunicipality;
  departmentName: string;
  years: ManifestoSummary[];
}): string {
  const m = data.municipality;
  const body = html`
${summaryTable(`${data.departmentName}の年度ごとの自己評価と達成目標の達成`, m.code, data.years, "year")}
<p class="note">部局名は年度によって異なることがあります（組織改正）。各年度の名称を年度の下に示しています。</p>
<p><a href="${urls.indicators(m.code)}">指標ごとの推移（グラフと表）</a></p>`;
  return page({
    title: `${m.name} ${data.departmentName}の年度ごとの推移`,
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: data.departmentName },
    ],
    body,
  });
}
