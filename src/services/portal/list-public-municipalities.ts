import { listPublicMunicipalities as listRows } from "../../db/repositories/public-manifestos.ts";
import type { ServiceContext } from "../context.ts";

/** Municipalities with at least one published manifesto. */
export async function listPublicMunicipalities(ctx: ServiceContext) {
  return listRows(ctx.db);
}
