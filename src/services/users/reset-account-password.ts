// An administrator sets the password of an account of their municipality (a forgotten one):
// the policy of passwords.ts applies, and every session of that account ends. Not one's own:
// that always needs the current password (PUT /api/session/password), so a session left
// open is not enough to take over an administrator's account.
import { findUserById } from "../../db/repositories/users.ts";
import { accountPermissions, canAdministerUsers } from "../../domain/permissions.ts";
import { AppError, NotFoundError } from "../../errors.ts";
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
  if (user.id === ctx.user.id) {
    throw new AppError(
      "forbidden",
      "自分のパスワードは、現在のパスワードを入力して変更してください（パスワードの変更画面）",
    );
  }
  // setUserPassword checks the policy and the right to manage this account (403).
  return setUserPassword(ctx, { username: user.username, password }, ctx.user);
}
