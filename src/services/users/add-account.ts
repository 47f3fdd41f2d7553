// An administrator creates an account. A municipality's administrator creates accounts of
// their own municipality only (createUser refuses anything else); an account without a
// municipality — an installation administrator — only the installation's administrator can
// create, so no one gives themselves or a friend that power.
import { findUserById } from "../../db/repositories/users.ts";
import { canAdministerUsers } from "../../domain/permissions.ts";
import { isDepartmentRole, isInstallationAdmin, type Role } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { type AccountView, accountView, notAnAdministrator } from "./account-view.ts";
import { createUser } from "./create-user.ts";

export interface NewAccount {
  username: string;
  displayName?: string | undefined;
  role: Role;
  /** Omitted: the administrator's own municipality. null: an installation administrator. */
  municipalityCode?: string | null | undefined;
  departmentId?: number | null | undefined;
  email?: string | null | undefined;
  password: string;
}

export async function addAccount(ctx: StaffContext, input: NewAccount): Promise<AccountView> {
  if (!canAdministerUsers(ctx.user)) throw notAnAdministrator();
  const municipalityCode =
    input.municipalityCode === undefined ? ctx.user.municipalityCode : input.municipalityCode;
  // Another municipality is out of sight, as everywhere (404); no municipality at all —
  // an installation administrator — is for the installation's administrator (403 below).
  if (
    municipalityCode !== null &&
    !isInstallationAdmin(ctx.user) &&
    municipalityCode !== ctx.user.municipalityCode
  ) {
    throw new NotFoundError("この自治体は見つかりません");
  }
  const departmentId = input.departmentId ?? null;
  if (isDepartmentRole(input.role) !== (departmentId !== null)) {
    throw new ValidationError("アカウントを作成できません", [
      {
        path: "departmentId",
        message: isDepartmentRole(input.role)
          ? `is required for the role ${input.role}`
          : `is only for department roles, not ${input.role}`,
      },
    ]);
  }
  let created: { id: number };
  try {
    created = await createUser(
      ctx,
      {
        username: input.username,
        displayName: input.displayName,
        password: input.password,
        role: input.role,
        municipalityCode,
        email: input.email,
        ...(departmentId !== null && { departmentId }),
      },
      ctx.user,
    );
  } catch (e) {
    // User names are one namespace for the installation (sign-in asks for the name alone).
    // The refusal is neutral: it says neither that nor where the name is in use, the same
    // whether it belongs to this municipality or another (SECURITY.md).
    if (e instanceof AppError && e.code === "conflict") {
      throw new AppError("conflict", "このユーザー名は使えません。別のユーザー名にしてください", [
        { path: "username", message: "cannot be used: choose another user name" },
      ]);
    }
    throw e;
  }
  const row = await findUserById(ctx.db, created.id);
  if (!row) throw new NotFoundError("アカウントが見つかりません");
  return accountView(ctx.user, row);
}
