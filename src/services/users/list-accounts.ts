// The user administration list: a municipality's administrator sees its accounts, the
// installation's administrator everyone's (or one municipality's). Other roles are refused.
import { listDepartmentsOf } from "../../db/repositories/departments.ts";
import { canAdministerUsers } from "../../domain/permissions.ts";
import { isInstallationAdmin } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { requireMunicipality } from "../find-manifestos.ts";
import { type AccountView, accountView, notAnAdministrator } from "./account-view.ts";
import { listStaffUsers } from "./list-users.ts";

export interface AccountList {
  /** The municipality listed; null: the whole installation. */
  municipalityCode: string | null;
  users: AccountView[];
  /** The municipality's departments, for the department roles' accounts. */
  departments: { id: number; code: string | null; name: string }[];
  allowed: { create: boolean };
}

export async function listAccounts(
  ctx: StaffContext,
  filter: { municipalityCode?: string | undefined } = {},
): Promise<AccountList> {
  if (!canAdministerUsers(ctx.user)) throw notAnAdministrator();
  let code = ctx.user.municipalityCode;
  if (filter.municipalityCode !== undefined) {
    if (!isInstallationAdmin(ctx.user) && filter.municipalityCode !== code) {
      throw new NotFoundError("この自治体は見つかりません");
    }
    code = filter.municipalityCode;
  }
  if (code !== null) await requireMunicipality(ctx, code);
  const rows = await listStaffUsers(ctx, code === null ? {} : { municipalityCode: code }, ctx.user);
  return {
    municipalityCode: code,
    users: rows.map((r) => accountView(ctx.user, r)),
    departments: code === null ? [] : await listDepartmentsOf(ctx.db, code),
    allowed: { create: true },
  };
}
