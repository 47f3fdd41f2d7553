import { listPublicManifestos } from "../../db/repositories/public-manifestos.ts";
import { consistencyFigures } from "../../domain/assessment/index.ts";
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
  const read = rows.map((r) => readManifesto(r, municipality, plan));
  const departments = read.map(summariseManifesto);
  // The year's figures over all its goals, beside each department's.
  const consistency = consistencyFigures(read.flatMap((m) => m.assessment.goals));
  return { municipality, fiscalYear, departments, consistency };
}
