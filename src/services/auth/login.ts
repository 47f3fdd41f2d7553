// Sign in with a local account. Attempts are counted per IP and per username in the
// database (so the limit holds across app processes) before the password is even looked at;
// a success gives its attempt back. Every outcome is audited, never with the password.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  countLoginAttempt,
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  refundLoginAttempt,
} from "../../db/repositories/sessions.ts";
import { findPasswordHash, findUserByUsername, usernameKey } from "../../db/repositories/users.ts";
import type { StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { newToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionIdOf } from "./session-tokens.ts";
import { staffActor, toStaffUser } from "./staff-context.ts";

export interface LoginLimits {
  perUsername: number;
  perIp: number;
  windowMs: number;
}

/**
 * Five tries a minute for one username stops guessing; the per-IP limit is higher because a
 * whole city hall may reach the server through one address.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUsername: 5, perIp: 20, windowMs: 60_000 };

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  now: Date;
  /** The token of a session the browser already has: replaced, never reused (rotation). */
  previousToken?: string | undefined;
}

export type LoginResult =
  | {
      ok: true;
      token: string;
      csrfToken: string;
      expiresAt: Date;
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
  const buckets = [
    { bucket: `ip:${input.ip}`, limit: limits.perIp },
    { bucket: `user:${usernameKey(input.username)}`, limit: limits.perUsername },
  ];
  let retryAfterMs = 0;
  for (const b of buckets) {
    const { attempts, windowStart } = await countLoginAttempt(
      db,
      b.bucket,
      input.now,
      limits.windowMs,
    );
    if (attempts > b.limit) {
      retryAfterMs = Math.max(
        retryAfterMs,
        windowStart.getTime() + limits.windowMs - input.now.getTime(),
      );
    }
  }
  const failure = (reason: string, municipalityCode?: string | null) =>
    recordAuditEvent(db, {
      actor: "anonymous",
      action: "auth.login_failed",
      ...(municipalityCode && { municipalityCode }),
      detail: { username: input.username, ip: input.ip, reason },
    });

  if (retryAfterMs > 0) {
    await failure("rate_limited");
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    };
  }

  const row = await findUserByUsername(db, input.username);
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

  for (const b of buckets) await refundLoginAttempt(db, b.bucket);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  await db.transaction().execute(async (tx) => {
    if (input.previousToken) await deleteSession(tx, sessionIdOf(input.previousToken));
    await deleteExpiredSessions(
      tx,
      row.id,
      input.now,
      new Date(input.now.getTime() - SESSION_IDLE_MS),
    );
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
    user: toStaffUser(row),
    displayName: row.displayName,
  };
}
