// User administration through the API: what an administrator of a municipality may do to
// accounts, what no one may do (reach into another municipality, make an installation
// administrator, change their own role or disable themselves), and that each change is
// recorded with its audit event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStaffFixture,
  M1,
  M2,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
let admin: Session;
let installation: Session;

beforeAll(async () => {
  f = await createStaffFixture();
  admin = await f.signIn("admin");
  installation = await f.signIn("installation");
});
afterAll(() => f?.close());

const call: StaffFixture["call"] = (...args) => f.call(...args);

const userId = (username: string) => f.userId(username);

async function departmentId(municipalityCode: string, name: string): Promise<number> {
  const row = await f.db.ctx.db
    .selectFrom("departments")
    .select("id")
    .where("municipality_code", "=", municipalityCode)
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function auditCount(action: string): Promise<number> {
  const rows = await f.db.ctx.db
    .selectFrom("audit_events")
    .select("id")
    .where("action", "=", action)
    .execute();
  return rows.length;
}

describe("GET /api/users", () => {
  it("lists the administrator's municipality only, with departments and allowed actions", async () => {
    const r = await call(admin, "GET", "/api/users");
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.municipalityCode).toBe(M1);
    const names = body.users.map((u: { username: string }) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(["viewer", "editor", "head", "planning", "admin"]),
    );
    expect(names).not.toContain("otherAdmin");
    expect(names).not.toContain("installation");
    expect(body.departments.map((d: { name: string }) => d.name).sort()).toEqual([
      "企画部",
      "総務部",
    ]);
    const self = body.users.find((u: { username: string }) => u.username === "admin");
    expect(self.allowed).toEqual({
      read: true,
      manage: true,
      changeRole: false,
      disable: false,
      resetPassword: false,
    });
    const editor = body.users.find((u: { username: string }) => u.username === "editor");
    expect(editor).toMatchObject({
      role: "department_editor",
      roleLabel: "部局の担当者",
      department: { name: "総務部" },
      disabled: false,
    });
    expect(editor.allowed.changeRole).toBe(true);
  });

  it("lists everyone to the installation administrator, or one municipality", async () => {
    const all = (await call(installation, "GET", "/api/users")).json();
    expect(all.municipalityCode).toBeNull();
    const names = all.users.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(["admin", "otherAdmin", "installation"]));
    const m2 = (await call(installation, "GET", `/api/users?municipality=${M2}`)).json();
    expect(m2.users.map((u: { username: string }) => u.username)).toEqual(["otherAdmin"]);
  });

  it("hides another municipality from a municipal administrator (404)", async () => {
    const r = await call(admin, "GET", `/api/users?municipality=${M2}`);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain("otherAdmin");
  });
});

