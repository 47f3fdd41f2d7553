// Single sign-on providers (issue 16), as the operator writes them in the file that
// TASSEI_SSO_CONFIG names (docs/operations.md). Each provider belongs to one municipality;
// an installation may have several, and a municipality more than one.
import { z } from "zod";
import { ROLES } from "./roles.ts";

/** Roles a first sign-in may give: department roles need a department, which stays Tassei's. */
const provisionRole = z
  .enum(ROLES)
  .refine((r) => r !== "department_head" && r !== "department_editor", {
    message: "must not be a department role (a department is assigned in Tassei)",
  });

const common = {
  /** In addresses: /api/sso/<id>/… */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lowercase letters, digits and -"),
  /** On the sign-in button: 「伊賀市 職員アカウントでログイン」. */
  label: z.string().min(1).max(60),
  municipality: z.string().regex(/^\d{6}$/, "must be a six-digit municipality code"),
  /** The claim or attribute whose value is the Tassei user name (e-mail or UPN). */
  matchClaim: z.string().min(1).default("email"),
  /** An account not in Tassei yet is made at its first sign-in, with this role. */
  provision: z.strictObject({ role: provisionRole }).optional(),
  /** At that first sign-in, a group claim may decide the role instead. */
  groupRoles: z
    .strictObject({
      claim: z.string().min(1),
      /** Group → role; the first group of the user found here wins, in this order. */
      map: z.record(z.string(), provisionRole),
    })
    .optional(),
  /** How far the provider's clock may be off, in seconds (bounded). */
  clockSkewSeconds: z.number().int().min(0).max(300).default(60),
};

export const oidcProviderSchema = z.strictObject({
  ...common,
  kind: z.literal("oidc"),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** This installation's address of /api/sso/<id>/callback, as registered at the provider. */
  redirectUri: z.url(),
  scope: z.string().default("openid email profile"),
});

export const samlProviderSchema = z.strictObject({
  ...common,
  kind: z.literal("saml"),
  /** The IdP's single sign-on address (HTTP-Redirect binding). */
  entryPoint: z.url(),
  /** The IdP's signing certificate(s), PEM. */
  idpCert: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** This installation's entity id (the audience the IdP must name). */
  spEntityId: z.string().min(1),
  /** This installation's address of /api/sso/<id>/saml (the assertion consumer service). */
  callbackUrl: z.url(),
});

export const ssoProviderSchema = z.discriminatedUnion("kind", [
  oidcProviderSchema,
  samlProviderSchema,
]);
export type SsoProvider = z.infer<typeof ssoProviderSchema>;
export type OidcProvider = z.infer<typeof oidcProviderSchema>;
export type SamlProvider = z.infer<typeof samlProviderSchema>;

export const ssoConfigSchema = z
  .strictObject({ providers: z.array(ssoProviderSchema).max(200) })
  .refine((c) => new Set(c.providers.map((p) => p.id)).size === c.providers.length, {
    message: "provider ids must be unique",
  });

/** The role a first sign-in gets: the first mapped group the person is in, else the default. */
export function provisionedRole(
  provider: Pick<SsoProvider, "provision" | "groupRoles">,
  claims: Record<string, unknown>,
) {
  if (!provider.provision) return undefined;
  const map = provider.groupRoles;
  if (map) {
    const raw = claims[map.claim];
    const groups = Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
    for (const [group, role] of Object.entries(map.map)) {
      if (groups.includes(group)) return role;
    }
  }
  return provider.provision.role;
}
