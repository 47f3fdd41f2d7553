import { listPublicDepartments, listPublicYears } from "../../db/repositories/public-manifestos.ts";
import { listPublicSearchFacets } from "../../db/repositories/public-search.ts";
import { comparePolicyRefs } from "../../domain/policy-refs.ts";
import type { ServiceContext } from "../context.ts";
import { tagVocabulariesFromSetting } from "../municipality-scale.ts";
import { requirePublicMunicipality } from "./shared.ts";

/** What a municipality's search can be narrowed by: years, departments, policy refs, tags. */
export async function listSearchFacets(ctx: ServiceContext, code: string) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const [years, departments, refs] = await Promise.all([
    listPublicYears(ctx.db, code),
    listPublicDepartments(ctx.db, code),
    listPublicSearchFacets(ctx.db, code),
  ]);
  return {
    municipality,
    years,
    departments,
    policyRefs: refs.sort(comparePolicyRefs),
    vocabularies: tagVocabulariesFromSetting(municipality.row.tagVocabularies),
  };
}
