// A municipality's sign-in policy, read and changed by its administrators (and the
// installation's), audited. Switching local passwords off ends no session by itself: it
// applies at the next sign-in.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import { saveSignInPolicy } from "../../db/repositories/sign-in-factors.ts";
import { masterDataPermissions } from "../../domain/permissions.ts";
import type { SignInPolicy } from "../../domain/sign-in-policy.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { signInPolicyOf } from "./sign-in-policy-of.ts";
import type { StaffContext } from "./staff-context.ts";

async function check(ctx: StaffContext, code: string, action: "read" | "manage") {
  const allowed = masterDataPermissions(ctx.user, { municipalityCode: code });
  if (!allowed.read || !(await findMunicipality(ctx.db, code))) {
    throw new NotFoundError(`自治体 ${code} が見つかりません`);
  }
  if (action === "manage" && !allowed.manage) {
    throw new AppError("forbidden", "ログインの設定を変更する権限がありません");
  }
  return allowed;
}

export async function getSignInPolicy(ctx: StaffContext, code: string) {
  const allowed = await check(ctx, code, "read");
  return { policy: await signInPolicyOf(ctx, code), allowed };
}

export async function updateSignInPolicy(
  ctx: StaffContext,
  code: string,
  policy: SignInPolicy,
  now: Date,
) {
  await check(ctx, code, "manage");
  await ctx.db.transaction().execute(async (tx) => {
    const before = await signInPolicyOf({ db: tx }, code);
    await saveSignInPolicy(tx, code, policy, now);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.sign_in_policy_changed",
      municipalityCode: code,
      detail: { before, after: policy },
    });
  });
  return getSignInPolicy(ctx, code);
}
