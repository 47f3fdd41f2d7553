// Session tokens: 32 random bytes in the cookie; the database keeps only their SHA-256, so
// reading the sessions table (a backup, a leaked dump) does not let anyone sign in.
import crypto from "node:crypto";

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to spare a write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** How often last_seen_at is written for a given idle limit: a tenth of it, at most a minute,
 * so that a short limit (TASSEI_SESSION_IDLE_SECONDS) still counts each request. */
export function touchIntervalMs(idleMs: number): number {
  return Math.min(SESSION_TOUCH_MS, Math.floor(idleMs / 10));
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two tokens (a CSRF token against the session's). */
export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
