// Sign-in, sessions, CSRF and origin checks, the login throttle, expiry, sign-out and the
// password change, through the HTTP API on a real database.
import crypto from "node:crypto";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerStaffApi } from "../api/index.ts";
import {
  createStaffFixture,
  nextIp,
  PASSWORD,
  type StaffFixture,
} from "../api/staff-test-setup.ts";
import { registerErrorHandlers } from "../errors.ts";

const HOUR = 60 * 60 * 1000;
let f: StaffFixture;

beforeAll(async () => {
  f = await createStaffFixture();
});
afterAll(() => f?.close());

function login(username: string, password: string, ip = nextIp(), headers = {}) {
  return f.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password },
    remoteAddress: ip,
    headers,
  });
}
const probe = (cookie: string) =>
  f.app.inject({ method: "GET", url: "/api/session", headers: { cookie } });
const auditActions = async () =>
  await f.db.handle.db
    .selectFrom("audit_events")
    .select(["action", "detail"])
    .orderBy("id")
    .execute();

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and returns the user and a CSRF token", async () => {
    const r = await login("editor", PASSWORD);
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toMatch(/^tassei_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const body = r.json();
    expect(body.user).toMatchObject({
      username: "editor",
      role: "department_editor",
      municipalityCode: "242161",
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await probe(cookie.split(";")[0] ?? "");
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it("stores only the SHA-256 of the token, and an argon2id password hash", async () => {
    const s = await f.signIn("viewer");
    const token = s.cookie.split("=")[1] ?? "";
    const rows = await f.db.handle.db.selectFrom("sessions").select("id").execute();
    const digest = crypto.createHash("sha256").update(token).digest("hex");
    expect(rows.map((r) => r.id)).toContain(digest);
    expect(rows.map((r) => r.id)).not.toContain(token);
    const user = await f.db.handle.db
      .selectFrom("users")
      .select("password_hash")
      .where("username", "=", "viewer")
      .executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("refuses a wrong password or an unknown user alike, and audits it without the password", async () => {
    const wrong = await login("planning", "not the password at all");
    const unknown = await login("nobody-here", "not the password at all");
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe("unauthenticated");
      expect(r.headers["set-cookie"]).toBeUndefined();
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const events = await auditActions();
    const failures = events.filter((e) => e.action === "auth.login_failed");
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain("not the password at all");
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(events.some((e) => e.action === "auth.login")).toBe(true);
  });

  it("names each empty field in Japanese", async () => {
    const r = await login("", "");
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: "validation_error",
      message: "ユーザー名とパスワードを入力してください",
      fields: { username: "is required", password: "is required" },
    });
    const noPassword = await login("editor", "");
    expect(noPassword.json().error.message).toBe("パスワードを入力してください");
    expect(Object.keys(noPassword.json().error.fields)).toEqual(["password"]);
  });

  it("is case-insensitive in the username", async () => {
    expect((await login("EDITOR", PASSWORD)).statusCode).toBe(200);
  });

  it("rotates: signing in with a session cookie ends the old session", async () => {
    const first = await f.signIn("head");
    const r = await login("head", PASSWORD, nextIp(), { cookie: first.cookie });
    expect(r.statusCode).toBe(200);
    expect((await probe(first.cookie)).statusCode).toBe(401);
  });

  it("marks the cookie Secure when the request came over HTTPS through a trusted proxy", async () => {
    const app = Fastify({ trustProxy: true, logger: false });
    registerErrorHandlers(app);
    await registerStaffApi(app, { db: f.db.handle.db });
    const r = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "admin", password: PASSWORD },
      headers: { "x-forwarded-proto": "https", origin: "https://localhost:80" },
      remoteAddress: nextIp(),
    });
    await app.close();
    expect(r.statusCode).toBe(200);
    expect(String(r.headers["set-cookie"])).toContain("Secure");
  });
});

describe("CSRF and origin", () => {
  it("refuses a state-changing request without the token, with a wrong one, or from another origin", async () => {
    const s = await f.signIn("planning");
    const url = `/api/manifestos/${f.ids.A}`;
    const current = (
      await f.app.inject({ method: "GET", url, headers: { cookie: s.cookie } })
    ).json();
    const payload = { revision: current.manifesto.revision, document: current.document };
    const put = (headers: Record<string, string>) =>
      f.app.inject({ method: "PUT", url, headers, payload });

    const noToken = await put({ cookie: s.cookie });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe("forbidden");
    expect((await put({ cookie: s.cookie, "x-csrf-token": "x".repeat(43) })).statusCode).toBe(403);
    expect((await put({ ...s.headers, origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await put({ ...s.headers, origin: "null" })).statusCode).toBe(403);
    expect((await put({ ...s.headers, origin: "http://localhost" })).statusCode).toBe(200);
  });

  it("refuses sign-in from another origin and sign-out without the token", async () => {
    const r = await login("viewer", PASSWORD, nextIp(), { origin: "https://evil.example" });
    expect(r.statusCode).toBe(403);
    const s = await f.signIn("viewer");
    const out = await f.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie: s.cookie },
    });
    expect(out.statusCode).toBe(403);
    expect((await probe(s.cookie)).statusCode).toBe(200);
  });

  it("answers 401, not 403, to a state-changing request without a session", async () => {
    const r = await f.app.inject({ method: "PUT", url: `/api/manifestos/${f.ids.A}`, payload: {} });
    expect(r.statusCode).toBe(401);
  });
});

