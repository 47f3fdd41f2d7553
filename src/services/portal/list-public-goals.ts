import { listPublicManifestos } from "../../db/repositories/public-manifestos.ts";
import type { ServiceContext } from "../context.ts";
import { planTitles, readManifesto, requirePublicMunicipality } from "./shared.ts";

/**
 * Every published manifesto of a municipality with its goals, newest year first and the
 * departments in the municipality's order: the page that lists every goal (which works
 * without JavaScript) and the static export's search index are built from it.
 */
export async function listPublicGoals(ctx: ServiceContext, code: string) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const rows = await listPublicManifestos(ctx.db, { municipalityCode: code });
  const plan = await planTitles(ctx, code);
  return { municipality, manifestos: rows.map((r) => readManifesto(r, municipality, plan)) };
}
