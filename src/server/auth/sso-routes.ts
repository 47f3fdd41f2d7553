// Single sign-on: the list of providers for the sign-in page, the way out to a provider, and
// the ways back (OIDC: a redirect with a code; SAML: a form posted by the browser). A
// completed sign-in sets the session cookie and returns to the staff app; a refused one
// returns there with the reason, which the sign-in page puts into words.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { SsoProvider } from "../../domain/sso-config.ts";
import { NotFoundError } from "../../errors.ts";
import { ssoSignIn } from "../../services/auth/sso-sign-in.ts";
import { parseInput } from "../api/parse.ts";
import type { AuthDeps } from "./routes.ts";
import { readSessionToken, setSessionCookie } from "./session-cookie.ts";
import type { OidcSignIn } from "./sso/oidc.ts";
import { SsoRefused } from "./sso/refused.ts";
import type { SamlSignIn } from "./sso/saml.ts";

export interface SsoDeps extends AuthDeps {
  ssoProviders?: readonly SsoProvider[];
}

const idParams = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/) });
export const samlPostBody = z.object({
  SAMLResponse: z
    .string()
    .min(1)
    .max(512 * 1024),
  RelayState: z.string().max(2000).optional(),
});
/** A SAML response is base64 of signed XML: larger than the API's small bodies. */
const SAML_BODY = 1024 * 1024;

type Handler = { kind: "oidc"; signIn: OidcSignIn } | { kind: "saml"; signIn: SamlSignIn };

/**
 * The provider's sign-in, made on its first use: openid-client and node-saml (with its XML
 * libraries) are loaded only by an installation that signs in through them, and only then —
 * not on every server start-up. One instance per provider, kept (OIDC keeps its metadata).
 */
function signInOf(provider: SsoProvider): Promise<Handler> {
  return provider.kind === "oidc"
    ? import("./sso/oidc.ts").then((m) => ({ kind: "oidc", signIn: new m.OidcSignIn(provider) }))
    : import("./sso/saml.ts").then((m) => ({ kind: "saml", signIn: new m.SamlSignIn(provider) }));
}

export function registerSsoRoutes(api: FastifyInstance, deps: SsoDeps): void {
  const providers = new Map((deps.ssoProviders ?? []).map((p) => [p.id, p] as const));
  const handlers = new Map<string, Promise<Handler>>();
  const handler = (request: FastifyRequest): Promise<Handler> => {
    const { id } = parseInput(idParams, request.params, "the provider");
    const provider = providers.get(id);
    if (!provider) throw new NotFoundError(`シングルサインオンの接続先 ${id} は設定されていません`);
    let h = handlers.get(id);
    if (!h) {
      h = signInOf(provider);
      handlers.set(id, h);
    }
    return h;
  };

  async function complete(
    request: FastifyRequest,
    reply: FastifyReply,
    provider: SsoProvider,
    claims: () => Promise<Record<string, unknown>>,
  ) {
    const back = (reason: string) => reply.redirect(`/staff/?sign-in-error=${reason}`, 303);
    let verified: Record<string, unknown>;
    try {
      verified = await claims();
    } catch (e) {
      if (!(e instanceof SsoRefused)) throw e;
      request.log.warn(
        { provider: provider.id, reason: e.reason, detail: String(e.detail ?? "") },
        "single sign-on refused",
      );
      return back(e.reason);
    }
    const result = await ssoSignIn(deps, {
      provider,
      claims: verified,
      ip: request.ip,
      now: deps.now(),
      previousToken: readSessionToken(request),
      idleMs: deps.sessionIdleMs,
    });
    if (!result.ok) return back(result.reason);
    setSessionCookie(request, reply, result.token, result.expiresAt);
    return reply.redirect("/staff/", 303);
  }

  api.get("/sso/providers", { config: { staffPublic: true } }, async () => ({
    providers: [...providers.values()].map((p) => ({
      id: p.id,
      label: p.label,
      municipality: p.municipality,
      start: `/api/sso/${p.id}/start`,
    })),
  }));

  api.get("/sso/:id/start", { config: { staffPublic: true } }, async (request, reply) => {
    const { signIn: h } = await handler(request);
    try {
      return reply.redirect(await h.start(deps.db, deps.now()), 302);
    } catch (e) {
      request.log.warn({ provider: h.provider.id, err: e }, "identity provider unreachable");
      return reply.redirect("/staff/?sign-in-error=provider_unreachable", 303);
    }
  });

  api.get("/sso/:id/callback", { config: { staffPublic: true } }, async (request, reply) => {
    const found = await handler(request);
    if (found.kind !== "oidc") throw new NotFoundError("OpenID Connect の接続先ではありません");
    const h = found.signIn;
    const url = new URL(request.url, "http://callback.invalid");
    return complete(request, reply, h.provider, () => h.finish(deps.db, url, deps.now()));
  });

  // The IdP's page posts this form from its own origin: the signed response, answering a
  // request of ours once only, is what protects it (not the origin check or a CSRF token).
  api.register(async (saml) => {
    saml.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: SAML_BODY },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    saml.post(
      "/sso/:id/saml",
      { config: { staffPublic: true, crossSitePost: true }, bodyLimit: SAML_BODY },
      async (request, reply) => {
        const found = await handler(request);
        if (found.kind !== "saml") throw new NotFoundError("SAML の接続先ではありません");
        const h = found.signIn;
        const body = parseInput(samlPostBody, request.body, "the SAML response");
        return complete(request, reply, h.provider, () =>
          h.finish(deps.db, body.SAMLResponse, deps.now()),
        );
      },
    );
  });
}
