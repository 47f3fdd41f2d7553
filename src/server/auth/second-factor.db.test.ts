// Two-factor sign-in for local accounts (issue 16), through the HTTP API on a real database
// and on a fixed clock: enrolment with a QR code, sign-in asking for the code after the
// password, a code good once only, recovery codes kept hashed and used once, the throttle,
// a municipality requiring a factor for a role, local passwords switched off, and the audit.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../services/auth/totp.ts";
import { createUser } from "../../services/users/create-user.ts";
import {
  createStaffFixture,
  M1,
  nextIp,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "../api/staff-test-setup.ts";

const FIXED = Date.UTC(2026, 3, 1, 0, 0, 10); // 10 s into a 30-second step
let f: StaffFixture;

beforeAll(async () => {
  f = await createStaffFixture({ loginLimits: { perUsername: 5, perIp: 50, windowMs: 60_000 } });
  f.clock.now = FIXED;
  for (const username of ["totp-a", "totp-b", "totp-c", "totp-d"]) {
    await createUser(f.db.ctx, {
      username,
      password: PASSWORD,
      role: "viewer",
      municipalityCode: M1,
    });
  }
});
afterAll(() => f?.close());

const at = (ms: number) => new Date(ms);
const passwordStep = (username: string, ip = nextIp()) =>
  f.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password: PASSWORD },
    remoteAddress: ip,
  });
const codeStep = (challenge: string, code: string, ip = nextIp()) =>
  f.app.inject({
    method: "POST",
    url: "/api/session/second-factor",
    payload: { challenge, code },
    remoteAddress: ip,
  });
const actions = async (username: string) =>
  (
    await f.db.handle.db
      .selectFrom("audit_events")
      .select(["action", "detail"])
      .orderBy("id")
      .execute()
  )
    .filter((e) => (e.detail as { username?: string }).username === username)
    .map(
      (e) =>
        `${e.action}${(e.detail as { reason?: string }).reason ? `:${(e.detail as { reason: string }).reason}` : ""}`,
    );

/** Enrols the account at the fixed clock and returns its secret and recovery codes. */
async function enrol(who: Session) {
  const start = await f.call(who, "POST", "/api/session/second-factor/enrolment");
  expect(start.statusCode).toBe(200);
  const { secret, uri, qrCode } = start.json();
  const done = await f.call(who, "PUT", "/api/session/second-factor/enrolment", {
    code: await totpCodeAt(secret, at(f.clock.now)),
  });
  expect(done.statusCode).toBe(200);
  return {
    secret: secret as string,
    uri: uri as string,
    qrCode: qrCode as string,
    recoveryCodes: done.json().recoveryCodes as string[],
  };
}

describe("enrolment", () => {
  it("shows a QR code drawn locally, refuses a wrong first code and then holds with ten recovery codes", async () => {
    const who = await f.signIn("totp-a");
    const start = await f.call(who, "POST", "/api/session/second-factor/enrolment");
    expect(start.statusCode).toBe(200);
    const body = start.json();
    expect(body.uri).toBe(
      `otpauth://totp/Tassei:totp-a%20(${M1})?secret=${body.secret}&issuer=Tassei`,
    );
    expect(body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(body.qrCode.split(",")[1], "base64").toString();
    expect(svg).toContain("<svg");
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    const wrong = await f.call(who, "PUT", "/api/session/second-factor/enrolment", {
      code: "000000" === (await totpCodeAt(body.secret, at(FIXED))) ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ code: "確認コードが正しくありません" });

    const ok = await f.call(who, "PUT", "/api/session/second-factor/enrolment", {
      code: await totpCodeAt(body.secret, at(FIXED)),
    });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const status = await f.call(who, "GET", "/api/session/second-factor");
    expect(status.json()).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });
    // A second enrolment over a confirmed factor is refused: only an administrator resets it.
    expect((await f.call(who, "POST", "/api/session/second-factor/enrolment")).statusCode).toBe(
      409,
    );
    // Recovery codes are kept only as hashes.
    const stored = await f.db.handle.db
      .selectFrom("user_recovery_codes")
      .select("code_hash")
      .execute();
    const hashes = stored.map((r) => r.code_hash);
    for (const c of codes) {
      expect(hashes).not.toContain(c);
      expect(hashes).toContain(crypto.createHash("sha256").update(c).digest("hex"));
    }
    expect(await actions("totp-a")).toEqual(
      expect.arrayContaining(["auth.totp_enrolment_started", "auth.totp_enrolled"]),
    );
  });
});

