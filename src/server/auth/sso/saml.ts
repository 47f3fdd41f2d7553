// SAML 2.0 sign-in (SP-initiated, HTTP-Redirect out, HTTP-POST back) through
// @node-saml/node-saml. Accepted only: an assertion signed by the configured IdP certificate,
// for this installation's entity id (audience), within its validity (clock skew bounded), in
// answer to a request this installation made (InResponseTo) and not answered before: the
// request id is taken from the database in one statement, so a replayed response fails even
// at another app process. Unsolicited (IdP-initiated) responses are refused.
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import type { Kysely } from "kysely";
import {
  findSsoRequestExpiry,
  insertSsoRequest,
  takeSsoRequest,
} from "../../../db/repositories/sso-requests.ts";
import type { Database } from "../../../db/schema.ts";
import type { SamlProvider } from "../../../domain/sso-config.ts";
import { SSO_REQUEST_MS, SsoRefused } from "./refused.ts";

export class SamlSignIn {
  constructor(readonly provider: SamlProvider) {}

  private saml(db: Kysely<Database>, now: Date): SAML {
    const p = this.provider;
    return new SAML({
      entryPoint: p.entryPoint,
      issuer: p.spEntityId,
      audience: p.spEntityId,
      callbackUrl: p.callbackUrl,
      idpCert: p.idpCert,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: p.clockSkewSeconds * 1000,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SSO_REQUEST_MS,
      disableRequestedAuthnContext: true,
      cacheProvider: {
        saveAsync: async (key) => {
          await insertSsoRequest(db, {
            id: key,
            provider: p.id,
            nonce: null,
            codeVerifier: null,
            expiresAt: new Date(now.getTime() + SSO_REQUEST_MS),
          });
          return { value: now.toISOString(), createdAt: now.getTime() };
        },
        // node-saml reads the value as the time the request was made.
        getAsync: async (key) => {
          const expiresAt = await findSsoRequestExpiry(db, key, p.id, now);
          return expiresAt ? new Date(expiresAt.getTime() - SSO_REQUEST_MS).toISOString() : null;
        },
        // Taken after validation (finish), in one statement; nothing to do here.
        removeAsync: async (key) => key,
      },
    });
  }

  async start(db: Kysely<Database>, now: Date): Promise<string> {
    return this.saml(db, now).getAuthorizeUrlAsync("", undefined, {});
  }

  /** The verified attributes of the assertion in a posted SAMLResponse. */
  async finish(
    db: Kysely<Database>,
    samlResponse: string,
    now: Date,
  ): Promise<Record<string, unknown>> {
    let profile: Record<string, unknown> | null;
    try {
      ({ profile } = await this.saml(db, now).validatePostResponseAsync({
        SAMLResponse: samlResponse,
      }));
    } catch (e) {
      // An answer to no request of ours, or to one already answered (a replay), is said as
      // such; anything else (signature, audience, time) is an invalid response.
      const unsolicited = e instanceof Error && /InResponseTo/.test(e.message);
      throw new SsoRefused(unsolicited ? "unknown_state" : "invalid_response", e);
    }
    const inResponseTo = typeof profile?.inResponseTo === "string" ? profile.inResponseTo : "";
    if (!profile || !(await takeSsoRequest(db, inResponseTo, this.provider.id, now))) {
      throw new SsoRefused("unknown_state");
    }
    const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
    return { nameID: profile.nameID, email: profile.email, ...attributes };
  }
}
