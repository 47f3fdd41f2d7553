// Sign-ins under way at an identity provider (migration 0018). Taking one deletes it in the
// same statement, so that of two answers carrying the same state or request id, one wins.
import type { Db } from "./municipalities.ts";

export interface SsoRequestRow {
  id: string;
  provider: string;
  nonce: string | null;
  codeVerifier: string | null;
  expiresAt: Date;
}

export async function insertSsoRequest(db: Db, r: SsoRequestRow): Promise<void> {
  await db
    .insertInto("sso_requests")
    .values({
      id: r.id,
      provider: r.provider,
      nonce: r.nonce,
      code_verifier: r.codeVerifier,
      expires_at: r.expiresAt,
    })
    .execute();
}

/** When the request runs out, if it is under way (SAML checks this before taking it). */
export async function findSsoRequestExpiry(db: Db, id: string, provider: string, now: Date) {
  const row = await db
    .selectFrom("sso_requests")
    .select("expires_at")
    .where("id", "=", id)
    .where("provider", "=", provider)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row && new Date(row.expires_at);
}

/** Deletes and returns the request if it is this provider's and still running. */
export async function takeSsoRequest(db: Db, id: string, provider: string, now: Date) {
  await db.deleteFrom("sso_requests").where("expires_at", "<=", now).execute();
  const row = await db
    .deleteFrom("sso_requests")
    .where("id", "=", id)
    .where("provider", "=", provider)
    .returning(["nonce", "code_verifier"])
    .executeTakeFirst();
  return row && { nonce: row.nonce, codeVerifier: row.code_verifier };
}
