// Setting up an authenticator, step two: the first code proves the phone has the secret.
// Then the factor holds, the recovery codes are made (shown this once; only their hashes are
// kept), and sessions that could only enrol become ordinary ones.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  clearMustEnrol,
  confirmTotp,
  findTotp,
  replaceRecoveryCodes,
} from "../../db/repositories/sign-in-factors.ts";
import { AppError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "./staff-context.ts";
import { checkTotp, hashRecoveryCode, newRecoveryCodes } from "./totp.ts";

export async function confirmTotpEnrolment(ctx: StaffContext, code: string, now: Date) {
  const totp = await findTotp(ctx.db, ctx.user.id);
  if (!totp) throw new AppError("conflict", "先に二要素認証の設定を始めてください");
  if (totp.confirmed) throw new AppError("conflict", "二要素認証はすでに設定されています");
  const check = await checkTotp(totp.secret, code.normalize("NFKC").trim(), now);
  if (!check.valid) {
    throw new ValidationError(
      "確認コードが正しくありません。アプリに表示された6桁の数字を入力してください",
      [{ path: "code", message: "確認コードが正しくありません" }],
    );
  }
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (tx) => {
    await confirmTotp(tx, ctx.user.id, check.timeStep, now);
    await replaceRecoveryCodes(tx, ctx.user.id, recoveryCodes.map(hashRecoveryCode));
    await clearMustEnrol(tx, ctx.user.id);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.totp_enrolled",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: { username: ctx.user.username },
    });
  });
  return { recoveryCodes };
}
