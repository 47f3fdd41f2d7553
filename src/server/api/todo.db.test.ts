// 対応待ち (issue 14, items 1 and 4) through the staff API: what the editor, the head and
// planning each find waiting, and department deadlines overriding the municipality's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffFixture, type Session, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
const s: Record<string, Session> = {};

beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of ["editor", "head", "planning", "viewer"]) s[who] = await f.signIn(who);
});
afterAll(() => f?.close());

async function todo(who: string) {
  const r = await f.call(s[who] as Session, "GET", "/api/todo");
  expect(r.statusCode).toBe(200);
  return r.json() as {
    count: number;
    items: { source: string; title: string; href: string; detail: string; overdue: boolean }[];
  };
}

async function move(who: string, action: string, comment?: string) {
  const look = await f.call(s[who] as Session, "GET", `/api/manifestos/${f.ids.A}`);
  const revision = look.json().manifesto.revision as number;
  const r = await f.call(s[who] as Session, "POST", `/api/manifestos/${f.ids.A}/transitions`, {
    action,
    revision,
    ...(comment && { comment }),
  });
  expect(r.statusCode, r.body).toBe(200);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("the to-do list", () => {
  it("starts empty for everyone", async () => {
    for (const who of ["editor", "head", "planning", "viewer"])
      expect((await todo(who)).count).toBe(0);
  });

  it("a submission waits for the head, then for planning; a return comes back to the department with its unresolved comments", async () => {
    await move("editor", "submit");
    expect((await todo("head")).items.map((i) => [i.source, i.href])).toEqual([
      ["approval", `/manifestos/${f.ids.A}`],
    ]);
    expect((await todo("planning")).count).toBe(0);
    await move("head", "approve");
    expect((await todo("head")).count).toBe(0);
    expect((await todo("planning")).items.map((i) => i.source)).toEqual(["approval"]);

    await move("planning", "return", "目標1の指標を見直してください");
    const editor = await todo("editor");
    const returned = editor.items.find((i) => i.source === "returned");
    expect(returned?.href).toBe(`/manifestos/${f.ids.A}#open-comments`);
    expect(returned?.detail).toContain("未解決のコメントが1件");
    // the return's comment is a reviewer's point nobody of the department answered yet
    expect(editor.items.map((i) => i.source)).toContain("comment");
    expect((await todo("planning")).count).toBe(0);
    expect((await todo("viewer")).count).toBe(0);
  });

  it("an answer in planning's thread waits for planning; a mention waits for the one named", async () => {
    const comments = await f.call(
      s.editor as Session,
      "GET",
      `/api/manifestos/${f.ids.A}/comments`,
    );
    const root = (comments.json().comments as { id: number }[])[0];
    const r = await f.call(s.editor as Session, "POST", `/api/manifestos/${f.ids.A}/comments`, {
      parentId: root?.id,
      body: "数値目標に改めました。@head 確認をお願いします",
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await todo("planning")).items.map((i) => i.source)).toEqual(["comment"]);
    expect((await todo("head")).items.map((i) => i.title).join()).toContain("あなたあてのコメント");
    expect((await todo("editor")).items.map((i) => i.source)).toEqual(["returned"]);
  });

  it("a department's own deadline overrides the municipality's: its editor sees it within 7 days, planning sees who is late", async () => {
    const year = (await f.call(s.planning as Session, "GET", "/api/overview")).json()
      .fiscalYear as number;
    const put = (body: object) =>
      f.call(s.planning as Session, "PUT", "/api/deadlines", { year, phase: "plan", ...body });
    expect((await put({ dueDate: day(f.clock.now + 30 * 86_400_000) })).statusCode).toBe(200);
    expect((await todo("editor")).items.some((i) => i.source === "deadline")).toBe(false);

    const departmentId = (
      await f.call(s.editor as Session, "GET", `/api/manifestos/${f.ids.A}`)
    ).json().manifesto.department.id as number;
    const own = await put({ department: departmentId, dueDate: day(f.clock.now - 3 * 86_400_000) });
    expect(own.statusCode, own.body).toBe(200);
    const deadline = (await todo("editor")).items.find((i) => i.source === "deadline");
    expect(deadline?.title).toContain("締切を過ぎています");
    expect(deadline?.detail).toContain("部局の期限");
    expect(deadline?.overdue).toBe(true);

    const overview = (
      await f.call(s.planning as Session, "GET", `/api/overview?year=${year}`)
    ).json();
    const row = overview.departments.find(
      (d: { department: { id: number } }) => d.department.id === departmentId,
    );
    expect([row.deadline, row.ownDeadline, row.overdue]).toEqual([
      day(f.clock.now - 3 * 86_400_000),
      true,
      true,
    ]);
    const other = overview.departments.find(
      (d: { department: { id: number } }) => d.department.id !== departmentId,
    );
    if (other) expect(other.ownDeadline).toBe(false);
    expect((await todo("planning")).items.map((i) => i.source)).toContain("late");

    // Someone else's department may not be given a deadline through this municipality.
    const foreign = await put({ department: 999_999, dueDate: "2030-01-01" });
    expect(foreign.statusCode).toBe(400);
    expect(
      (
        await f.call(s.editor as Session, "PUT", "/api/deadlines", {
          year,
          phase: "plan",
          department: departmentId,
          dueDate: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("the administrator sets an account's address", async () => {
    const admin = await f.signIn("admin");
    const id = await f.userId("head");
    const bad = await f.call(admin, "PATCH", `/api/users/${id}`, { email: "@" });
    expect(bad.statusCode).toBe(400);
    const ok = await f.call(admin, "PATCH", `/api/users/${id}`, { email: "bucho@city.iga.lg.jp" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await f.call(s.head as Session, "GET", "/api/me/notifications")).json().email).toBe(
      "bucho@city.iga.lg.jp",
    );
  });

  it("one's own address and choices", async () => {
    const bad = await f.call(s.editor as Session, "PUT", "/api/me/notifications", {
      email: "not an address",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email).toBeDefined();
    const ok = await f.call(s.editor as Session, "PUT", "/api/me/notifications", {
      email: " tanaka@city.iga.lg.jp ",
      preferences: { comment: "digest", approved: "off" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const got = (await f.call(s.editor as Session, "GET", "/api/me/notifications")).json();
    expect(got.email).toBe("tanaka@city.iga.lg.jp");
    expect(got.preferences.find((p: { kind: string }) => p.kind === "comment").mode).toBe("digest");
    expect(got.preferences.find((p: { kind: string }) => p.kind === "returned").mode).toBe(
      "immediate",
    );
  });
});
