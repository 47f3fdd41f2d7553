import type { PublicDepartmentLink } from "../../../db/repositories/public-department-links.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import type { PublicMunicipality } from "../../../services/portal/shared.ts";
import type { ManifestoSummary } from "../../../services/portal/summarise.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { departmentSlug, urls } from "../urls.ts";
import { summaryTable } from "./year.ts";

export function departmentPage(data: {
  municipality: PublicMunicipality;
  departmentName: string;
  years: ManifestoSummary[];
  links?: PublicDepartmentLink[];
}): string {
  const m = data.municipality;
  const links = data.links ?? [];
  const linkItem = (l: PublicDepartmentLink) =>
    html`<li>${formatFiscalYear(l.fromYear)}の機構改革：${l.relation === "predecessor" ? "前身の部局" : "後継の部局"} <a href="${urls.department(m.code, departmentSlug(l))}">${l.departmentName}</a></li>`;
  const body = html`
${summaryTable(`${data.departmentName}の年度ごとの自己評価と達成目標の達成`, m.code, data.years, "year")}
${links.length > 0 ? html`<h2>組織の変遷</h2><ul>${links.map(linkItem)}</ul>` : ""}
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
