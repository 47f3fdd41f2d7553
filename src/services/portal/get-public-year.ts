import { listPublicManifestos } from "../../db/repositories/public-manifestos.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { planTitles, readManifesto, requirePublicMunicipality } from "./shared.ts";
import { summariseManifesto } from "./summarise.ts";

/** A fiscal year: every department's published manifesto, summarised for comparison. */
export async function getPublicYear(ctx: ServiceContext, code: string, fiscalYear: number) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const rows = await listPublicManifestos(ctx.db, { municipalityCode: code, fiscalYear });
  if (rows.length === 0) {
    throw new NotFoundError(`nothing published for ${code} in fiscal year ${fiscalYear}`);
  }
  const plan = await planTitles(ctx, code);
  const departments = rows.map((r) => summariseManifesto(readManifesto(r, municipality, plan)));
  return { municipality, fiscalYear, departments };
}
