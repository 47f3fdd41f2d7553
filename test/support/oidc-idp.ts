// An OpenID Connect provider for the tests: the real `oidc-provider` on a free local port,
// with one client for Tassei. A person "signs in" at its development login form (any login
// name is accepted; it becomes the subject), and the test follows the browser's redirects
// with fetch, keeping the provider's cookies, until the provider sends the browser back to
// Tassei's callback address, which it returns.
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "tassei", secret: "tassei-test-client-secret-0123456789" };

/** What the token endpoint's ID token is turned into, once, on its way to Tassei. */
export type IdTokenTamper =
  /** The same claims with another audience, signed with the provider's own key. */
  | { audience: string }
  /** The same claims unsigned (`alg: none`, empty signature). */
  | "unsigned";

export interface TestOidcProvider {
  issuer: string;
  /** Makes the next answer of the token endpoint carry a tampered ID token. */
  tamperNextIdToken(how: IdTokenTamper): void;
  /** Follows a sign-in from Tassei's redirect to the callback address Tassei is sent back to. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  /** The claims of each login name (email, groups …); `sub` is the login name. */
  claims: (login: string) => Record<string, unknown>;
  idTokenTtlSeconds?: number;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The provider's signing key is made here so that the test can sign a token with it.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-signing-key";
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }] },
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: options.redirectUris,
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, ...options.claims(sub) }),
    }),
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "groups"] },
    // The claims in the ID token itself (as Entra ID sends them), not only from userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600 },
  });
  let tamper: IdTokenTamper | undefined;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (!tamper || ctx.path !== "/token" || typeof body?.id_token !== "string") return;
    body.id_token = tampered(body.id_token, tamper, privateKey, kid);
    tamper = undefined;
  });
  server.on("request", provider.callback());

  const jar = new Map<string, string>();
  async function go(url: URL, init: RequestInit = {}) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const r = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie },
      redirect: "manual",
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return r;
  }
  const form = { "content-type": "application/x-www-form-urlencoded" };

  return {
    issuer,
    tamperNextIdToken(how) {
      tamper = how;
    },
    async signIn(authorizationUrl, login) {
      jar.clear();
      let url = new URL(authorizationUrl);
      for (let hops = 0; hops < 10; hops++) {
        if (!url.href.startsWith(issuer)) return url;
        const r = await go(url);
        if (r.status >= 300 && r.status < 400) {
          url = new URL(r.headers.get("location") ?? "", issuer);
          continue;
        }
        const html = await r.text();
        const action = /action="([^"]+)"/.exec(html)?.[1];
        if (!action) throw new Error(`the provider answered ${r.status}: ${html.slice(0, 200)}`);
        const body = html.includes('name="login"')
          ? new URLSearchParams({ prompt: "login", login, password: "x" })
          : new URLSearchParams({ prompt: "consent" });
        const posted = await go(new URL(action, issuer), { method: "POST", headers: form, body });
        url = new URL(posted.headers.get("location") ?? "", issuer);
      }
      throw new Error("the provider did not send the browser back");
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

function tampered(idToken: string, how: IdTokenTamper, key: KeyObject, kid: string): string {
  const claims = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString());
  if (how === "unsigned") return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
  const input = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64({ ...claims, aud: how.audience, azp: how.audience })}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}
