// An administrator changes an account: display name, role, department, disabled. The
// municipality never changes here, so no one becomes an installation administrator this
// way; and no one changes their own role or disables themselves (an administrator who
// demoted or locked out themselves by a slip could not undo it). Disabling ends the
// account's sessions in the same transaction.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findEmail } from "../../db/repositories/notification-preferences.ts";
import { deleteSessionsOfUser } from "../../db/repositories/sessions.ts";
import { findDepartmentById } from "../../db/repositories/staff-manifestos.ts";
import {
  type AccountChange,
  findUserById,
  type UserRow,
  updateUserAccount,
} from "../../db/repositories/users.ts";
import { EMAIL_PROBLEM, normaliseEmail } from "../../domain/notifications/email.ts";
import { accountPermissions, canAdministerUsers } from "../../domain/permissions.ts";
import { isDepartmentRole, type Role } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import { type StaffContext, toStaffUser } from "../auth/staff-context.ts";
import { type AccountView, accountView, notAnAdministrator } from "./account-view.ts";

export interface AccountPatch {
  displayName?: string | null | undefined;
  role?: Role | undefined;
  departmentId?: number | null | undefined;
  disabled?: boolean | undefined;
  /** Where the account's notifications go (issue 14); null or "" removes it. */
  email?: string | null | undefined;
}

function refused(field: string, message: string): ValidationError {
  return new ValidationError("アカウントを変更できません", [{ path: field, message }]);
}

/** The role and department after the patch, checked against each other and the municipality. */
async function placement(ctx: StaffContext, user: UserRow, patch: AccountPatch) {
  const role = patch.role ?? (user.role as Role);
  if (user.municipalityCode === null && role !== "admin") {
    throw refused("role", "an installation administrator can only be admin");
  }
  let departmentId: number | null;
  if (patch.departmentId !== undefined) departmentId = patch.departmentId;
  else departmentId = isDepartmentRole(role) ? user.departmentId : null;
  if (isDepartmentRole(role) && departmentId === null) {
    throw refused("departmentId", `is required for the role ${role}`);
  }
  if (!isDepartmentRole(role) && departmentId !== null) {
    throw refused("departmentId", `is only for department roles, not ${role}`);
  }
  if (departmentId !== null && departmentId !== user.departmentId) {
    const found = await findDepartmentById(ctx.db, departmentId);
    if (found?.municipalityCode !== user.municipalityCode) {
      throw refused("departmentId", `is not a department of ${user.municipalityCode}`);
    }
  }
  return { role, departmentId };
}

export async function updateAccount(
  ctx: StaffContext,
  id: number,
  patch: AccountPatch,
  at: Date,
): Promise<AccountView> {
  if (!canAdministerUsers(ctx.user)) throw notAnAdministrator();
  const user = await findUserById(ctx.db, id);
  const allowed = user && accountPermissions(ctx.user, toStaffUser(user));
  if (!user || !allowed?.read) throw new NotFoundError("アカウントが見つかりません");
  if (!allowed.manage) throw new AppError("forbidden", "このアカウントを変更する権限がありません");
  const { role, departmentId } = await placement(ctx, user, patch);

  const change: AccountChange = {};
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  const note = <K extends keyof AccountChange>(key: K, from: unknown, to: AccountChange[K]) => {
    if (to === undefined || from === to) return;
    change[key] = to;
    diff[key] = { from, to };
  };
  note("displayName", user.displayName, patch.displayName);
  note("role", user.role, role);
  note("departmentId", user.departmentId, departmentId);
  note("disabled", user.disabled, patch.disabled);
  if (patch.email !== undefined) {
    const email = normaliseEmail(patch.email);
    if (email === undefined) throw refused("email", EMAIL_PROBLEM);
    // The audit trail says that the address changed, not the address itself.
    if (email !== (await findEmail(ctx.db, id))) {
      change.email = email;
      diff.email = { from: "…", to: email === null ? null : "…" };
    }
  }
  if ((change.role !== undefined || change.departmentId !== undefined) && !allowed.changeRole) {
    throw new AppError("forbidden", "自分自身の役割や部局は変更できません");
  }
  if (change.disabled !== undefined && !allowed.disable) {
    throw new AppError("forbidden", "自分自身のアカウントは無効にできません");
  }
  if (Object.keys(change).length > 0) {
    await ctx.db.transaction().execute(async (tx) => {
      await updateUserAccount(tx, id, change, at);
      const revokedSessions = change.disabled ? await deleteSessionsOfUser(tx, id) : 0;
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        action: "user.updated",
        ...(user.municipalityCode && { municipalityCode: user.municipalityCode }),
        detail: { userId: id, username: user.username, changes: diff, revokedSessions },
      });
    });
  }
  const after = await findUserById(ctx.db, id);
  if (!after) throw new NotFoundError("アカウントが見つかりません");
  return accountView(ctx.user, after);
}
