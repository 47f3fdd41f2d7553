import { listPublicDepartments, listPublicYears } from "../../db/repositories/public-manifestos.ts";
import type { ServiceContext } from "../context.ts";
import { requirePublicMunicipality } from "./shared.ts";

/** A municipality's front page: its published years and departments. */
export async function getPublicMunicipality(ctx: ServiceContext, code: string) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const [years, departments] = await Promise.all([
    listPublicYears(ctx.db, code),
    listPublicDepartments(ctx.db, code),
  ]);
  return { municipality, years, departments };
}