describe("POST /api/users", () => {
  it("creates an account of the administrator's municipality, recorded in the audit trail", async () => {
    const before = await auditCount("user.created");
    const dept = await departmentId(M1, "企画部");
    const r = await call(admin, "POST", "/api/users", {
      username: "kikaku-tanto",
      displayName: "企画 太郎",
      role: "department_editor",
      departmentId: dept,
      password: PASSWORD,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().user).toMatchObject({
      username: "kikaku-tanto",
      displayName: "企画 太郎",
      role: "department_editor",
      municipalityCode: M1,
      department: { id: dept, name: "企画部" },
    });
    expect(await auditCount("user.created")).toBe(before + 1);
    // The new account signs in and sees its department.
    const s = await f.signIn("kikaku-tanto");
    const ov = (await call(s, "GET", "/api/overview?year=2023")).json();
    expect(ov.departments.map((d: { department: { name: string } }) => d.department.name)).toEqual([
      "企画部",
    ]);
  });

  it("creates an account with an e-mail address, shown in the list; refuses a malformed one", async () => {
    const dept = await departmentId(M1, "企画部");
    const base = { role: "department_editor", departmentId: dept, password: PASSWORD };
    const bad = await call(admin, "POST", "/api/users", {
      ...base,
      username: "mail-bad",
      email: "not-an-address",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("email");
    const r = await call(admin, "POST", "/api/users", {
      ...base,
      username: "mail-tanto",
      email: " tanto@example.lg.jp ",
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().user.email).toBe("tanto@example.lg.jp");
    const list = (await call(admin, "GET", "/api/users")).json();
    const row = list.users.find((u: { username: string }) => u.username === "mail-tanto");
    expect(row.email).toBe("tanto@example.lg.jp");
  });

  it("refuses a password shorter than the policy, naming the field", async () => {
    const r = await call(admin, "POST", "/api/users", {
      username: "short-pass",
      role: "viewer",
      password: "short",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("password");
  });

  it("names each refused field", async () => {
    const r = await call(admin, "POST", "/api/users", {
      username: "x",
      role: "superuser",
      password: PASSWORD,
      colour: "red",
    });
    expect(r.statusCode).toBe(400);
    // Unknown keys are reported on the body as a whole (parse.ts), by name.
    expect(Object.keys(r.json().error.fields).sort()).toEqual(["$", "role"]);
    expect(r.json().error.fields.$).toContain("colour");
    const bad = await call(admin, "POST", "/api/users", {
      username: "x",
      role: "viewer",
      password: PASSWORD,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("username");
  });

  it("needs a department for a department role, and only for one", async () => {
    const without = await call(admin, "POST", "/api/users", {
      username: "no-dept",
      role: "department_head",
      password: PASSWORD,
    });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.fields).toHaveProperty("departmentId");
    const extra = await call(admin, "POST", "/api/users", {
      username: "planning-with-dept",
      role: "planning",
      departmentId: await departmentId(M1, "総務部"),
      password: PASSWORD,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toHaveProperty("departmentId");
  });

  it("refuses another municipality's department", async () => {
    const r = await call(admin, "POST", "/api/users", {
      username: "wrong-dept",
      role: "department_editor",
      departmentId: await departmentId(M2, "総務部"),
      password: PASSWORD,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("departmentId");
  });

  it("refuses a username that is taken, in either case (409)", async () => {
    const r = await call(admin, "POST", "/api/users", {
      username: "EDITOR",
      role: "viewer",
      password: PASSWORD,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.fields).toHaveProperty("username");
  });

  it("never lets a municipal administrator create an account elsewhere or an installation administrator", async () => {
    const before = await auditCount("user.created");
    const elsewhere = await call(admin, "POST", "/api/users", {
      username: "tsu-user",
      role: "admin",
      municipality: M2,
      password: PASSWORD,
    });
    expect(elsewhere.statusCode).toBe(404);
    const operator = await call(admin, "POST", "/api/users", {
      username: "new-operator",
      role: "admin",
      municipality: null,
      password: PASSWORD,
    });
    expect(operator.statusCode).toBe(403);
    expect(await auditCount("user.created")).toBe(before);
  });

  it("lets the installation administrator create accounts anywhere, and another operator", async () => {
    const tsu = await call(installation, "POST", "/api/users", {
      username: "tsu-planning",
      role: "planning",
      municipality: M2,
      password: PASSWORD,
    });
    expect(tsu.statusCode).toBe(201);
    expect(tsu.json().user.municipalityCode).toBe(M2);
    const operator = await call(installation, "POST", "/api/users", {
      username: "second-operator",
      role: "admin",
      municipality: null,
      password: PASSWORD,
    });
    expect(operator.statusCode).toBe(201);
    // Without a municipality, only the admin role is possible.
    const planner = await call(installation, "POST", "/api/users", {
      username: "nowhere-planner",
      role: "planning",
      password: PASSWORD,
    });
    expect(planner.statusCode).toBe(400);
    expect(planner.json().error.fields).toHaveProperty("municipality");
  });
});

describe("PATCH /api/users/:id", () => {
  it("changes a role and department, effective on the user's next request", async () => {
    const id = await userId("viewer");
    const session = await f.signIn("viewer");
    const dept = await departmentId(M1, "総務部");
    const before = await auditCount("user.updated");
    const r = await call(admin, "PATCH", `/api/users/${id}`, {
      role: "department_editor",
      departmentId: dept,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().user).toMatchObject({ role: "department_editor", department: { id: dept } });
    expect(await auditCount("user.updated")).toBe(before + 1);
    const me = (await call(session, "GET", "/api/session")).json();
    expect(me.user).toMatchObject({ role: "department_editor", departmentId: dept });
    // And back: the department goes with the department role.
    const back = await call(admin, "PATCH", `/api/users/${id}`, { role: "viewer" });
    expect(back.statusCode).toBe(200);
    expect(back.json().user).toMatchObject({ role: "viewer", department: null });
  });

  it("needs a department when the new role is a department role", async () => {
    const r = await call(admin, "PATCH", `/api/users/${await userId("planning")}`, {
      role: "department_head",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("departmentId");
  });

  it("makes a municipal administrator, never an installation administrator", async () => {
    const r = await call(admin, "PATCH", `/api/users/${await userId("planning")}`, {
      role: "admin",
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().user).toMatchObject({ role: "admin", municipalityCode: M1 });
    const again = await call(admin, "PATCH", `/api/users/${await userId("planning")}`, {
      role: "planning",
      municipality: null,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.$).toContain("municipality");
    await call(admin, "PATCH", `/api/users/${await userId("planning")}`, { role: "planning" });
  });

  it("does not let anyone change their own role or disable themselves", async () => {
    const me = await userId("admin");
    const role = await call(admin, "PATCH", `/api/users/${me}`, { role: "viewer" });
    expect(role.statusCode).toBe(403);
    const disable = await call(admin, "PATCH", `/api/users/${me}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    // The display name is one's own to change.
    const name = await call(admin, "PATCH", `/api/users/${me}`, { displayName: "管理 花子" });
    expect([name.statusCode, name.json().user.displayName]).toEqual([200, "管理 花子"]);
  });

  it("keeps an installation administrator an administrator", async () => {
    const r = await call(installation, "PATCH", `/api/users/${await userId("second-operator")}`, {
      role: "planning",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("role");
  });

  it("disables an account: its sessions end at once and it cannot sign in; enabling restores it", async () => {
    const id = await userId("head");
    const session = await f.signIn("head");
    const r = await call(admin, "PATCH", `/api/users/${id}`, { disabled: true });
    expect([r.statusCode, r.json().user.disabled]).toEqual([200, true]);
    expect((await call(session, "GET", "/api/session")).statusCode).toBe(401);
    await expect(f.signIn("head")).rejects.toThrow(/401/);
    const sessions = await f.db.ctx.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", id)
      .execute();
    expect(sessions).toEqual([]);
    await call(admin, "PATCH", `/api/users/${id}`, { disabled: false });
    const again = await f.signIn("head");
    expect((await call(again, "GET", "/api/session")).statusCode).toBe(200);
  });

  it("refuses an empty change and an unknown field", async () => {
    const id = await userId("editor");
    expect((await call(admin, "PATCH", `/api/users/${id}`, {})).statusCode).toBe(400);
    const r = await call(admin, "PATCH", `/api/users/${id}`, { password: PASSWORD });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.$).toContain("password");
  });

  it("answers 404 for an account of another municipality or none", async () => {
    expect(
      (await call(admin, "PATCH", `/api/users/${await userId("otherAdmin")}`, { disabled: true }))
        .statusCode,
    ).toBe(404);
    expect((await call(admin, "PATCH", "/api/users/999999", { disabled: true })).statusCode).toBe(
      404,
    );
    expect((await call(admin, "PATCH", "/api/users/abc", { disabled: true })).statusCode).toBe(400);
  });
});

describe("POST /api/users/:id/password", () => {
  it("sets the password: the old one stops working, the new one works, sessions end", async () => {
    const id = await userId("editor");
    const session = await f.signIn("editor");
    const before = await auditCount("user.password_set");
    const fresh = "a new long passphrase 2024";
    const r = await call(admin, "POST", `/api/users/${id}/password`, { password: fresh });
    expect(r.statusCode).toBe(200);
    expect(r.json().revokedSessions).toBeGreaterThanOrEqual(1);
    expect(await auditCount("user.password_set")).toBe(before + 1);
    expect((await call(session, "GET", "/api/session")).statusCode).toBe(401);
    await expect(f.signIn("editor")).rejects.toThrow(/401/);
    await f.signIn("editor", fresh);
  });

  it("applies the password policy", async () => {
    const r = await call(admin, "POST", `/api/users/${await userId("viewer")}/password`, {
      password: "too short",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("password");
  });
});
