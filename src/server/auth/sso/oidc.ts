// OpenID Connect sign-in (authorization code with PKCE) through openid-client. The provider's
// metadata is discovered once and kept; each answer is checked by openid-client: the ID
// token's signature against the provider's keys, issuer, audience, expiry (within the
// configured skew), nonce, and the state, which is taken from the database once only.

import type { Kysely } from "kysely";
import * as client from "openid-client";
import { insertSsoRequest, takeSsoRequest } from "../../../db/repositories/sso-requests.ts";
import type { Database } from "../../../db/schema.ts";
import type { OidcProvider } from "../../../domain/sso-config.ts";
import { SSO_REQUEST_MS, SsoRefused } from "./refused.ts";

/** Plain HTTP only to the same machine (a test or a provider behind a local proxy). */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

export class OidcSignIn {
  private metadata: Promise<client.ServerMetadata> | undefined;

  constructor(readonly provider: OidcProvider) {}

  private insecure(): boolean {
    return new URL(this.provider.issuer).protocol === "http:" && isLoopback(this.provider.issuer);
  }

  /** The provider's configuration on the caller's clock (tests move it). */
  private async configuration(now: Date): Promise<client.Configuration> {
    const p = this.provider;
    if (!this.metadata) {
      this.metadata = client
        .discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, {
          ...(this.insecure() && { execute: [client.allowInsecureRequests] }),
        })
        .then((c) => c.serverMetadata());
      // A provider that was down at the first try is asked again next time.
      this.metadata.catch(() => {
        this.metadata = undefined;
      });
    }
    const config = new client.Configuration(
      await this.metadata,
      p.clientId,
      {
        client_secret: p.clientSecret,
        [client.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000),
        [client.clockTolerance]: p.clockSkewSeconds,
      },
      client.ClientSecretPost(p.clientSecret),
    );
    if (this.insecure()) client.allowInsecureRequests(config);
    return config;
  }

  async start(db: Kysely<Database>, now: Date): Promise<string> {
    const config = await this.configuration(now);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await insertSsoRequest(db, {
      id: state,
      provider: this.provider.id,
      nonce,
      codeVerifier,
      expiresAt: new Date(now.getTime() + SSO_REQUEST_MS),
    });
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.provider.redirectUri,
        scope: this.provider.scope,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      })
      .toString();
  }

  /** The verified claims of the ID token the callback address leads to. */
  async finish(db: Kysely<Database>, callback: URL, now: Date): Promise<Record<string, unknown>> {
    const state = callback.searchParams.get("state") ?? "";
    const request = await takeSsoRequest(db, state, this.provider.id, now);
    if (!request?.codeVerifier || !request.nonce) throw new SsoRefused("unknown_state");
    // The callback address as registered, with the provider's answer.
    const current = new URL(this.provider.redirectUri);
    current.search = callback.search;
    try {
      const config = await this.configuration(now);
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new SsoRefused("no_id_token");
      return { ...claims };
    } catch (e) {
      if (e instanceof SsoRefused) throw e;
      throw new SsoRefused("invalid_response", e);
    }
  }
}
