// A municipality's rules for how its staff sign in (issue 16): a second factor for everyone
// or for some roles, and whether local passwords may be used at all.
import type { Role } from "./roles.ts";

export interface SignInPolicy {
  /** Every account of the municipality needs a second factor. */
  totpRequired: boolean;
  /** These roles need one even when not everyone does. */
  totpRequiredRoles: Role[];
  /** Off: staff sign in only through the municipality's identity provider. */
  localPasswords: boolean;
}

/** What holds where a municipality has set nothing (and for installation administrators). */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  totpRequired: false,
  totpRequiredRoles: [],
  localPasswords: true,
};

export function secondFactorRequired(policy: SignInPolicy, role: Role): boolean {
  return policy.totpRequired || policy.totpRequiredRoles.includes(role);
}

/** Recovery codes: ten, each 10 characters of an alphabet without look-alikes, shown as xxxxx-xxxxx. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function recoveryCodeFrom(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** People type codes with spaces, capitals or without the dash: compare a normal form. */
export function normaliseRecoveryCode(typed: string): string {
  const plain = typed.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}
