// The municipality a master-data request is about, checked against the caller: another
// municipality is out of sight (404), a municipality's staff may look but only administrators
// change anything (403). Messages are Japanese: they are shown as they come.
import { findMunicipality, type MunicipalityRow } from "../../db/repositories/municipalities.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { masterDataPermissions } from "../../domain/permissions.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export const NOT_FOUND = "この自治体は登録されていません";

export async function municipalityForMasterData(
  ctx: StaffContext,
  code: string,
  action: "read" | "manage",
): Promise<MunicipalityRow> {
  const allowed = masterDataPermissions(ctx.user, { municipalityCode: code });
  if (!allowed.read) throw new NotFoundError(NOT_FOUND);
  if (action === "manage" && !allowed.manage) {
    throw new AppError("forbidden", "自治体の基本情報を変更できるのは管理者だけです");
  }
  const municipality = await findMunicipality(ctx.db, code);
  if (!municipality) throw new NotFoundError(NOT_FOUND);
  return municipality;
}

/** Refuses with every problem at once; nothing has been written. */
export function refuse(message: string, problems: Problem[]): never {
  throw new ValidationError(message, problems);
}
