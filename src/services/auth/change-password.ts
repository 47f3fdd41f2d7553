// A user changes their own password: the current one is required, and every other session
// of the user ends (a stolen session must not outlive the password change). The current
// password is a guess like a sign-in's, throttled the same way (guess-throttle.ts): a stolen
// session must not become a way to try passwords without limit.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { deleteSessionsOfUser } from "../../db/repositories/sessions.ts";
import { findPasswordHash, updatePasswordHash } from "../../db/repositories/users.ts";
import { ValidationError } from "../../errors.ts";
import { countGuess, forgiveGuess, type LoginLimits } from "./guess-throttle.ts";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./passwords.ts";
import type { StaffContext } from "./staff-context.ts";

export async function changePassword(
  ctx: StaffContext,
  input: {
    currentSessionId: string;
    currentPassword: string;
    newPassword: string;
    ip: string;
    now: Date;
  },
  limits?: LoginLimits,
): Promise<{ revokedSessions: number } | { rateLimited: true; retryAfterSeconds: number }> {
  checkPasswordPolicy(input.newPassword, "newPassword");
  const throttle = await countGuess(
    ctx,
    { ip: input.ip, username: ctx.user.username, userId: ctx.user.id, now: input.now },
    limits,
  );
  if (throttle.limited) {
    await recordAuditEvent(ctx.db, {
      actor: ctx.actor,
      action: "auth.password_change_failed",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: { username: ctx.user.username, ip: input.ip, reason: "rate_limited" },
    });
    return { rateLimited: true, retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const stored = await findPasswordHash(ctx.db, ctx.user.id);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw new ValidationError("現在のパスワードが正しくありません", [
      { path: "currentPassword", message: "is not the current password" },
    ]);
  }
  await forgiveGuess(ctx, throttle.buckets);
  const newHash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, ctx.user.id, newHash);
    const revokedSessions = await deleteSessionsOfUser(tx, ctx.user.id, input.currentSessionId);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.password_changed",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: { username: ctx.user.username, revokedSessions },
    });
    return { revokedSessions };
  });
}
