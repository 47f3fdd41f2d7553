// What the enrolment page shows: whether the account has a second factor, whether its
// municipality requires one, and how many recovery codes are left.
import { countUnusedRecoveryCodes, findTotp } from "../../db/repositories/sign-in-factors.ts";
import { secondFactorRequired } from "../../domain/sign-in-policy.ts";
import { signInPolicyOf } from "./sign-in-policy-of.ts";
import type { StaffContext } from "./staff-context.ts";

export async function getSecondFactor(ctx: StaffContext) {
  const totp = await findTotp(ctx.db, ctx.user.id);
  const policy = await signInPolicyOf(ctx, ctx.user.municipalityCode);
  return {
    enrolled: totp?.confirmed ?? false,
    required: secondFactorRequired(policy, ctx.user.role),
    recoveryCodesLeft: totp?.confirmed ? await countUnusedRecoveryCodes(ctx.db, ctx.user.id) : 0,
  };
}
