// Single sign-on as staff meet it (issue 16), against a server of its own started with
// TASSEI_SSO_CONFIG: the sign-in page offers one button per provider; through OpenID Connect
// (the real oidc-provider, its own login page) a person new to Tassei gets an account with
// the provider's default role; through SAML (an IdP page made here: the browser posts the
// signed response back, as from an IdP's site) another signs in; the same response posted
// again is refused with the reason in words. Sign-out ends the Tassei session.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OIDC_CLIENT, startOidcProvider, type TestOidcProvider } from "../test/support/oidc-idp.ts";
import { answer, IDP_CERT, readAuthnRequest } from "../test/support/saml-idp.ts";
import { freePort, type RunningServer, startServer } from "../test/support/server.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { openBrowser, screenshot } from "./staff-helpers.ts";

const IGA = "242161";
const IDP_HOST = "https://idp.iga.test";
let server: RunningServer;
let idp: TestOidcProvider;
let root: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider({
    redirectUris: [`${base}/api/sso/iga-oidc/callback`],
    claims: (login) => ({ email: `${login}@iga.test`, name: `伊賀 ${login}` }),
  });
  root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-sso-e2e-"));
  const config = path.join(root, "sso.json");
  const common = { municipality: IGA, clockSkewSeconds: 60 };
  fs.writeFileSync(
    config,
    JSON.stringify({
      providers: [
        {
          ...common,
          id: "iga-oidc",
          kind: "oidc",
          label: "伊賀市 職員アカウント",
          issuer: idp.issuer,
          clientId: OIDC_CLIENT.id,
          clientSecret: OIDC_CLIENT.secret,
          redirectUri: `${base}/api/sso/iga-oidc/callback`,
          provision: { role: "planning" },
        },
        {
          ...common,
          id: "iga-saml",
          kind: "saml",
          label: "伊賀市 統合認証（SAML）",
          entryPoint: `${IDP_HOST}/saml/sso`,
          idpCert: IDP_CERT,
          spEntityId: `${base}/saml`,
          callbackUrl: `${base}/api/sso/iga-saml/saml`,
          matchClaim: "upn",
          provision: { role: "viewer" },
        },
      ],
    }),
    { mode: 0o600 },
  );
  server = await startServer({
    TASSEI_DATA_DIR: path.join(root, "data"),
    TASSEI_DEMO: "on",
    TASSEI_SSO_CONFIG: config,
    PORT: String(port),
  });
});

test.afterAll(async () => {
  await server?.stop();
  await idp?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test("staff sign in through OpenID Connect and SAML; a replayed response is refused", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const staff = await openBrowser(browser, server.url);
  const { page } = staff;
  // The SAML IdP's page: it answers the request in the address with a signed response, in a
  // form the person sends back to Tassei (as an IdP's page posts it).
  let lastPage = "";
  await page.route(`${IDP_HOST}/**`, async (route) => {
    const url = route.request().url();
    if (url.endsWith("/replay")) {
      await route.fulfill({ contentType: "text/html; charset=utf-8", body: lastPage });
      return;
    }
    const request = readAuthnRequest(url);
    const response = answer(request, {
      nameId: "S-1-5-21-yamada",
      attributes: { upn: "yamada@iga.test" },
    });
    lastPage = `<!doctype html><html lang="ja"><title>IdP</title><form method="post" action="${request.acsUrl}"><input type="hidden" name="SAMLResponse" value="${response}"><button>Tassei に戻る</button></form></html>`;
    await route.fulfill({ contentType: "text/html; charset=utf-8", body: lastPage });
  });

  await test.step("the sign-in page offers each provider", async () => {
    await page.goto("/staff/");
    await expect(page.getByRole("heading", { name: "組織のアカウントでログイン" })).toBeVisible();
    await expect(page.getByRole("link", { name: "伊賀市 職員アカウントでログイン" })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, "sign-in-with-sso");
  });

  await test.step("OpenID Connect: a first sign-in makes the account with the default role", async () => {
    await page.getByRole("link", { name: "伊賀市 職員アカウントでログイン" }).click();
    await page.locator('input[name="login"]').fill("sato");
    await page.locator('input[name="password"]').fill("x");
    await page.locator('button[type="submit"]').click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("伊賀 sato（企画課）")).toBeVisible();
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page.getByRole("heading", { name: "Tassei 職員用ログイン" })).toBeVisible();
  });

  await test.step("SAML: the IdP's page posts the signed response back", async () => {
    await page.getByRole("link", { name: "伊賀市 統合認証（SAML）でログイン" }).click();
    await page.getByRole("button", { name: "Tassei に戻る" }).click();
    await expect(page.getByText("yamada@iga.test（閲覧者）")).toBeVisible();
    await page.getByRole("button", { name: "ログアウト" }).click();
  });

  await test.step("the same response again is refused, and the page says why", async () => {
    await page.goto(`${IDP_HOST}/replay`);
    await page.getByRole("button", { name: "Tassei に戻る" }).click();
    await expect(page.getByRole("alert")).toContainText("同じ応答の再送");
    await expect(page.getByRole("heading", { name: "Tassei 職員用ログイン" })).toBeVisible();
    await screenshot(page, testInfo, "sso-refused");
  });
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