describe("the login throttle", () => {
  it("answers 429 with Retry-After after five attempts a minute for one username from one address, right password or not", async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      expect((await login("installation", "wrong password number x", ip)).statusCode).toBe(401);
    }
    const limited = await login("installation", PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    f.clock.now += 61_000;
    expect((await login("installation", PASSWORD, ip)).statusCode).toBe(200);
  });

  it("limits one address across usernames, and a success does not count", async () => {
    const ip = nextIp();
    for (let i = 0; i < 3; i++) expect((await login("admin", PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) {
      expect((await login(`someone-${i}`, "wrong password here", ip)).statusCode).toBe(401);
    }
    expect((await login("admin", PASSWORD, ip)).statusCode).toBe(429);
    expect((await login("admin", PASSWORD, nextIp())).statusCode).toBe(200);
  });
});

describe("expiry", () => {
  it("ends a session idle for eight hours", async () => {
    const s = await f.signIn("viewer");
    f.clock.now += 7 * HOUR;
    expect((await probe(s.cookie)).statusCode).toBe(200);
    f.clock.now += 8 * HOUR - 1000;
    expect((await probe(s.cookie)).statusCode).toBe(200);
    f.clock.now += 8 * HOUR;
    expect((await probe(s.cookie)).statusCode).toBe(401);
  });

  // 2.2.1: the staff app warns before the end; it learns when from each answer.
  it("says with each answer how long the session lasts unused, and a request extends it", async () => {
    const signedIn = await login("viewer", PASSWORD);
    expect(signedIn.json()).toMatchObject({ idleLimitSeconds: 8 * 60 * 60 });
    expect(signedIn.headers["x-session-idle-remaining"]).toBe(String(8 * HOUR));
    const cookie = String(signedIn.headers["set-cookie"]).split(";")[0] ?? "";
    f.clock.now += 30_000;
    // Within the minute last_seen_at is not written: the end stays where it was.
    expect((await probe(cookie)).headers["x-session-idle-remaining"]).toBe(
      String(8 * HOUR - 30_000),
    );
    f.clock.now += 2 * HOUR;
    const later = await probe(cookie);
    expect(later.headers["x-session-idle-remaining"]).toBe(String(8 * HOUR));
    expect(Date.parse(later.json().idleExpiresAt)).toBe(f.clock.now + 8 * HOUR);
  });

  it("ends a session seven days after sign-in, however active", async () => {
    const s = await f.signIn("viewer");
    const start = f.clock.now;
    while (f.clock.now + 7 * HOUR < start + 7 * 24 * HOUR) {
      f.clock.now += 7 * HOUR;
      expect((await probe(s.cookie)).statusCode).toBe(200);
    }
    f.clock.now = start + 7 * 24 * HOUR;
    expect((await probe(s.cookie)).statusCode).toBe(401);
  });
});

describe("sign-out and password change", () => {
  it("sign-out deletes the session and clears the cookie", async () => {
    const s = await f.signIn("planning");
    const r = await f.app.inject({ method: "DELETE", url: "/api/session", headers: s.headers });
    expect(r.statusCode).toBe(204);
    expect(String(r.headers["set-cookie"])).toMatch(/tassei_session=;/);
    expect((await probe(s.cookie)).statusCode).toBe(401);
    expect((await auditActions()).some((e) => e.action === "auth.logout")).toBe(true);
  });

  it("needs the current password and 12 characters, and ends the user's other sessions", async () => {
    const here = await f.signIn("head");
    const elsewhere = await f.signIn("head");
    const change = (currentPassword: string, newPassword: string) =>
      f.app.inject({
        method: "PUT",
        url: "/api/session/password",
        headers: here.headers,
        payload: { currentPassword, newPassword },
      });
    const wrong = await change("not my password", "a new long password");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty("currentPassword");
    const short = await change(PASSWORD, "short pass1");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty("newPassword");
    expect(short.json().error.message).toBe(
      "新しいパスワードは12文字以上にしてください（いま11文字）",
    );
    expect((await probe(elsewhere.cookie)).statusCode).toBe(200);

    const ok = await change(PASSWORD, "a new long password");
    expect(ok.statusCode).toBe(200);
    expect(ok.json().revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await probe(elsewhere.cookie)).statusCode).toBe(401);
    expect((await probe(here.cookie)).statusCode).toBe(200);
    expect((await login("head", PASSWORD)).statusCode).toBe(401);
    expect((await login("head", "a new long password")).statusCode).toBe(200);
    const events = await auditActions();
    expect(events.some((e) => e.action === "auth.password_changed")).toBe(true);
    expect(JSON.stringify(events)).not.toContain("a new long password");
  });
});

describe("a shorter idle limit (TASSEI_SESSION_IDLE_SECONDS)", () => {
  let short: StaffFixture;
  beforeAll(async () => {
    short = await createStaffFixture({ sessionIdleMs: 60_000 });
  });
  afterAll(() => short?.close());

  it("ends the session after it and counts each request within it", async () => {
    const s = await short.signIn("viewer");
    const ask = () =>
      short.app.inject({ method: "GET", url: "/api/session", headers: { cookie: s.cookie } });
    short.clock.now += 50_000;
    const kept = await ask();
    expect(kept.statusCode).toBe(200);
    expect(kept.json().idleLimitSeconds).toBe(60);
    expect(kept.headers["x-session-idle-remaining"]).toBe("60000");
    short.clock.now += 59_000;
    expect((await ask()).statusCode).toBe(200);
    short.clock.now += 60_000;
    expect((await ask()).statusCode).toBe(401);
  });
});
