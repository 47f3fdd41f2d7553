// The probe's findings about accounts, kept as tests: guessing the current password through
// the password change, keeping a named user out by guessing from elsewhere, an
// administrator's session alone changing the administrator's password, and the user-name
// check telling one municipality about another's accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStaffFixture,
  nextIp,
  PASSWORD,
  type StaffFixture,
} from "../api/staff-test-setup.ts";

let f: StaffFixture;
beforeAll(async () => {
  f = await createStaffFixture();
});
afterAll(() => f?.close());

const WINDOW = 61_000;

function login(username: string, password: string, ip: string) {
  return f.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password },
    remoteAddress: ip,
  });
}

describe("the current password cannot be guessed through the password change", () => {
  it("throttles wrong current passwords like sign-in (429 with Retry-After), then lets the right one pass", async () => {
    const s = await f.signIn("planning");
    const change = (currentPassword: string) =>
      f.app.inject({
        method: "PUT",
        url: "/api/session/password",
        headers: s.headers,
        remoteAddress: "192.0.2.10",
        payload: { currentPassword, newPassword: "a brand new password" },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).statusCode).toBe(400);
    const limited = await change(PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await change("one more guess")).statusCode).toBe(429);
    f.clock.now += WINDOW;
    expect((await change(PASSWORD)).statusCode).toBe(200);
  });
});

describe("nobody can keep a named user out by guessing", () => {
  it("wrong passwords from one client lock that client out of the name, not the user at their own client", async () => {
    const home = "198.51.100.1";
    expect((await login("admin", PASSWORD, home)).statusCode).toBe(200);
    const attacker = "203.0.113.66";
    for (let i = 0; i < 5; i++) {
      expect((await login("admin", `guess ${i} of many`, attacker)).statusCode).toBe(401);
    }
    // The guessing client is out, even with the right password …
    expect((await login("admin", PASSWORD, attacker)).statusCode).toBe(429);
    // … and again and again; the administrator at their own client is not.
    for (let round = 0; round < 3; round++) {
      expect((await login("admin", "yet another guess", attacker)).statusCode).toBe(429);
      expect((await login("admin", PASSWORD, home)).statusCode).toBe(200);
    }
    f.clock.now += WINDOW;
  });

  it("guessing from many addresses backs the name off for unknown clients only", async () => {
    const home = "198.51.100.2";
    expect((await login("viewer", PASSWORD, home)).statusCode).toBe(200);
    for (let i = 0; i < 25; i++) {
      const r = await login("viewer", `distributed guess ${i}`, nextIp());
      expect([401, 429]).toContain(r.statusCode);
    }
    // The name is backing off: a client never seen before is refused, right password or not …
    const stranger = await login("viewer", PASSWORD, "203.0.113.200");
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.code).toBe("rate_limited");
    // … the user's own client still signs in with the right password …
    expect((await login("viewer", PASSWORD, home)).statusCode).toBe(200);
    // … but guessing from it is throttled like from anywhere else.
    for (let i = 0; i < 5; i++) {
      expect((await login("viewer", `home guess ${i}`, home)).statusCode).toBe(401);
    }
    expect((await login("viewer", PASSWORD, home)).statusCode).toBe(429);
    f.clock.now += WINDOW;
    expect((await login("viewer", PASSWORD, "203.0.113.201")).statusCode).toBe(200);
  });

  it("one address guessing across names is limited too", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 20; i++) {
      expect((await login(`nobody-${i}`, "wrong password here", ip)).statusCode).toBe(401);
    }
    expect((await login("editor", PASSWORD, ip)).statusCode).toBe(429);
    expect((await login("editor", PASSWORD, nextIp())).statusCode).toBe(200);
    f.clock.now += WINDOW;
  });
});

describe("an administrator's own password", () => {
  it("cannot be set through the user administration: it needs the current password", async () => {
    const admin = await f.signIn("admin");
    const self = await f.userId("admin");
    const r = await f.call(admin, "POST", `/api/users/${self}/password`, {
      password: "taken over account password",
    });
    expect(r.statusCode).toBe(403);
    expect((await login("admin", "taken over account password", nextIp())).statusCode).toBe(401);
    expect((await login("admin", PASSWORD, nextIp())).statusCode).toBe(200);
    const list = await f.call(admin, "GET", "/api/users");
    const me = list.json().users.find((u: { username: string }) => u.username === "admin");
    expect(me.allowed.resetPassword).toBe(false);

    const installation = await f.signIn("installation");
    const own = await f.userId("installation");
    expect(
      (
        await f.call(installation, "POST", `/api/users/${own}/password`, {
          password: "taken over account password",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("while an administrator still resets another account's password", async () => {
    const admin = await f.signIn("admin");
    const viewer = await f.userId("head");
    const r = await f.call(admin, "POST", `/api/users/${viewer}/password`, {
      password: "a reset password for head",
    });
    expect(r.statusCode).toBe(200);
    const editor = await f.signIn("editor");
    const refused = await f.call(editor, "POST", `/api/users/${viewer}/password`, {
      password: "an editor's attempt here",
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("the user-name check", () => {
  it("answers a name in use in another municipality exactly as one in use in one's own, without saying it is taken", async () => {
    const tsu = await f.signIn("otherAdmin");
    const iga = await f.signIn("admin");
    const elsewhere = await f.call(tsu, "POST", "/api/users", {
      username: "planning",
      role: "viewer",
      password: PASSWORD,
    });
    const here = await f.call(iga, "POST", "/api/users", {
      username: "Planning",
      role: "viewer",
      password: PASSWORD,
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.body).toBe(here.body);
    expect(elsewhere.json().error.fields).toHaveProperty("username");
    expect(elsewhere.body).not.toMatch(/taken|exists|使われて|存在/);
    expect(elsewhere.body).not.toContain("242161");
  });
});
