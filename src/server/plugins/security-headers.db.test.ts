import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { buildApp } from "../app.ts";
import { HSTS_VALUE } from "./security-headers.ts";
import { parseTrustProxy } from "./trust-proxy.ts";

let t: TestDatabase;
let app: FastifyInstance;
let proxied: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ database: t.handle, logLevel: "silent" });
  // As the server runs when TASSEI_TRUST_PROXY names the proxy (nginx on the same host).
  proxied = await buildApp({
    database: t.handle,
    logLevel: "silent",
    trustProxy: parseTrustProxy("127.0.0.1"),
  });
});
afterAll(async () => {
  await app?.close();
  await proxied?.close();
  await t.destroy();
});

describe("security headers", () => {
  it("send a CSP without unsafe-inline, and forbid framing and sniffing", async () => {
    for (const url of ["/", "/healthz", "/no/such/page"]) {
      const r = await app.inject(url);
      const csp = String(r.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  it("send HSTS on HTTPS only, believing X-Forwarded-Proto only from a trusted proxy", async () => {
    expect((await app.inject("/")).headers["strict-transport-security"]).toBeUndefined();
    const spoofed = await app.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
    const viaProxy = await proxied.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
    expect(viaProxy.headers["strict-transport-security"]).toBe(HSTS_VALUE);
    const plainViaProxy = await proxied.inject({
      url: "/",
      headers: { "x-forwarded-proto": "http" },
    });
    expect(plainViaProxy.headers["strict-transport-security"]).toBeUndefined();
    const stranger = await proxied.inject({
      url: "/",
      remoteAddress: "203.0.113.9",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(stranger.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("TASSEI_TRUST_PROXY", () => {
  it("reads off, on, a hop count or proxy addresses, and refuses anything else", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("off")).toBe(false);
    expect(parseTrustProxy("on")).toBe(true);
    const oneHop = parseTrustProxy("1");
    expect(typeof oneHop === "function" && [oneHop("10.0.0.1", 0), oneHop("10.0.0.2", 1)]).toEqual([
      true,
      false,
    ]);
    expect(parseTrustProxy("127.0.0.1, 10.0.0.0/8,::1")).toBe("127.0.0.1,10.0.0.0/8,::1");
    expect(() => parseTrustProxy("nginx")).toThrow(/not nginx/);
    expect(() => parseTrustProxy("10.0.0.0/8/1")).toThrow(RangeError);
  });
});
