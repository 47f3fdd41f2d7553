// An administrator removes an account's second factor (a lost phone, no recovery codes
// left): the person sets up a new one at the next sign-in. Their sessions end.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { deleteSessionsOfUser } from "../../db/repositories/sessions.ts";
import { deleteTotp } from "../../db/repositories/sign-in-factors.ts";
import { findUserById } from "../../db/repositories/users.ts";
import { accountPermissions } from "../../domain/permissions.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { type StaffContext, toStaffUser } from "./staff-context.ts";

export async function resetSecondFactor(ctx: StaffContext, userId: number): Promise<void> {
  const target = await findUserById(ctx.db, userId);
  const allowed = target && accountPermissions(ctx.user, toStaffUser(target));
  if (!target || !allowed?.read) throw new NotFoundError("アカウントが見つかりません");
  if (!allowed.resetPassword) {
    throw new AppError("forbidden", "このアカウントの二要素認証を解除する権限がありません");
  }
  await ctx.db.transaction().execute(async (tx) => {
    await deleteTotp(tx, target.id);
    await deleteSessionsOfUser(tx, target.id);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.second_factor_reset",
      ...(target.municipalityCode && { municipalityCode: target.municipalityCode }),
      detail: { username: target.username },
    });
  });
}
