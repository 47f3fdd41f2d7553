// The end of a sign-in through an identity provider, once the protocol code has verified its
// answer (signature, issuer, audience, time, nonce or request id). The configured claim names
// the Tassei account; roles and departments are Tassei's. An account not in Tassei yet is
// made only where the provider allows it, with the default role or the one its group maps to.
// A second factor is the identity provider's business: Tassei does not ask for its own.
import crypto from "node:crypto";
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findUserByUsername } from "../../db/repositories/users.ts";
import { provisionedRole, type SsoProvider } from "../../domain/sso-config.ts";
import type { ServiceContext } from "../context.ts";
import { createUser, USERNAME_PATTERN } from "../users/create-user.ts";
import { type OpenedSession, openSession } from "./open-session.ts";

export type SsoSignInResult =
  | ({ ok: true } & OpenedSession)
  | { ok: false; reason: "no_claim" | "unknown_account" | "other_municipality" | "disabled" };

export async function ssoSignIn(
  ctx: Pick<ServiceContext, "db">,
  input: {
    provider: SsoProvider;
    claims: Record<string, unknown>;
    ip: string;
    now: Date;
    previousToken?: string | undefined;
    /** The idle limit (TASSEI_SESSION_IDLE_SECONDS); 8 hours when not given. */
    idleMs?: number | undefined;
  },
): Promise<SsoSignInResult> {
  const { provider, claims } = input;
  const raw = claims[provider.matchClaim];
  const name =
    typeof raw === "string" ? raw.trim() : Array.isArray(raw) ? String(raw[0] ?? "") : "";
  const refuse = async (reason: Exclude<SsoSignInResult, { ok: true }>["reason"]) => {
    await recordAuditEvent(ctx.db, {
      actor: "anonymous",
      action: "auth.login_failed",
      municipalityCode: provider.municipality,
      detail: { username: name, ip: input.ip, reason, provider: provider.id },
    });
    return { ok: false as const, reason };
  };
  if (!name || !USERNAME_PATTERN.test(name)) return refuse("no_claim");

  let user = await findUserByUsername(ctx.db, name);
  if (!user) {
    const role = provisionedRole(provider, claims);
    if (!role) return refuse("unknown_account");
    const display = typeof claims.name === "string" ? claims.name.slice(0, 100) : undefined;
    await createUser(
      { db: ctx.db, actor: `sso:${provider.id}` },
      {
        username: name,
        ...(display && { displayName: display }),
        // Nobody knows this password: the account signs in through its provider (an
        // administrator may still give it one).
        password: crypto.randomBytes(32).toString("base64url"),
        role,
        municipalityCode: provider.municipality,
      },
    );
    user = await findUserByUsername(ctx.db, name);
    if (!user) return refuse("unknown_account");
  }
  // A provider speaks for its own municipality only.
  if (user.municipalityCode !== provider.municipality) return refuse("other_municipality");
  if (user.disabled) return refuse("disabled");

  const session = await openSession(ctx, {
    user,
    ip: input.ip,
    now: input.now,
    previousToken: input.previousToken,
    idleMs: input.idleMs,
    method: provider.kind,
    ssoProvider: provider.id,
  });
  return { ok: true, ...session };
}
