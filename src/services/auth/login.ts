// Sign in with a local account. Guesses are throttled (guess-throttle.ts) before the
// password is even looked at; a right password gives its attempts back and makes the
// address a known client of the user. Every outcome is audited, never with the password.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  rememberLoginClient,
} from "../../db/repositories/sessions.ts";
import { findPasswordHash, findUserByUsername } from "../../db/repositories/users.ts";
import type { StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import {
  countGuess,
  DEFAULT_LOGIN_LIMITS,
  forgiveGuess,
  type LoginLimits,
} from "./guess-throttle.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { newToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionIdOf } from "./session-tokens.ts";
import { staffActor, toStaffUser } from "./staff-context.ts";

export { DEFAULT_LOGIN_LIMITS, type LoginLimits };

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
  | {
      ok: true;
      token: string;
      csrfToken: string;
      expiresAt: Date;
      idleExpiresAt: Date;
      user: StaffUser;
      displayName: string | null;
    }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
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
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  const idleMs = input.idleMs ?? SESSION_IDLE_MS;
  await db.transaction().execute(async (tx) => {
    if (input.previousToken) await deleteSession(tx, sessionIdOf(input.previousToken));
    await deleteExpiredSessions(tx, row.id, input.now, new Date(input.now.getTime() - idleMs));
    await rememberLoginClient(tx, row.id, input.ip, input.now);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: row.id,
      csrfToken,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    });
    await recordAuditEvent(tx, {
      actor: staffActor(row.id),
      action: "auth.login",
      ...(row.municipalityCode && { municipalityCode: row.municipalityCode }),
      detail: { username: row.username, ip: input.ip },
    });
  });
  return {
    ok: true,
    token,
    csrfToken,
    expiresAt,
    idleExpiresAt: new Date(input.now.getTime() + idleMs),
    user: toStaffUser(row),
    displayName: row.displayName,
  };
}
