// The static export's search index: every published goal of a municipality with what the
// served search matches (the same fields, NFKC and lower case) and what a hit shows. The
// browser (assets/portal-search.ts, served as /assets/portal-search.js) searches it with the
// server's own rules (src/domain/search/words.ts): every word must occur.
import { formatFiscalYear } from "../../domain/era.ts";
import { SEARCH_LIMIT } from "../../services/portal/search-public-goals.ts";
import type { PublicMunicipality, ReadManifesto } from "../../services/portal/shared.ts";
import { goalFields } from "./pages/search.ts";
import { departmentSlug, urls } from "./urls.ts";

export const SEARCH_INDEX_FORMAT = "tassei.portal-search/v1";

/** What the served search reads in a goal (public-search.ts): one line a field. */
function searchable(goal: ReadManifesto["document"]["goals"][number]): string {
  return [
    goal.mission,
    goal.title,
    ...(goal.policyRefs ?? []),
    ...(goal.currentState ?? []),
    ...(goal.targets ?? []).flatMap((t) => [
      t.text,
      t.measure?.kind === "numeric" ? t.measure.indicator : undefined,
      t.result?.text,
    ]),
    goal.desiredState,
    ...(goal.means ?? []),
    goal.evaluation?.reason,
  ]
    .filter((t): t is string => typeof t === "string" && t !== "")
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}

export function searchIndex(data: {
  municipality: PublicMunicipality;
  manifestos: ReadManifesto[];
}) {
  const m = data.municipality;
  return {
    format: SEARCH_INDEX_FORMAT,
    municipality: { code: m.code, name: m.name },
    limit: SEARCH_LIMIT,
    goals: data.manifestos.flatMap((r) =>
      r.document.goals.map((g) => ({
        fiscalYear: r.stored.fiscalYear,
        yearLabel: formatFiscalYear(r.stored.fiscalYear),
        departmentName: r.stored.departmentName,
        departmentCode: r.stored.departmentCode,
        page: urls.manifesto(m.code, r.stored.fiscalYear, departmentSlug(r.stored)),
        number: g.number,
        title: g.title,
        level: g.evaluation?.level ?? null,
        levelLabel: r.scale.levels.find((l) => l.level === g.evaluation?.level)?.label ?? null,
        policyRefs: (g.policyRefs ?? []).map((p) => p.normalize("NFKC")),
        fields: goalFields(g).map((f): [string, string] => [f.name, f.text]),
        body: searchable(g),
      })),
    ),
  };
}
