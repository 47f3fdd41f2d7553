// Second factors (TOTP, recovery codes), sign-ins waiting for one, and the municipalities'
// sign-in policies (migration 0018). Times come from the caller's clock.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export interface PolicyRow {
  totpRequired: boolean;
  totpRequiredRoles: string[];
  localPasswords: boolean;
}

export async function findSignInPolicy(db: Db, municipalityCode: string) {
  const row = await db
    .selectFrom("sign_in_policies")
    .select(["totp_required", "totp_required_roles", "local_passwords"])
    .where("municipality_code", "=", municipalityCode)
    .executeTakeFirst();
  return (
    row && {
      totpRequired: row.totp_required,
      totpRequiredRoles: row.totp_required_roles,
      localPasswords: row.local_passwords,
    }
  );
}

export async function saveSignInPolicy(
  db: Db,
  municipalityCode: string,
  p: PolicyRow,
  at: Date,
): Promise<void> {
  const values = {
    totp_required: p.totpRequired,
    totp_required_roles: sql<string[]>`${sql.val(p.totpRequiredRoles)}::text[]`,
    local_passwords: p.localPasswords,
    updated_at: at,
  };
  await db
    .insertInto("sign_in_policies")
    .values({ municipality_code: municipalityCode, ...values })
    .onConflict((oc) => oc.column("municipality_code").doUpdateSet(values))
    .execute();
}

export async function findTotp(db: Db, userId: number) {
  const row = await db
    .selectFrom("user_totp")
    .select(["secret", "confirmed_at", "last_time_step"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return (
    row && {
      secret: row.secret,
      confirmed: row.confirmed_at !== null,
      lastTimeStep: row.last_time_step === null ? null : Number(row.last_time_step),
    }
  );
}

/** A new secret waiting for its first code; replaces an unconfirmed one, never a confirmed one. */
export async function savePendingTotp(
  db: Db,
  userId: number,
  secret: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .insertInto("user_totp")
    .values({ user_id: userId, secret, created_at: at })
    .onConflict((oc) =>
      oc
        .column("user_id")
        .doUpdateSet({ secret, created_at: at, last_time_step: null })
        .where("user_totp.confirmed_at", "is", null),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function confirmTotp(db: Db, userId: number, timeStep: number, at: Date) {
  await db
    .updateTable("user_totp")
    .set({ confirmed_at: at, last_time_step: timeStep })
    .where("user_id", "=", userId)
    .execute();
}

/**
 * Marks the time step as used, only if it is later than the last one used: one statement, so
 * two requests with the same code cannot both pass. False when the code was used already.
 */
export async function claimTimeStep(db: Db, userId: number, timeStep: number): Promise<boolean> {
  const r = await db
    .updateTable("user_totp")
    .set({ last_time_step: timeStep })
    .where("user_id", "=", userId)
    .where((eb) =>
      eb.or([eb("last_time_step", "is", null), eb("last_time_step", "<", String(timeStep))]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteTotp(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("user_totp").where("user_id", "=", userId).execute();
  await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: string[]) {
  await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  if (hashes.length === 0) return;
  await db
    .insertInto("user_recovery_codes")
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Uses the code if it is the user's and unused (once only, even with two requests at once). */
export async function spendRecoveryCode(db: Db, userId: number, hash: string, at: Date) {
  const r = await db
    .updateTable("user_recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom("user_recovery_codes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertChallenge(db: Db, id: string, userId: number, expiresAt: Date) {
  await db
    .insertInto("sign_in_challenges")
    .values({ id, user_id: userId, expires_at: expiresAt })
    .execute();
}

/** The user of a challenge still running; expired ones are removed on the way. */
export async function findChallengeUser(db: Db, id: string, now: Date) {
  await db.deleteFrom("sign_in_challenges").where("expires_at", "<=", now).execute();
  const row = await db
    .selectFrom("sign_in_challenges")
    .select("user_id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.user_id;
}

export async function deleteChallenge(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("sign_in_challenges").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Once enrolled, the user's sessions that could only enrol become ordinary ones. */
export async function clearMustEnrol(db: Db, userId: number): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ must_enrol: false })
    .where("user_id", "=", userId)
    .execute();
}
