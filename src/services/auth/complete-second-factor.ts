// The second step of a sign-in with a second factor: the challenge a right password was
// given, and a code from the authenticator (or one recovery code). Codes are throttled like
// passwords (in buckets of their own, so the password's window does not decide); a code is
// good once only: its time step, or the recovery code, is marked used in one statement.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  claimTimeStep,
  deleteChallenge,
  findChallengeUser,
  findTotp,
  spendRecoveryCode,
} from "../../db/repositories/sign-in-factors.ts";
import { findUserById } from "../../db/repositories/users.ts";
import { normaliseRecoveryCode } from "../../domain/sign-in-policy.ts";
import type { ServiceContext } from "../context.ts";
import {
  countGuess,
  DEFAULT_LOGIN_LIMITS,
  forgiveGuess,
  type LoginLimits,
} from "./guess-throttle.ts";
import { type OpenedSession, openSession } from "./open-session.ts";
import { sessionIdOf } from "./session-tokens.ts";
import { checkTotp, hashRecoveryCode } from "./totp.ts";

export type SecondFactorResult =
  | ({ ok: true } & OpenedSession)
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "challenge_expired" }
  | { ok: false; reason: "invalid_code" };

export async function completeSecondFactor(
  ctx: Pick<ServiceContext, "db">,
  input: {
    challenge: string;
    code: string;
    ip: string;
    now: Date;
    previousToken?: string | undefined;
    /** The idle limit (TASSEI_SESSION_IDLE_SECONDS); 8 hours when not given. */
    idleMs?: number | undefined;
  },
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<SecondFactorResult> {
  const { db } = ctx;
  const challengeId = sessionIdOf(input.challenge);
  const userId = await findChallengeUser(db, challengeId, input.now);
  const user = userId === undefined ? undefined : await findUserById(db, userId);
  const totp = user && !user.disabled ? await findTotp(db, user.id) : undefined;
  if (!user || !totp?.confirmed) return { ok: false, reason: "challenge_expired" };

  const throttle = await countGuess(
    ctx,
    { ip: input.ip, username: `second-factor:${user.username}`, userId: user.id, now: input.now },
    limits,
  );
  const failure = (reason: string) =>
    recordAuditEvent(db, {
      actor: "anonymous",
      action: "auth.second_factor_failed",
      ...(user.municipalityCode && { municipalityCode: user.municipalityCode }),
      detail: { username: user.username, ip: input.ip, reason },
    });
  if (throttle.limited) {
    await failure("rate_limited");
    return { ok: false, reason: "rate_limited", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const typed = input.code.normalize("NFKC").replace(/\s/g, "");
  let method: "totp" | "recovery_code" | undefined;
  let reason = "wrong_code";
  if (/^\d{6}$/.test(typed)) {
    const check = await checkTotp(totp.secret, typed, input.now);
    if (check.valid) {
      if (await claimTimeStep(db, user.id, check.timeStep)) method = "totp";
      else reason = "code_reused";
    }
  } else if (
    await spendRecoveryCode(db, user.id, hashRecoveryCode(normaliseRecoveryCode(typed)), input.now)
  ) {
    method = "recovery_code";
  }
  if (!method) {
    await failure(reason);
    return { ok: false, reason: "invalid_code" };
  }

  await forgiveGuess(ctx, throttle.buckets);
  // Deleting the challenge is the claim on it: of two requests racing, one opens a session.
  if (!(await deleteChallenge(db, challengeId))) return { ok: false, reason: "challenge_expired" };
  const session = await openSession(ctx, {
    user,
    ip: input.ip,
    now: input.now,
    previousToken: input.previousToken,
    idleMs: input.idleMs,
    method,
  });
  return { ok: true, ...session };
}
