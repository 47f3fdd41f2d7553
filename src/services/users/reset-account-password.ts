// An administrator sets the password of an account of their municipality (a forgotten one):
// the policy of passwords.ts applies, and every session of that account ends.
import { findUserById } from "../../db/repositories/users.ts";
import { accountPermissions, canAdministerUsers } from "../../domain/permissions.ts";
import { NotFoundError } from "../../errors.ts";
import { type StaffContext, toStaffUser } from "../auth/staff-context.ts";
import { notAnAdministrator } from "./account-view.ts";
import { setUserPassword } from "./set-password.ts";

export async function resetAccountPassword(
  ctx: StaffContext,
  id: number,
  password: string,
): Promise<{ revokedSessions: number }> {
  if (!canAdministerUsers(ctx.user)) throw notAnAdministrator();
  const user = await findUserById(ctx.db, id);
  if (!user || !accountPermissions(ctx.user, toStaffUser(user)).read) {
    throw new NotFoundError("アカウントが見つかりません");
  }
  // setUserPassword checks the policy and the right to manage this account (403).
  return setUserPassword(ctx, { username: user.username, password }, ctx.user);
}
