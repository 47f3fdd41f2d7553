// Single sign-on (issue 16) against a real OpenID Connect provider (oidc-provider, started
// here) and a SAML identity provider made here (assertions signed with xml-crypto and a test
// key): valid, expired, wrong audience, unsigned or signed by someone else, replayed and
// unsolicited answers; matching by a configured claim, provisioning on first sign-in with a
// group mapped to a role, a provider speaking only for its municipality, local passwords off,
// and sign-out ending the Tassei session.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  OIDC_CLIENT,
  startOidcProvider,
  type TestOidcProvider,
} from "../../../test/support/oidc-idp.ts";
import {
  type AnswerOptions,
  answer,
  IDP_CERT,
  IDP_SSO_URL,
  readAuthnRequest,
} from "../../../test/support/saml-idp.ts";
import type { SsoProvider } from "../../domain/sso-config.ts";
import { createUser } from "../../services/users/create-user.ts";
import {
  createStaffFixture,
  M1,
  M2,
  nextIp,
  PASSWORD,
  type StaffFixture,
} from "../api/staff-test-setup.ts";

const BASE = "https://tassei.iga.test";
const callback = (id: string) => `${BASE}/api/sso/${id}/callback`;
let idp: TestOidcProvider;
let f: StaffFixture;

const oidc = (id: string, extra: Partial<SsoProvider> = {}): SsoProvider =>
  ({
    id,
    kind: "oidc",
    label: "伊賀市 職員アカウント",
    municipality: M1,
    issuer: idp.issuer,
    clientId: OIDC_CLIENT.id,
    clientSecret: OIDC_CLIENT.secret,
    redirectUri: callback(id),
    scope: "openid email profile",
    matchClaim: "email",
    clockSkewSeconds: 60,
    ...extra,
  }) as SsoProvider;

const saml = (id: string, extra: Partial<SsoProvider> = {}): SsoProvider =>
  ({
    id,
    kind: "saml",
    label: "伊賀市 SAML",
    municipality: M1,
    entryPoint: IDP_SSO_URL,
    idpCert: IDP_CERT,
    spEntityId: `${BASE}/saml`,
    callbackUrl: `${BASE}/api/sso/${id}/saml`,
    matchClaim: "upn",
    clockSkewSeconds: 60,
    ...extra,
  }) as SsoProvider;

beforeAll(async () => {
  idp = await startOidcProvider({
    redirectUris: [callback("iga-oidc"), callback("iga-open"), callback("tsu-oidc")],
    claims: (login) => ({
      email: `${login}@iga.test`,
      name: `職員 ${login}`,
      groups: login.startsWith("kikaku") ? ["g-kikaku"] : ["g-all"],
    }),
    idTokenTtlSeconds: 60,
  });
  f = await createStaffFixture({
    ssoProviders: [
      oidc("iga-oidc"),
      oidc("iga-open", {
        provision: { role: "viewer" },
        groupRoles: { claim: "groups", map: { "g-kikaku": "planning" } },
      }),
      oidc("tsu-oidc", { municipality: M2 }),
      saml("iga-saml"),
    ],
  });
  for (const [username, role] of [
    ["sato@iga.test", "planning"],
    ["suzuki@iga.test", "viewer"],
  ] as const) {
    await createUser(f.db.ctx, { username, password: PASSWORD, role, municipalityCode: M1 });
  }
}, 60_000);
afterAll(async () => {
  await f?.close();
  await idp?.close();
});

const cookieOf = (r: LightMyRequestResponse) =>
  String(r.headers["set-cookie"] ?? "").split(";")[0] ?? "";
const probe = (cookie: string) =>
  f.app.inject({ method: "GET", url: "/api/session", headers: { cookie } });
const auditOf = async (username: string) =>
  (
    await f.db.handle.db
      .selectFrom("audit_events")
      .select(["action", "detail"])
      .orderBy("id")
      .execute()
  )
    .filter((e) => (e.detail as { username?: string }).username === username)
    .map((e) => ({ action: e.action, ...(e.detail as Record<string, unknown>) }));

async function startAt(id: string) {
  const r = await f.app.inject({
    method: "GET",
    url: `/api/sso/${id}/start`,
    remoteAddress: nextIp(),
  });
  expect(r.statusCode).toBe(302);
  return String(r.headers.location);
}

