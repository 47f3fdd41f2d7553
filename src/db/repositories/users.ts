// Staff accounts (migration 0003-accounts); the table types are in ../schema.ts.
import type { Db } from "./municipalities.ts";

export interface UserRow {
  id: number;
  username: string;
  displayName: string | null;
  role: string;
  municipalityCode: string | null;
  departmentId: number | null;
  departmentName: string | null;
  /** Where the account's notifications go; null for none. */
  email: string | null;
  disabled: boolean;
  createdAt: Date;
}

/** Usernames are compared case-insensitively (people type them in either case). */
export function usernameKey(username: string): string {
  return username.normalize("NFKC").toLowerCase();
}

function baseQuery(db: Db) {
  return db
    .selectFrom("users as u")
    .leftJoin("departments as d", "d.id", "u.department_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "u.role",
      "u.municipality_code",
      "u.department_id",
      "d.name as department_name",
      "u.email",
      "u.disabled_at",
      "u.created_at",
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toUserRow(r: BaseRow): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    municipalityCode: r.municipality_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    email: r.email,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  };
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const row = await baseQuery(db).where("u.id", "=", id).executeTakeFirst();
  return row && toUserRow(row);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const row = await baseQuery(db)
    .where("u.username_key", "=", usernameKey(username))
    .executeTakeFirst();
  return row && toUserRow(row);
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Everyone, or one municipality's users (with the installation administrators). */
export async function listUsers(
  db: Db,
  filter: { municipalityCode?: string } = {},
): Promise<UserRow[]> {
  let query = baseQuery(db);
  if (filter.municipalityCode !== undefined) {
    query = query.where("u.municipality_code", "=", filter.municipalityCode);
  }
  const rows = await query.orderBy("u.municipality_code").orderBy("u.username_key").execute();
  return rows.map(toUserRow);
}

export async function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string | null;
    passwordHash: string;
    role: string;
    municipalityCode: string | null;
    departmentId: number | null;
    email?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      username: u.username,
      username_key: usernameKey(u.username),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      municipality_code: u.municipalityCode,
      department_id: u.departmentId,
      email: u.email ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePasswordHash(db: Db, userId: number, hash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: hash, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

/** Display names for `user:<id>` actors in histories. */
export async function usernamesById(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "username", "display_name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name ?? r.username]));
}

export interface AccountChange {
  displayName?: string | null;
  role?: string;
  departmentId?: number | null;
  /** true: disabled from now on; false: enabled again. */
  disabled?: boolean;
  /** Where notifications go; null: none. */
  email?: string | null;
}

export async function updateUserAccount(
  db: Db,
  userId: number,
  change: AccountChange,
  at: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({
      ...(change.displayName !== undefined && { display_name: change.displayName }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.departmentId !== undefined && { department_id: change.departmentId }),
      ...(change.disabled !== undefined && { disabled_at: change.disabled ? at : null }),
      ...(change.email !== undefined && { email: change.email }),
      updated_at: at,
    })
    .where("id", "=", userId)
    .execute();
}

/** Whether any account exists yet (the first start creates the first administrator). */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
