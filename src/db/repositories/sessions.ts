// Sessions (stored by the SHA-256 of their token) and the login throttle. Times come from
// the caller's clock so that expiry can be tested without waiting eight hours.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Signed in where a second factor is required and none is set up yet. */
  mustEnrol?: boolean;
  /** The identity provider the person signed in through. */
  ssoProvider?: string | null;
}

export async function insertSession(db: Db, s: SessionRow): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      must_enrol: s.mustEnrol ?? false,
      sso_provider: s.ssoProvider ?? null,
    })
    .execute();
}

/** The session with its user, if the user is not disabled. */
export async function findSessionWithUser(db: Db, id: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.user_id",
      "s.csrf_token",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "s.must_enrol",
      "s.sso_provider",
      "u.username",
      "u.display_name",
      "u.role",
      "u.municipality_code",
      "u.department_id",
    ])
    .where("s.id", "=", id)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("sessions").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Every session of the user but `keepId` (none kept when it is undefined). */
export async function deleteSessionsOfUser(
  db: Db,
  userId: number,
  keepId?: string,
): Promise<number> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepId !== undefined) q = q.where("id", "<>", keepId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sessions past their absolute expiry or idle too long; run at each login, cheap by index. */
export async function deleteExpiredSessions(
  db: Db,
  userId: number,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleSince)]))
    .execute();
}

/**
 * Counts one attempt in a fixed window, atomically (one statement, so concurrent attempts
 * from several processes are all counted). Returns the count and when the window began.
 */
export async function countLoginAttempt(
  db: Db,
  bucket: string,
  now: Date,
  windowMs: number,
): Promise<{ attempts: number; windowStart: Date }> {
  const staleBefore = new Date(now.getTime() - windowMs);
  const r = await sql<{ attempts: number; window_start: Date }>`
    insert into login_throttle as t (bucket, window_start, attempts)
    values (${bucket}, ${now}, 1)
    on conflict (bucket) do update set
      attempts = case when t.window_start <= ${staleBefore} then 1 else t.attempts + 1 end,
      window_start = case when t.window_start <= ${staleBefore} then ${now} else t.window_start end
    returning attempts, window_start
  `.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error("login_throttle upsert returned no row");
  return { attempts: row.attempts, windowStart: new Date(row.window_start) };
}

/** Throttle rows whose window began at or before `before`: they count nothing any more. */
export async function deleteStaleLoginAttempts(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_throttle").where("window_start", "<=", before).execute();
}

/** Clients not signed in from since `before`: they no longer pass the per-name backoff. */
export async function deleteStaleLoginClients(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_known_clients").where("last_login_at", "<", before).execute();
}

/** A successful sign-in gives its attempt back: only failures should lock anyone out. */
export async function refundLoginAttempt(db: Db, bucket: string): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set((eb) => ({ attempts: eb("attempts", "-", 1) }))
    .where("bucket", "=", bucket)
    .where("attempts", ">", 0)
    .execute();
}

/** Notes that the user signed in from this client (address), for the per-name backoff. */
export async function rememberLoginClient(
  db: Db,
  userId: number,
  client: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto("login_known_clients")
    .values({ user_id: userId, client, last_login_at: at })
    .onConflict((oc) => oc.columns(["user_id", "client"]).doUpdateSet({ last_login_at: at }))
    .execute();
}

/** Whether the user signed in from this client since `since`. */
export async function isKnownLoginClient(
  db: Db,
  userId: number,
  client: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom("login_known_clients")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("client", "=", client)
    .where("last_login_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}
