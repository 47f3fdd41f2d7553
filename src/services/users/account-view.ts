// An account as the user administration API presents it, with what the caller may do to it.
import type { UserRow } from "../../db/repositories/users.ts";
import { type AccountPermissions, accountPermissions } from "../../domain/permissions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import { AppError } from "../../errors.ts";
import { toStaffUser } from "../auth/staff-context.ts";

export interface AccountView extends UserRow {
  allowed: AccountPermissions;
}

export function accountView(actor: StaffUser, row: UserRow): AccountView {
  return { ...row, allowed: accountPermissions(actor, toStaffUser(row)) };
}

export function notAnAdministrator(): AppError {
  return new AppError("forbidden", "アカウントを管理できるのは管理者だけです");
}
