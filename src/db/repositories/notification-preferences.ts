// An account's e-mail address and its choice per notification kind (migration 0016).
import type { Db } from "./municipalities.ts";

export async function findEmail(db: Db, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.email ?? null;
}

export async function setEmail(db: Db, userId: number, email: string | null): Promise<void> {
  await db
    .updateTable("users")
    .set({ email, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

export async function listPreferences(db: Db, userId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("notification_preferences")
    .select(["kind", "mode"])
    .where("user_id", "=", userId)
    .execute();
  return new Map(rows.map((r) => [r.kind, r.mode]));
}

export async function upsertPreferences(
  db: Db,
  userId: number,
  modes: readonly { kind: string; mode: string }[],
): Promise<void> {
  if (modes.length === 0) return;
  await db
    .insertInto("notification_preferences")
    .values(modes.map((m) => ({ user_id: userId, kind: m.kind, mode: m.mode })))
    .onConflict((oc) =>
      oc.columns(["user_id", "kind"]).doUpdateSet((eb) => ({ mode: eb.ref("excluded.mode") })),
    )
    .execute();
}
