// The notification outbox (migration 0016-notifications): who is told, writing a notification
// in the caller's transaction, and the queue's claim / sent / retry steps.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface Recipient {
  userId: number;
  /** The account's choice for the kind: 'immediate' | 'digest' | 'off' (or the default). */
  mode: string;
}

/**
 * Active accounts with an e-mail address among the given roles of a municipality (and, for
 * department roles, of one department), with their choice for `kind`.
 */
export async function findRecipients(
  db: Db,
  f: {
    municipalityCode: string;
    roles: readonly string[];
    departmentId?: number;
    userIds?: readonly number[];
    kind: string;
    defaultMode: string;
  },
): Promise<Recipient[]> {
  if (f.roles.length === 0 || f.userIds?.length === 0) return [];
  let q = db
    .selectFrom("users as u")
    .leftJoin("notification_preferences as p", (join) =>
      join.onRef("p.user_id", "=", "u.id").on("p.kind", "=", f.kind),
    )
    .select(["u.id", "p.mode"])
    .where("u.municipality_code", "=", f.municipalityCode)
    .where("u.role", "in", [...f.roles])
    .where("u.disabled_at", "is", null)
    .where("u.email", "is not", null);
  if (f.departmentId !== undefined) q = q.where("u.department_id", "=", f.departmentId);
  if (f.userIds !== undefined) q = q.where("u.id", "in", [...f.userIds]);
  const rows = await q.orderBy("u.id").execute();
  return rows.map((r) => ({ userId: r.id, mode: r.mode ?? f.defaultMode }));
}

export interface NewNotification {
  key: string;
  userId: number;
  kind: string;
  delivery: "immediate" | "digest";
  subject: string;
  body: string;
  link: string;
}

/** Writes what is not there yet; a key written before (a repeated run) adds nothing. */
export async function insertNotifications(
  db: Db,
  rows: readonly NewNotification[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto("notifications")
    .values(
      rows.map((r) => ({
        key: r.key,
        user_id: r.userId,
        kind: r.kind,
        delivery: r.delivery,
        subject: r.subject,
        body: r.body,
        link: r.link,
      })),
    )
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface ClaimedNotification {
  id: string;
  key: string;
  kind: string;
  subject: string;
  body: string;
  link: string;
  attempts: number;
  createdAt: Date;
  /** null: the account has no address any more (or was disabled) since it was written. */
  email: string | null;
}

/**
 * Takes up to `limit` mails that are due, for `leaseMs`: their next attempt moves past the
 * lease, so another sender (another process, or this one after a crash) takes them only once
 * the lease is over. SKIP LOCKED lets two senders claim at once without waiting on, or
 * taking, each other's rows. The claim commits before anything is sent.
 */
export async function claimDueNotifications(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedNotification[]> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("notifications")
      .select("id")
      .where("status", "=", "pending")
      .where("delivery", "=", "immediate")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const claimed = await tx
      .updateTable("notifications as n")
      .from("users as u")
      .set({
        next_attempt_at: new Date(now.getTime() + leaseMs),
        attempts: sql`n.attempts + 1`,
      })
      .whereRef("u.id", "=", "n.user_id")
      .where(
        "n.id",
        "in",
        due.map((d) => d.id),
      )
      .returning([
        "n.id",
        "n.key",
        "n.kind",
        "n.subject",
        "n.body",
        "n.link",
        "n.attempts",
        "n.created_at",
        sql<string | null>`case when u.disabled_at is null then u.email end`.as("email"),
      ])
      .execute();
    return claimed
      .map((r) => ({
        id: String(r.id),
        key: r.key,
        kind: r.kind,
        subject: r.subject,
        body: r.body,
        link: r.link,
        attempts: r.attempts,
        createdAt: r.created_at,
        email: r.email,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  });
}

export async function markNotificationSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ status: "sent", sent_at: at, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Another try at `retryAt`, or (null) none: the mail is given up as `status`. */
export async function markNotificationFailed(
  db: Db,
  id: string,
  error: string,
  retryAt: Date | null,
  status: "failed" | "dropped" = "failed",
): Promise<void> {
  await db
    .updateTable("notifications")
    .set(
      retryAt === null
        ? { status, last_error: error.slice(0, 1000) }
        : { next_attempt_at: retryAt, last_error: error.slice(0, 1000) },
    )
    .where("id", "=", id)
    .execute();
}

export interface DigestItem {
  subject: string;
  body: string;
  link: string;
}

/** The items a digest row gathered, oldest first. */
export async function listDigestItems(db: Db, digestId: string): Promise<DigestItem[]> {
  return db
    .selectFrom("notifications")
    .select(["subject", "body", "link"])
    .where("digest_id", "=", digestId)
    .orderBy("id")
    .execute();
}

/**
 * Gathers every account's waiting digest items into one row per account (key
 * `digest:<user>:<day>`), in one transaction: an item is in exactly one digest.
 */
export async function gatherDigests(db: Db, day: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const waiting = await tx
      .selectFrom("notifications")
      .select(["user_id", sql<number>`count(*)::int`.as("n")])
      .where("status", "=", "pending")
      .where("delivery", "=", "digest")
      .groupBy("user_id")
      .execute();
    let made = 0;
    for (const { user_id, n } of waiting) {
      const key = `digest:${user_id}:${day}`;
      const digest = await tx
        .insertInto("notifications")
        .values({
          key,
          user_id,
          kind: "digest",
          delivery: "immediate",
          subject: `【Tassei】本日のお知らせ（${n}件）`,
          body: "",
          link: "/staff/",
        })
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("id")
        .executeTakeFirst();
      // A second gathering the same day (a restart) leaves the rest for tomorrow's digest.
      if (!digest) continue;
      await tx
        .updateTable("notifications")
        .set({ status: "digested", digest_id: digest.id })
        .where("user_id", "=", user_id)
        .where("status", "=", "pending")
        .where("delivery", "=", "digest")
        .execute();
      made++;
    }
    return made;
  });
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

export async function countOutbox(db: Db): Promise<OutboxCounts> {
  const rows = await db
    .selectFrom("notifications")
    .select(["status", sql<number>`count(*)::int`.as("n")])
    .groupBy("status")
    .execute();
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { pending: of("pending"), sent: of("sent"), failed: of("failed") };
}

/** The authors (audit actors) of every comment in the thread that `commentId` belongs to. */
export async function threadAuthors(db: Db, commentId: number): Promise<string[]> {
  const rows = await sql<{ author: string }>`
    with recursive up as (
      select id, parent_id from manifesto_comments where id = ${commentId}
      union all
      select c.id, c.parent_id from manifesto_comments c join up on c.id = up.parent_id
    ), root as (
      select id from up where parent_id is null
    ), down as (
      select c.id, c.author from manifesto_comments c join root on c.id = root.id
      union all
      select c.id, c.author from manifesto_comments c join down on c.parent_id = down.id
    )
    select distinct author from down
  `.execute(db);
  return rows.rows.map((r) => r.author);
}

/** Accounts of a municipality named by username (any case), for @mentions. */
export async function userIdsByUsernames(
  db: Db,
  municipalityCode: string,
  usernames: readonly string[],
): Promise<number[]> {
  if (usernames.length === 0) return [];
  const keys = [...new Set(usernames.map((u) => u.normalize("NFKC").toLowerCase()))];
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("municipality_code", "=", municipalityCode)
    .where("username_key", "in", keys)
    .execute();
  return rows.map((r) => r.id);
}
