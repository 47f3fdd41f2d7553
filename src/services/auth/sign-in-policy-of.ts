// The sign-in policy that holds for an account's municipality (the defaults where it has set
// none, and for installation administrators, who belong to no municipality).
import { findSignInPolicy } from "../../db/repositories/sign-in-factors.ts";
import { isRole } from "../../domain/roles.ts";
import { DEFAULT_SIGN_IN_POLICY, type SignInPolicy } from "../../domain/sign-in-policy.ts";
import type { ServiceContext } from "../context.ts";

export async function signInPolicyOf(
  ctx: Pick<ServiceContext, "db">,
  municipalityCode: string | null,
): Promise<SignInPolicy> {
  if (municipalityCode === null) return DEFAULT_SIGN_IN_POLICY;
  const row = await findSignInPolicy(ctx.db, municipalityCode);
  if (!row) return DEFAULT_SIGN_IN_POLICY;
  return {
    totpRequired: row.totpRequired,
    totpRequiredRoles: row.totpRequiredRoles.filter(isRole),
    localPasswords: row.localPasswords,
  };
}
