// `tassei user …` run as a real child process against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { login } from "../../services/auth/login.ts";
import { resolveSession } from "../../services/auth/resolve-session.ts";
import { importManifesto } from "../../services/import-manifesto.ts";

let db: TestDatabase;

function tassei(args: string[], input?: string) {
  return runCli(args, db.env, input);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await importManifesto(db.ctx, demoDocument());
  // A department with its own code: `--department` finds it by the name as well as the code.
  const zaimu = demoDocument();
  zaimu.department = { name: "財務部", code: "03" };
  await importManifesto(db.ctx, zaimu);
  await db.close(); // the child process takes the embedded database's lock
});
afterAll(() => db?.destroy());

describe("tassei user", () => {
  it("adds the first administrator with the password from stdin, lists it, and it can sign in", async () => {
    const add = tassei(
      [
        "user",
        "add",
        "--username",
        "iga-admin",
        "--role",
        "admin",
        "--municipality",
        "242161",
        "--password-stdin",
      ],
      "a long admin password\n",
    );
    expect(add.stderr).toBe("");
    expect(add.status).toBe(0);
    expect(add.stdout).toContain("created user iga-admin (admin, 242161)");

    const editor = tassei(
      [
        "user",
        "add",
        "--username",
        "somu1",
        "--role",
        "department_editor",
        "--municipality",
        "242161",
        "--department",
        "総務部",
        "--display-name",
        "伊賀 太郎",
        "--password-stdin",
      ],
      "another long password",
    );
    expect(editor.status).toBe(0);

    const list = tassei(["user", "list", "--json"]);
    expect(list.status).toBe(0);
    const users = JSON.parse(list.stdout) as {
      username: string;
      role: string;
      departmentName: string | null;
    }[];
    expect(users.map((u) => [u.username, u.role, u.departmentName])).toEqual([
      ["iga-admin", "admin", null],
      ["somu1", "department_editor", "総務部"],
    ]);
    expect(tassei(["user", "list"]).stdout).toContain(
      "somu1\tdepartment_editor\t242161\t総務部\t伊賀 太郎\tactive",
    );

    await db.reopen();
    try {
      const now = new Date();
      const ok = await login(db.ctx, {
        username: "iga-admin",
        password: "a long admin password",
        ip: "127.0.0.1",
        now,
      });
      expect(ok.ok).toBe(true);
      const trailing = await login(db.ctx, {
        username: "iga-admin",
        password: "a long admin password\n",
        ip: "127.0.0.1",
        now,
      });
      expect(trailing.ok).toBe(false);
    } finally {
      await db.close();
    }
  });

  it("refuses short passwords, a missing password source, unknown departments and roles (exit 2)", () => {
    const short = tassei(
      ["user", "add", "--username", "x-admin", "--role", "admin", "--password-stdin"],
      "short\n",
    );
    expect(short.status).toBe(2);
    // The CLI prints known validation messages in Japanese (issue 12), naming the field.
    expect(short.stderr).toContain("password: 12文字以上で入力してください");

    const noSource = tassei(["user", "add", "--username", "x-admin", "--role", "admin"], "");
    expect(noSource.status).toBe(2);
    expect(noSource.stderr).toContain("--password-stdin");

    const dept = tassei(
      [
        "user",
        "add",
        "--username",
        "x-ed",
        "--role",
        "department_editor",
        "--municipality",
        "242161",
        "--department",
        "存在しない部",
        "--password-stdin",
      ],
      "a long enough password",
    );
    expect(dept.status).toBe(2);
    expect(dept.stderr).toContain("存在しない部");

    const viewer = tassei(
      ["user", "add", "--username", "x-view", "--role", "viewer", "--password-stdin"],
      "a long enough password",
    );
    expect(viewer.status).toBe(2);
    expect(viewer.stderr).toContain("municipality");

    expect(
      tassei(["user", "add", "--username", "x", "--role", "king", "--password-stdin"], "").status,
    ).toBe(2);
    expect(tassei(["user", "list", "--json"]).stdout).not.toContain("x-");
  });

  it("finds a department that has a code by its name and by its code", () => {
    for (const [username, department] of [
      ["zaimu-by-name", "財務部"],
      ["zaimu-by-code", "03"],
    ] as const) {
      const r = tassei(
        [
          "user",
          "add",
          "--username",
          username,
          "--role",
          "department_editor",
          "--municipality",
          "242161",
          "--department",
          department,
          "--password-stdin",
        ],
        "a long enough password",
      );
      expect(r.stderr, department).toBe("");
      expect(r.status, department).toBe(0);
    }
    const users = JSON.parse(tassei(["user", "list", "--json"]).stdout) as {
      username: string;
      departmentName: string | null;
    }[];
    expect(users.filter((u) => u.username.startsWith("zaimu-"))).toMatchObject([
      { username: "zaimu-by-code", departmentName: "財務部" },
      { username: "zaimu-by-name", departmentName: "財務部" },
    ]);
  });

  it("refuses a second account with the same name in any case (exit 2: refused input)", () => {
    const dup = tassei(
      ["user", "add", "--username", "IGA-ADMIN", "--role", "admin", "--password-stdin"],
      "a long admin password",
    );
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain("already exists");
  });

  it("set-password changes the password and ends the user's sessions", async () => {
    await db.reopen();
    const now = new Date();
    const before = await login(db.ctx, {
      username: "somu1",
      password: "another long password",
      ip: "127.0.0.2",
      now,
    });
    if (!before.ok) throw new Error("sign-in failed");
    await db.close();

    const r = tassei(
      ["user", "set-password", "--username", "somu1", "--password-stdin"],
      "a brand new password\n",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 session(s) ended");

    await db.reopen();
    try {
      expect(await resolveSession(db.ctx, before.token, now)).toBeUndefined();
      const after = await login(db.ctx, {
        username: "somu1",
        password: "a brand new password",
        ip: "127.0.0.3",
        now,
      });
      expect(after.ok).toBe(true);
    } finally {
      await db.close();
    }
    expect(
      tassei(
        ["user", "set-password", "--username", "nobody", "--password-stdin"],
        "a long enough password",
      ).status,
    ).toBe(2);
  });

  it("--email gives the account the address its notifications go to; a malformed one is refused (exit 2)", async () => {
    const args = (username: string, email: string) => [
      "user",
      "add",
      "--username",
      username,
      "--role",
      "planning",
      "--municipality",
      "242161",
      "--email",
      email,
      "--password-stdin",
    ];
    const bad = tassei(args("kikaku-bad", "not-an-address"), "a long planning password\n");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("email");
    const ok = tassei(args("kikaku-mail", "kikaku@city.iga.lg.jp"), "a long planning password\n");
    expect(ok.status, ok.stderr).toBe(0);
    await db.reopen();
    try {
      const row = await db.ctx.db
        .selectFrom("users")
        .select("email")
        .where("username", "=", "kikaku-mail")
        .executeTakeFirstOrThrow();
      expect(row.email).toBe("kikaku@city.iga.lg.jp");
    } finally {
      await db.close();
    }
  });
});
