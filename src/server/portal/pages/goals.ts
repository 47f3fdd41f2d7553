// Every published goal of a municipality, by year and department, as plain links: the way to
// find a goal without the search (a static export's search needs JavaScript; this does not).
import { formatFiscalYear } from "../../../domain/era.ts";
import type { PublicMunicipality, ReadManifesto } from "../../../services/portal/shared.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { levelBadge } from "../present.ts";
import { departmentSlug, urls } from "../urls.ts";

export function goalsPage(data: {
  municipality: PublicMunicipality;
  manifestos: ReadManifesto[];
}): string {
  const m = data.municipality;
  const years = [...new Set(data.manifestos.map((r) => r.stored.fiscalYear))];
  const department = (r: ReadManifesto) => {
    const href = urls.manifesto(m.code, r.stored.fiscalYear, departmentSlug(r.stored));
    const label = (n: number) => r.scale.levels.find((l) => l.level === n)?.label;
    return html`<h3>${r.stored.departmentName}</h3>
<ul class="link-list">${r.document.goals.map((g) => {
      const level = g.evaluation?.level;
      const levelLabel = level === undefined ? undefined : label(level);
      return html`<li><a href="${href}#goal-${g.number}">目標${g.number} ${g.title}</a> 自己評価 ${levelBadge(level, levelLabel)}${levelLabel ? html`<span class="visually-hidden">${levelLabel}</span>` : ""}</li>`;
    })}</ul>`;
  };
  const body = html`
<p>公表されているすべての目標を、年度と部局ごとに並べています。</p>
${years.map((y) => {
  const section = data.manifestos.filter((r) => r.stored.fiscalYear === y);
  return html`<section aria-labelledby="year-${y}">
<h2 id="year-${y}">${formatFiscalYear(y)}</h2>
${section.map(department)}
</section>`;
})}`;
  return page({
    title: `${m.name}のすべての目標（年度・部局別）`,
    breadcrumbs: [
      { label: "トップ", href: urls.home() },
      { label: m.name, href: urls.municipality(m.code) },
      { label: "すべての目標" },
    ],
    body,
  });
}
