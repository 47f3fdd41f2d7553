import http from "node:http";
import Provider from "oidc-provider";
import * as client from "openid-client";
const server = http.createServer();
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const issuer = `http://127.0.0.1:${server.address().port}`;
const provider = new Provider(issuer, {
  clients: [{ client_id: "tassei", client_secret: "s3cret-s3cret-s3cret-s3cret-s3cret", redirect_uris: ["http://127.0.0.1:9/cb"] }],
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: `${sub}@example.jp` }) }),
  claims: { openid: ["sub"], email: ["email"] },
  pkce: { required: () => true },
});
provider.on("server_error", (ctx, e) => console.error("server_error", e));
server.on("request", provider.callback());
const config = await client.discovery(new URL(issuer), "tassei", "s3cret-s3cret-s3cret-s3cret-s3cret", undefined, { execute: [client.allowInsecureRequests] });
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState(), nonce = client.randomNonce();
const url = client.buildAuthorizationUrl(config, { redirect_uri: "http://127.0.0.1:9/cb", scope: "openid email", code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", state, nonce });
// drive the dev interactions
const jar = new Map();
async function go(u, init = {}) {
  const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(init.headers ?? {}) };
  const r = await fetch(u, { ...init, headers, redirect: "manual" });
  for (const c of r.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv.indexOf("="); jar.set(kv.slice(0, i), kv.slice(i + 1)); }
  return r;
}
let r = await go(url);
let loc = new URL(r.headers.get("location"), issuer);
r = await go(loc); const html = await r.text();
const action = /action="([^"]+)"/.exec(html)[1];
r = await go(new URL(action, issuer), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "prompt=login&login=taro&password=x" });
while (r.status >= 300 && r.status < 400) {
  loc = new URL(r.headers.get("location"), issuer);
  if (loc.href.startsWith("http://127.0.0.1:9/")) break;
  r = await go(loc);
  if (r.status === 200) { const h = await r.text(); const a = /action="([^"]+)"/.exec(h)[1]; r = await go(new URL(a, issuer), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "prompt=consent" }); }
}
console.log("callback", loc.href.slice(0, 80));
const tokens = await client.authorizationCodeGrant(config, loc, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
console.log(tokens.claims());
server.close();
