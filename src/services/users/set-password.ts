// An operator or administrator sets someone's password (a forgotten one, a new account
// handed over). All of that user's sessions end.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { deleteSessionsOfUser } from "../../db/repositories/sessions.ts";
import { findUserByUsername, updatePasswordHash } from "../../db/repositories/users.ts";
import { userPermissions } from "../../domain/permissions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { checkPasswordPolicy, hashPassword } from "../auth/passwords.ts";
import { toStaffUser } from "../auth/staff-context.ts";
import type { ServiceContext } from "../context.ts";

export async function setUserPassword(
  ctx: ServiceContext,
  input: { username: string; password: string },
  by?: StaffUser,
): Promise<{ revokedSessions: number }> {
  checkPasswordPolicy(input.password);
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user || (by && !userPermissions(by, toStaffUser(user)).read)) {
    throw new NotFoundError(`no user named ${input.username}`);
  }
  if (by && !userPermissions(by, toStaffUser(user)).manage) {
    throw new AppError("forbidden", "このアカウントのパスワードを設定する権限がありません");
  }
  const hash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, user.id, hash);
    const revokedSessions = await deleteSessionsOfUser(tx, user.id);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "user.password_set",
      ...(user.municipalityCode && { municipalityCode: user.municipalityCode }),
      detail: { userId: user.id, username: user.username, revokedSessions },
    });
    return { revokedSessions };
  });
}
