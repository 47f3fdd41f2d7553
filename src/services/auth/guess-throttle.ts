// The throttle on password guesses, for sign-in and for the password change alike. Counted
// in the database (so the limits hold across app processes) before the password is looked
// at, in three fixed windows:
//
// - per (client address, user name): one client guessing one account;
// - per client address: one client guessing across accounts (higher: a whole city hall may
//   reach the server through one address);
// - per user name, from all addresses together: guessing spread over many addresses. Beyond
//   this limit the name backs off for everyone *except* clients the user has signed in from
//   before — so guessing from elsewhere cannot keep the real user out.
//
// A right password gives its attempts back: only failures should lock anyone out.
//
// Each attempt with a new name or address adds a row; a row whose window has passed counts
// nothing (the next attempt in its bucket starts a new window), so once a window per process
// the passed ones are deleted — a spray of made-up names cannot grow the table without end.
import {
  countLoginAttempt,
  deleteStaleLoginAttempts,
  deleteStaleLoginClients,
  isKnownLoginClient,
  refundLoginAttempt,
} from "../../db/repositories/sessions.ts";
import { usernameKey } from "../../db/repositories/users.ts";
import type { ServiceContext } from "../context.ts";

export interface LoginLimits {
  /** Attempts per window for one user name from one client address. */
  perUsername: number;
  /** Attempts per window from one client address, whatever the user name. */
  perIp: number;
  /** Attempts per window for one user name from all addresses (default 4 × perUsername). */
  perUsernameAnywhere?: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUsername: 5,
  perIp: 20,
  perUsernameAnywhere: 20,
  windowMs: 60_000,
};

/** How long an address stays a known client of a user after a sign-in from it. */
export const KNOWN_CLIENT_MS = 90 * 24 * 60 * 60 * 1000;

export type GuessVerdict =
  | { limited: false; buckets: string[] }
  | { limited: true; retryAfterSeconds: number };

/** Deletes the throttle rows whose window has passed and the clients known no longer. */
export async function forgetStaleGuesses(
  ctx: Pick<ServiceContext, "db">,
  now: Date,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<void> {
  await deleteStaleLoginAttempts(ctx.db, new Date(now.getTime() - limits.windowMs));
  await deleteStaleLoginClients(ctx.db, new Date(now.getTime() - KNOWN_CLIENT_MS));
}

// When this process last swept; per process, since a sweep by any process serves all.
let lastSweepAt: number | null = null;

export async function countGuess(
  ctx: Pick<ServiceContext, "db">,
  input: { ip: string; username: string; userId: number | undefined; now: Date },
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<GuessVerdict> {
  const at = input.now.getTime();
  if (lastSweepAt === null || Math.abs(at - lastSweepAt) >= limits.windowMs) {
    lastSweepAt = at;
    await forgetStaleGuesses(ctx, input.now, limits);
  }
  const key = usernameKey(input.username);
  const buckets = [
    { bucket: `ip:${input.ip}`, limit: limits.perIp, anywhere: false },
    { bucket: `pair:${input.ip}|${key}`, limit: limits.perUsername, anywhere: false },
    {
      bucket: `user:${key}`,
      limit: limits.perUsernameAnywhere ?? limits.perUsername * 4,
      anywhere: true,
    },
  ];
  let retryAfterMs = 0;
  let overAnywhere = 0;
  for (const b of buckets) {
    const { attempts, windowStart } = await countLoginAttempt(
      ctx.db,
      b.bucket,
      input.now,
      limits.windowMs,
    );
    if (attempts <= b.limit) continue;
    const wait = windowStart.getTime() + limits.windowMs - input.now.getTime();
    if (b.anywhere) overAnywhere = wait;
    else retryAfterMs = Math.max(retryAfterMs, wait);
  }
  if (overAnywhere > 0 && retryAfterMs === 0) {
    const known =
      input.userId !== undefined &&
      (await isKnownLoginClient(
        ctx.db,
        input.userId,
        input.ip,
        new Date(input.now.getTime() - KNOWN_CLIENT_MS),
      ));
    if (!known) retryAfterMs = overAnywhere;
  }
  if (retryAfterMs > 0) {
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  return { limited: false, buckets: buckets.map((b) => b.bucket) };
}

/** The password was right: the attempt is given back to every bucket it was counted in. */
export async function forgiveGuess(ctx: Pick<ServiceContext, "db">, buckets: string[]) {
  for (const bucket of buckets) await refundLoginAttempt(ctx.db, bucket);
}
