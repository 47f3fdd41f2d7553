// The municipality a planning request is about: the one asked for, else the caller's own.
// One the caller may not see is not found (404), as if it were not there.
import type { MunicipalityRow } from "../../db/repositories/municipalities.ts";
import { type FiscalYearPermissions, fiscalYearPermissions } from "../../domain/permissions.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { requireMunicipality } from "../find-manifestos.ts";

export async function municipalityInScope(
  ctx: StaffContext,
  requested: string | undefined,
): Promise<{ municipality: MunicipalityRow; allowed: FiscalYearPermissions }> {
  const code = requested ?? ctx.user.municipalityCode;
  if (code === null) {
    throw new ValidationError("自治体を指定してください", [
      { path: "municipality", message: "is required for an installation administrator" },
    ]);
  }
  const allowed = fiscalYearPermissions(ctx.user, { municipalityCode: code });
  if (!allowed.read) throw new NotFoundError("この自治体は見つかりません");
  try {
    return { municipality: await requireMunicipality(ctx, code), allowed };
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError("この自治体は見つかりません");
    throw e;
  }
}
