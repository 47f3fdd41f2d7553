// Setting up an authenticator, step one: a new secret, waiting for its first code, and the
// QR code that carries it to the phone. An account that has one already must have it reset by
// an administrator first (reset-second-factor.ts): nobody replaces a factor with only a session.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { savePendingTotp } from "../../db/repositories/sign-in-factors.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "./staff-context.ts";
import { enrolmentQr, newTotpSecret } from "./totp.ts";

export async function startTotpEnrolment(ctx: StaffContext, now: Date) {
  const secret = await newTotpSecret();
  const label = ctx.user.municipalityCode
    ? `${ctx.user.username} (${ctx.user.municipalityCode})`
    : ctx.user.username;
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await savePendingTotp(tx, ctx.user.id, secret, now))) {
      throw new AppError(
        "conflict",
        "二要素認証はすでに設定されています。設定し直すには管理者に解除を依頼してください",
      );
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.totp_enrolment_started",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: { username: ctx.user.username },
    });
    return { secret, ...(await enrolmentQr(secret, label)) };
  });
}
