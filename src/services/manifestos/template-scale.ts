// The scale an empty Excel template offers to a staff member: their municipality's own,
// else (an installation administrator, or no setting) the default.
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import type { EvaluationScale } from "../../domain/manifesto/schema.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { scaleFromSetting } from "../municipality-scale.ts";

export async function templateScaleFor(ctx: StaffContext): Promise<EvaluationScale | undefined> {
  const code = ctx.user.municipalityCode;
  const municipality = code === null ? undefined : await findMunicipality(ctx.db, code);
  return scaleFromSetting(municipality?.evaluationScale);
}