describe("signing in with a second factor", () => {
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol(await f.signIn("totp-b")));
  });

  it("asks for the code after the password: no session until the code is right", async () => {
    const first = await passwordStep("totp-b");
    expect(first.statusCode).toBe(202);
    expect(first.headers["set-cookie"]).toBeUndefined();
    const { challenge, secondFactor } = first.json();
    expect(secondFactor).toBe("totp");

    const wrong = await codeStep(
      challenge,
      "123456" === (await totpCodeAt(secret, at(f.clock.now))) ? "654321" : "123456",
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe("確認コードが正しくありません");

    f.clock.now = FIXED + 60_000; // a later step than the enrolment's
    const right = await codeStep(challenge, await totpCodeAt(secret, at(f.clock.now)));
    expect(right.statusCode).toBe(200);
    expect(String(right.headers["set-cookie"])).toMatch(/^tassei_session=/);
    expect(right.json().user.username).toBe("totp-b");
    // The challenge is spent.
    expect((await codeStep(challenge, await totpCodeAt(secret, at(f.clock.now)))).statusCode).toBe(
      401,
    );
  });

  it("refuses the same code twice (a replay), and takes the next step's code", async () => {
    f.clock.now = FIXED + 120_000;
    const code = await totpCodeAt(secret, at(f.clock.now));
    const a = (await passwordStep("totp-b")).json().challenge;
    expect((await codeStep(a, code)).statusCode).toBe(200);
    const b = (await passwordStep("totp-b")).json().challenge;
    expect((await codeStep(b, code)).statusCode).toBe(401);
    f.clock.now += 30_000;
    expect((await codeStep(b, await totpCodeAt(secret, at(f.clock.now)))).statusCode).toBe(200);
    expect(await actions("totp-b")).toContain("auth.second_factor_failed:code_reused");
  });

  it("accepts a code one step old (a slow phone) but not three steps old", async () => {
    f.clock.now = FIXED + 600_000;
    const c = (await passwordStep("totp-b")).json().challenge;
    expect((await codeStep(c, await totpCodeAt(secret, at(f.clock.now - 90_000)))).statusCode).toBe(
      401,
    );
    expect((await codeStep(c, await totpCodeAt(secret, at(f.clock.now - 30_000)))).statusCode).toBe(
      200,
    );
  });

  it("takes a recovery code once, typed in any case and without its dash", async () => {
    f.clock.now = FIXED + 900_000;
    const code = recoveryCodes[0] ?? "";
    const c1 = (await passwordStep("totp-b")).json().challenge;
    const typed = code.replace("-", "").toUpperCase();
    const r = await codeStep(c1, typed);
    expect(r.statusCode).toBe(200);
    const c2 = (await passwordStep("totp-b")).json().challenge;
    expect((await codeStep(c2, code)).statusCode).toBe(401);
    const who = {
      cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "",
      csrfToken: r.json().csrfToken,
    };
    const status = await f.call(
      { ...who, headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken } },
      "GET",
      "/api/session/second-factor",
    );
    expect(status.json().recoveryCodesLeft).toBe(9);
    expect(await actions("totp-b")).toContain("auth.login");
  });

  it("lets a challenge run out after five minutes", async () => {
    f.clock.now = FIXED + 1_200_000;
    const c = (await passwordStep("totp-b")).json().challenge;
    f.clock.now += 5 * 60_000 + 1;
    const r = await codeStep(c, await totpCodeAt(secret, at(f.clock.now)));
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toContain("もう一度ユーザー名とパスワードから");
  });

  it("throttles wrong codes like wrong passwords (429 with Retry-After)", async () => {
    f.clock.now = FIXED + 1_800_000;
    const ip = nextIp();
    const c = (await passwordStep("totp-b", ip)).json().challenge;
    const right = await totpCodeAt(secret, at(f.clock.now));
    const wrongCode = right === "999999" ? "999998" : "999999";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await codeStep(c, wrongCode, ip)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await codeStep(c, right, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(await actions("totp-b")).toContain("auth.second_factor_failed:rate_limited");
  });
});