/** The browser back at Tassei's callback with the provider's answer. */
function returnTo(url: URL) {
  return f.app.inject({
    method: "GET",
    url: `${url.pathname}${url.search}`,
    remoteAddress: nextIp(),
  });
}

describe("OpenID Connect", () => {
  it("lists the providers for the sign-in page without a session", async () => {
    const r = await f.app.inject({ method: "GET", url: "/api/sso/providers" });
    expect(r.statusCode).toBe(200);
    expect(r.json().providers.map((p: { id: string }) => p.id)).toEqual([
      "iga-oidc",
      "iga-open",
      "tsu-oidc",
      "iga-saml",
    ]);
  });

  it("signs an existing account in by its e-mail claim; sign-out ends the Tassei session", async () => {
    const back = await idp.signIn(await startAt("iga-oidc"), "sato");
    expect(back.href.startsWith(callback("iga-oidc"))).toBe(true);
    const r = await returnTo(back);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe("/staff/");
    const cookie = cookieOf(r);
    const session = await probe(cookie);
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ username: "sato@iga.test", role: "planning" });
    expect(await auditOf("sato@iga.test")).toContainEqual(
      expect.objectContaining({ action: "auth.login", method: "oidc", provider: "iga-oidc" }),
    );
    const csrf = session.json().csrfToken as string;
    const out = await f.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await probe(cookie)).statusCode).toBe(401);
  });

  it("refuses the same answer twice (a replayed callback)", async () => {
    const back = await idp.signIn(await startAt("iga-oidc"), "suzuki");
    expect((await returnTo(back)).statusCode).toBe(303);
    const again = await returnTo(back);
    expect(again.headers.location).toBe("/staff/?sign-in-error=unknown_state");
    expect(again.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses an expired ID token (the clock past its expiry and the allowed skew)", async () => {
    const back = await idp.signIn(await startAt("iga-oidc"), "suzuki");
    const saved = f.clock.now;
    f.clock.now = Date.now() + 5 * 60_000; // token lives 60 s, skew 60 s; the request 10 min
    try {
      const r = await returnTo(back);
      expect(r.headers.location).toBe("/staff/?sign-in-error=invalid_response");
      expect(r.headers["set-cookie"]).toBeUndefined();
    } finally {
      f.clock.now = saved;
    }
  });

  for (const [what, how] of [
    ["issued for another client (wrong audience)", { audience: "another-client" }],
    ["unsigned (alg none)", "unsigned"],
  ] as const) {
    it(`refuses an ID token ${what}, with no session`, async () => {
      const back = await idp.signIn(await startAt("iga-oidc"), "suzuki");
      idp.tamperNextIdToken(how);
      const r = await returnTo(back);
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe("/staff/?sign-in-error=invalid_response");
      expect(r.headers["set-cookie"]).toBeUndefined();
    });
  }

  it("refuses an unknown account unless the provider provisions, then maps its group to a role", async () => {
    const refused = await returnTo(await idp.signIn(await startAt("iga-oidc"), "tanaka"));
    expect(refused.headers.location).toBe("/staff/?sign-in-error=unknown_account");
    expect(await auditOf("tanaka@iga.test")).toContainEqual(
      expect.objectContaining({ action: "auth.login_failed", reason: "unknown_account" }),
    );

    const plain = await returnTo(await idp.signIn(await startAt("iga-open"), "tanaka"));
    expect(plain.statusCode).toBe(303);
    expect((await probe(cookieOf(plain))).json().user).toMatchObject({
      username: "tanaka@iga.test",
      role: "viewer",
      municipalityCode: M1,
      displayName: "職員 tanaka",
    });
    const mapped = await returnTo(await idp.signIn(await startAt("iga-open"), "kikaku-ito"));
    expect((await probe(cookieOf(mapped))).json().user).toMatchObject({
      username: "kikaku-ito@iga.test",
      role: "planning",
    });
    expect(await auditOf("tanaka@iga.test")).toContainEqual(
      expect.objectContaining({ action: "user.created" }),
    );
  });

  it("lets a provider speak only for its own municipality", async () => {
    const r = await returnTo(await idp.signIn(await startAt("tsu-oidc"), "sato"));
    expect(r.headers.location).toBe("/staff/?sign-in-error=other_municipality");
  });

  it("still signs in where the municipality switched local passwords off", async () => {
    const admin = await f.signIn("admin");
    const url = `/api/admin/municipalities/${M1}/sign-in-policy`;
    await f.call(admin, "PUT", url, {
      totpRequired: false,
      totpRequiredRoles: [],
      localPasswords: false,
    });
    try {
      const password = await f.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { username: "sato@iga.test", password: PASSWORD },
        remoteAddress: nextIp(),
      });
      expect(password.statusCode).toBe(403);
      const sso = await returnTo(await idp.signIn(await startAt("iga-oidc"), "sato"));
      expect((await probe(cookieOf(sso))).statusCode).toBe(200);
    } finally {
      await f.call(admin, "PUT", url, {
        totpRequired: false,
        totpRequiredRoles: [],
        localPasswords: true,
      });
    }
  });
});

