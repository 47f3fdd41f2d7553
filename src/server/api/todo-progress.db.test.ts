// 対応待ち and the mid-year progress report (issue 14 items 1 and 5): a published plan whose
// report is due or late waits for its own department's editor, linked to its progress page,
// and for planning as a count of late departments; another department does not see it, and
// it goes once the report is submitted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../services/users/create-user.ts";
import {
  createStaffFixture,
  M1,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const s: Record<string, Session> = {};

beforeAll(async () => {
  f = await createStaffFixture();
  await createUser(f.db.ctx, {
    username: "editorB",
    password: PASSWORD,
    role: "department_editor",
    municipalityCode: M1,
    department: "企画部",
  });
  for (const who of ["editor", "head", "editorB", "planning", "viewer"]) {
    s[who] = await f.signIn(who);
  }
  // Only 総務部's plan (A) is published; 企画部's (B) is still a draft and owes nothing.
  await f.db.ctx.db
    .updateTable("manifestos")
    .set({ state: "published" })
    .where("id", "=", f.ids.A)
    .execute();
});
afterAll(() => f?.close());

interface Item {
  source: string;
  title: string;
  href: string;
  detail: string;
  overdue: boolean;
  dueDate: string | null;
}

async function progressItems(who: string): Promise<Item[]> {
  const r = await f.call(s[who] as Session, "GET", "/api/todo");
  expect(r.statusCode).toBe(200);
  return (r.json().items as Item[]).filter((i) => i.source.startsWith("progress_report"));
}

const at = (d: string) => new Date(`${d}T03:00:00Z`).getTime();

describe("progress reports in the to-do list", () => {
  it("is due within 30 days of the day (10-31 by default) for the department only", async () => {
    f.clock.now = at("2023-09-15");
    expect(await progressItems("editor")).toEqual([]);
    f.clock.now = at("2023-10-15");
    const [due, ...rest] = await progressItems("editor");
    expect(rest).toEqual([]);
    expect(due).toMatchObject({
      href: `/manifestos/${f.ids.A}/progress`,
      dueDate: "2023-10-31",
      overdue: false,
    });
    expect(due?.title).toContain("中間報告の期限まであと16日");
    // nobody is late yet
    expect(await progressItems("planning")).toEqual([]);
  });

  it("past its day it is late for the department's editor and head, not for another department; planning sees the count", async () => {
    f.clock.now = at("2023-11-15");
    for (const who of ["editor", "head"]) {
      const items = await progressItems(who);
      expect(items.map((i) => [i.href, i.overdue])).toEqual([
        [`/manifestos/${f.ids.A}/progress`, true],
      ]);
      expect(items[0]?.title).toContain("中間報告の期限を過ぎています");
      expect(items[0]?.detail).toContain("2023年10月31日");
    }
    expect(await progressItems("editorB")).toEqual([]);
    expect(await progressItems("viewer")).toEqual([]);
    const planning = await progressItems("planning");
    expect(planning.map((i) => [i.href, i.overdue])).toEqual([
      ["/dashboard?year=2023#progress-title", true],
    ]);
    expect(planning[0]?.title).toContain("1部局で未提出");
  });

  it("a draft report does not settle it; once submitted it is gone for everyone", async () => {
    const url = `/api/manifestos/${f.ids.A}/progress`;
    const saved = await f.call(s.editor as Session, "PUT", url, {
      revision: null,
      entries: [{ goal: 1, asOf: "2023-11-10", status: "順調", note: "計画どおり", values: [] }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await progressItems("editor")).length).toBe(1);
    const submit = await f.call(s.editor as Session, "POST", `${url}/transitions`, {
      reportId: saved.json().reportId,
      action: "submit",
      revision: saved.json().revision,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(await progressItems("editor")).toEqual([]);
    expect(await progressItems("head")).toEqual([]);
    expect(await progressItems("planning")).toEqual([]);
  });
});