describe("a municipality's sign-in policy", () => {
  it("is changed by the municipality's administrator only, and audited", async () => {
    const url = `/api/admin/municipalities/${M1}/sign-in-policy`;
    const policy = { totpRequired: false, totpRequiredRoles: ["viewer"], localPasswords: true };
    const planning = await f.signIn("planning");
    expect((await f.call(planning, "PUT", url, policy)).statusCode).toBe(403);
    const other = await f.signIn("otherAdmin");
    expect((await f.call(other, "PUT", url, policy)).statusCode).toBe(404);
    const admin = await f.signIn("admin");
    const r = await f.call(admin, "PUT", url, policy);
    expect(r.statusCode).toBe(200);
    expect(r.json().policy).toEqual(policy);
    const audit = await f.db.handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "=", "auth.sign_in_policy_changed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("requires a factor for a role: such a session may only enrol until it has", async () => {
    f.clock.now = FIXED + 3_600_000;
    const who = await f.signIn("totp-c");
    expect((await f.call(who, "GET", "/api/session")).json().mustEnrol).toBe(true);
    const blocked = await f.call(who, "GET", "/api/manifestos");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("second_factor_enrolment_required");
    await enrol(who);
    expect((await f.call(who, "GET", "/api/manifestos")).statusCode).toBe(200);
    expect((await f.call(who, "GET", "/api/session")).json().mustEnrol).toBe(false);
    // Roles not named are not asked.
    const planning = await f.signIn("planning");
    expect((await f.call(planning, "GET", "/api/manifestos")).statusCode).toBe(200);
  });

  it("switches local passwords off for everyone but the municipality's administrators", async () => {
    const admin = await f.signIn("admin");
    const url = `/api/admin/municipalities/${M1}/sign-in-policy`;
    const off = { totpRequired: false, totpRequiredRoles: [], localPasswords: false };
    expect((await f.call(admin, "PUT", url, off)).statusCode).toBe(200);
    const r = await passwordStep("totp-d");
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain("シングルサインオン");
    expect((await passwordStep("admin")).statusCode).toBe(200);
    expect((await passwordStep("otherAdmin")).statusCode).toBe(200);
    expect(await actions("totp-d")).toContain("auth.login_failed:local_passwords_off");
    await f.call(admin, "PUT", url, { ...off, localPasswords: true });
    expect((await passwordStep("totp-d")).statusCode).toBe(200);
  });

  it("lets an administrator remove a lost factor: the account signs in with its password again", async () => {
    const admin = await f.signIn("admin");
    const id = await f.userId("totp-a");
    expect((await passwordStep("totp-a")).statusCode).toBe(202);
    const viewer = await f.signIn("viewer");
    // Who may not see the account gets 404, as everywhere.
    expect((await f.call(viewer, "DELETE", `/api/users/${id}/second-factor`)).statusCode).toBe(404);
    expect((await f.call(admin, "DELETE", `/api/users/${id}/second-factor`)).statusCode).toBe(204);
    expect((await passwordStep("totp-a")).statusCode).toBe(200);
    expect(await actions("totp-a")).toContain("auth.second_factor_reset");
  });
});
