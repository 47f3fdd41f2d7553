// Sign in with a local account. Guesses are throttled (guess-throttle.ts) before the
// password is even looked at; a right password gives its attempts back and makes the
// address a known client of the user. Every outcome is audited, never with the password.
//
// A right password is not always the end (issue 16): where the municipality has switched
// local passwords off, it is refused; where the account has a second factor, the answer is a
// challenge that complete-second-factor.ts finishes; where one is required but not set up
// yet, the session opened may only set it up.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findTotp, insertChallenge } from "../../db/repositories/sign-in-factors.ts";
import { findPasswordHash, findUserByUsername } from "../../db/repositories/users.ts";
import { secondFactorRequired } from "../../domain/sign-in-policy.ts";
import type { ServiceContext } from "../context.ts";
import {
  countGuess,
  DEFAULT_LOGIN_LIMITS,
  forgiveGuess,
  type LoginLimits,
} from "./guess-throttle.ts";
import { type OpenedSession, openSession } from "./open-session.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { newToken, sessionIdOf } from "./session-tokens.ts";
import { signInPolicyOf } from "./sign-in-policy-of.ts";
import { toStaffUser } from "./staff-context.ts";

export { DEFAULT_LOGIN_LIMITS, type LoginLimits };

/** How long a right password waits for its second factor. */
export const CHALLENGE_MS = 5 * 60 * 1000;

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  now: Date;
  /** The token of a session the browser already has: replaced, never reused (rotation). */
  previousToken?: string | undefined;
  /** The idle limit (TASSEI_SESSION_IDLE_SECONDS); 8 hours when not given. */
  idleMs?: number;
}

export type LoginResult =
  | ({ ok: true } & OpenedSession)
  | { ok: false; reason: "second_factor"; challenge: string; expiresAt: Date }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "local_passwords_off" }
  | { ok: false; reason: "invalid_credentials" };

export async function login(
  ctx: Pick<ServiceContext, "db">,
  input: LoginInput,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<LoginResult> {
  const { db } = ctx;
  const row = await findUserByUsername(db, input.username);
  const throttle = await countGuess(
    ctx,
    { ip: input.ip, username: input.username, userId: row?.id, now: input.now },
    limits,
  );
  const failure = (reason: string, municipalityCode?: string | null) =>
    recordAuditEvent(db, {
      actor: "anonymous",
      action: "auth.login_failed",
      ...(municipalityCode && { municipalityCode }),
      detail: { username: input.username, ip: input.ip, reason },
    });

  if (throttle.limited) {
    await failure("rate_limited", row?.municipalityCode);
    return { ok: false, reason: "rate_limited", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const passwordHash = row && !row.disabled ? await findPasswordHash(db, row.id) : undefined;
  const valid = passwordHash
    ? await verifyPassword(passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!row || !valid) {
    await failure(
      row ? (row.disabled ? "disabled" : "wrong_password") : "unknown_user",
      row?.municipalityCode,
    );
    return { ok: false, reason: "invalid_credentials" };
  }

  await forgiveGuess(ctx, throttle.buckets);
  const policy = await signInPolicyOf(ctx, row.municipalityCode);
  // The municipality's own administrators keep their password: when the identity provider is
  // down or misconfigured, someone must still be able to sign in and mend the settings.
  if (!policy.localPasswords && row.role !== "admin") {
    await failure("local_passwords_off", row.municipalityCode);
    return { ok: false, reason: "local_passwords_off" };
  }
  const totp = await findTotp(db, row.id);
  if (totp?.confirmed) {
    const challenge = newToken();
    const expiresAt = new Date(input.now.getTime() + CHALLENGE_MS);
    await insertChallenge(db, sessionIdOf(challenge), row.id, expiresAt);
    return { ok: false, reason: "second_factor", challenge, expiresAt };
  }
  const session = await openSession(ctx, {
    user: row,
    ip: input.ip,
    now: input.now,
    previousToken: input.previousToken,
    method: "password",
    mustEnrol: secondFactorRequired(policy, toStaffUser(row).role),
    idleMs: input.idleMs,
  });
  return { ok: true, ...session };
}
