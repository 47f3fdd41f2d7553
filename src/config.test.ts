import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("the page cache settings", () => {
  it("are on by default, with room for 2,000 responses and 64 MB", () => {
    expect(loadConfig({}).pageCache).toEqual({ maxEntries: 2000, maxBytes: 64 * 2 ** 20 });
    expect(loadConfig({ TASSEI_PAGE_CACHE: "" }).pageCache).toBeDefined();
  });

  it("take their limits from the environment, and go away when off", () => {
    expect(
      loadConfig({ TASSEI_PAGE_CACHE_MAX_ENTRIES: "10", TASSEI_PAGE_CACHE_MAX_MB: "0.5" })
        .pageCache,
    ).toEqual({ maxEntries: 10, maxBytes: 2 ** 19 });
    expect(loadConfig({ TASSEI_PAGE_CACHE: "off" }).pageCache).toBeUndefined();
  });

  it("refuse a bad value, naming the variable", () => {
    for (const [name, value] of [
      ["TASSEI_PAGE_CACHE", "yes"],
      ["TASSEI_PAGE_CACHE_MAX_ENTRIES", "0"],
      ["TASSEI_PAGE_CACHE_MAX_ENTRIES", "1.5"],
      ["TASSEI_PAGE_CACHE_MAX_MB", "-1"],
      ["TASSEI_PAGE_CACHE_MAX_MB", "lots"],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});

describe("the embedded database's shared buffers", () => {
  const sharedBuffersOf = (env: Record<string, string>) => {
    const database = loadConfig(env).database;
    return database.kind === "pglite" ? database.sharedBuffersMb : undefined;
  };

  it("are 32 MB unless TASSEI_PGLITE_SHARED_BUFFERS_MB says otherwise", () => {
    expect(sharedBuffersOf({})).toBe(32);
    expect(sharedBuffersOf({ TASSEI_PGLITE_SHARED_BUFFERS_MB: "128" })).toBe(128);
  });

  it("refuse a bad value, naming the variable", () => {
    for (const value of ["0", "1.5", "lots", "5000"]) {
      expect(() => loadConfig({ TASSEI_PGLITE_SHARED_BUFFERS_MB: value }), value).toThrow(
        "TASSEI_PGLITE_SHARED_BUFFERS_MB",
      );
    }
  });
});

describe("the PostgreSQL time limits", () => {
  const url = "postgres://tassei@127.0.0.1/tassei";
  const timeoutsOf = (env: Record<string, string>) => {
    const database = loadConfig({ DATABASE_URL: url, ...env }).database;
    return database.kind === "postgres" ? database.timeouts : undefined;
  };

  it("default to 5 s to connect, 15 s a statement, 60 s idle in a transaction", () => {
    expect(timeoutsOf({})).toEqual({ connectMs: 5000, queryMs: 15000, idleInTransactionMs: 60000 });
  });

  it("come from the environment, 0 meaning no limit where PostgreSQL allows it", () => {
    expect(
      timeoutsOf({
        TASSEI_DB_CONNECT_TIMEOUT_MS: "1500",
        TASSEI_DB_QUERY_TIMEOUT_MS: "0",
        TASSEI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: "120000",
      }),
    ).toEqual({ connectMs: 1500, queryMs: 0, idleInTransactionMs: 120000 });
  });

  it("refuse a bad value, naming the variable", () => {
    for (const [name, value] of [
      ["TASSEI_DB_CONNECT_TIMEOUT_MS", "0"],
      ["TASSEI_DB_CONNECT_TIMEOUT_MS", "5s"],
      ["TASSEI_DB_QUERY_TIMEOUT_MS", "-1"],
      ["TASSEI_DB_QUERY_TIMEOUT_MS", "1.5"],
      ["TASSEI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "99999999"],
    ] as const) {
      expect(() => loadConfig({ DATABASE_URL: url, [name]: value }), `${name}=${value}`).toThrow(
        name,
      );
    }
  });
});

describe("the single sign-on providers (TASSEI_SSO_CONFIG)", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (content: unknown) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-sso-"));
    dirs.push(dir);
    const file = path.join(dir, "sso.json");
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };
  const oidc = {
    id: "iga-entra",
    kind: "oidc",
    label: "伊賀市 職員アカウント",
    municipality: "242161",
    issuer: "https://login.example.jp/tenant/v2.0",
    clientId: "client",
    clientSecret: "secret",
    redirectUri: "https://tassei.example.lg.jp/api/sso/iga-entra/callback",
  };

  it("are none unless the variable names a file", () => {
    expect(loadConfig({}).ssoProviders).toBeUndefined();
  });

  it("are read from the file, with the defaults filled in", () => {
    const c = loadConfig({ TASSEI_SSO_CONFIG: write({ providers: [oidc] }) });
    expect(c.ssoProviders).toEqual([
      { ...oidc, matchClaim: "email", clockSkewSeconds: 60, scope: "openid email profile" },
    ]);
  });

  it("refuse a bad file, naming the variable and the field", () => {
    expect(() => loadConfig({ TASSEI_SSO_CONFIG: "/nonexistent/sso.json" })).toThrow(
      /TASSEI_SSO_CONFIG: cannot read/,
    );
    const bad = {
      providers: [{ ...oidc, clockSkewSeconds: 3600, provision: { role: "department_editor" } }],
    };
    const message = (() => {
      try {
        loadConfig({ TASSEI_SSO_CONFIG: write(bad) });
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain("providers.0.clockSkewSeconds");
    expect(message).toContain("providers.0.provision.role");
    expect(() => loadConfig({ TASSEI_SSO_CONFIG: write({ providers: [oidc, oidc] }) })).toThrow(
      /provider ids must be unique/,
    );
  });
});

describe("the staff session's idle limit", () => {
  it("is eight hours unless TASSEI_SESSION_IDLE_SECONDS says otherwise", () => {
    expect(loadConfig({}).sessionIdleMs).toBe(8 * 60 * 60 * 1000);
    expect(loadConfig({ TASSEI_SESSION_IDLE_SECONDS: "90" }).sessionIdleMs).toBe(90_000);
  });

  it("refuses one too short to answer the warning", () => {
    expect(() => loadConfig({ TASSEI_SESSION_IDLE_SECONDS: "10" })).toThrow(
      "TASSEI_SESSION_IDLE_SECONDS",
    );
  });
});