describe("SAML 2.0", () => {
  async function request() {
    const location = await startAt("iga-saml");
    expect(location.startsWith(IDP_SSO_URL)).toBe(true);
    return readAuthnRequest(location);
  }
  const post = (samlResponse: string, origin = "https://idp.nabari.test") =>
    f.app.inject({
      method: "POST",
      url: "/api/sso/iga-saml/saml",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      payload: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
      remoteAddress: nextIp(),
    });
  const user = (o: Partial<AnswerOptions> = {}): AnswerOptions => ({
    nameId: "S-1-5-21-sato",
    attributes: { upn: "sato@iga.test" },
    ...o,
  });

  it("sends an AuthnRequest naming this installation, and accepts a signed answer to it", async () => {
    const req = await request();
    expect(req.issuer).toBe(`${BASE}/saml`);
    expect(req.acsUrl).toBe(`${BASE}/api/sso/iga-saml/saml`);
    const r = await post(answer(req, user()));
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe("/staff/");
    expect((await probe(cookieOf(r))).json().user.username).toBe("sato@iga.test");
    expect(await auditOf("sato@iga.test")).toContainEqual(
      expect.objectContaining({ action: "auth.login", method: "saml", provider: "iga-saml" }),
    );
  });

  it("refuses a replayed response", async () => {
    const response = answer(await request(), user());
    expect((await post(response)).headers.location).toBe("/staff/");
    const again = await post(response);
    expect(again.headers.location).toBe("/staff/?sign-in-error=unknown_state");
    expect(again.headers["set-cookie"]).toBeUndefined();
  });

  type Make = (req: ReturnType<typeof readAuthnRequest>) => string;
  const refusals: [string, Make, "invalid_response" | "unknown_state"][] = [
    [
      "expired",
      (req) =>
        answer(req, user({ issuedAt: new Date(Date.now() - 20 * 60_000), validForMs: 5 * 60_000 })),
      "invalid_response",
    ],
    [
      "for another audience",
      (req) => answer(req, user({ audience: "https://someone-else.test/saml" })),
      "invalid_response",
    ],
    ["unsigned", (req) => answer(req, user({ sign: "none" })), "invalid_response"],
    ["signed by another key", (req) => answer(req, user({ sign: "other" })), "invalid_response"],
    [
      "unsolicited (no InResponseTo)",
      (req) => answer(req, user({ inResponseTo: null })),
      "unknown_state",
    ],
    [
      "answering a request never made",
      (req) => answer(req, user({ inResponseTo: "_never-asked" })),
      "unknown_state",
    ],
  ];
  for (const [what, make, reason] of refusals) {
    it(`refuses a response ${what}`, async () => {
      const r = await post(make(await request()));
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(`/staff/?sign-in-error=${reason}`);
      expect(r.headers["set-cookie"]).toBeUndefined();
    });
  }

  it("refuses a tampered assertion (the user name changed after signing)", async () => {
    const req = await request();
    const signed = Buffer.from(answer(req, user()), "base64").toString("utf8");
    const tampered = signed.replace("sato@iga.test", "suzuki@iga.test");
    const r = await post(Buffer.from(tampered).toString("base64"));
    expect(r.headers.location).toBe("/staff/?sign-in-error=invalid_response");
  });
});
