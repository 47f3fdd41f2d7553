// 中間報告の設定 through the staff API: the municipality's administrator sets the status words
// and the due day (audited in the same transaction); planning and the others read but may not
// change them (403), another municipality does not see them (404); a bad word or day is
// refused naming its field and nothing changes; the progress page then offers the new words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffFixture, M1, type Session, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
const s: Record<string, Session> = {};
beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of ["admin", "planning", "editor", "otherAdmin", "installation"]) {
    s[who] = await f.signIn(who);
  }
});
afterAll(() => f?.close());

const url = `/api/admin/municipalities/${M1}/progress-settings`;
const words = {
  statuses: [
    { label: "順調", behind: false },
    { label: "強化要", behind: true },
    { label: "困難", behind: true },
  ],
  dueMonthDay: "11-15",
};

async function stored() {
  const row = await f.db.ctx.db
    .selectFrom("municipalities")
    .select("progress_settings")
    .where("code", "=", M1)
    .executeTakeFirstOrThrow();
  return row.progress_settings;
}

async function auditCount() {
  const rows = await f.db.ctx.db
    .selectFrom("audit_events")
    .select("detail")
    .where("action", "=", "municipality.updated")
    .where("municipality_code", "=", M1)
    .execute();
  return rows.length;
}

describe("the municipality's progress status words", () => {
  it("are the defaults until set, readable by the municipality's staff", async () => {
    const r = await f.call(s.planning as Session, "GET", url);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      isDefault: true,
      settings: { dueMonthDay: "10-31" },
      allowed: { read: true, manage: false },
    });
    expect((await f.call(s.otherAdmin as Session, "GET", url)).statusCode).toBe(404);
  });

  it("only an administrator changes them", async () => {
    for (const who of ["planning", "editor"]) {
      const r = await f.call(s[who] as Session, "PUT", url, { settings: words });
      expect(r.statusCode, who).toBe(403);
    }
    expect(
      (await f.call(s.otherAdmin as Session, "PUT", url, { settings: words })).statusCode,
    ).toBe(404);
    expect(await stored()).toBeNull();
  });

  it("a bad word or day is refused naming its field, and nothing changes", async () => {
    const before = await auditCount();
    const bad = await f.call(s.admin as Session, "PUT", url, {
      settings: {
        statuses: [
          { label: "順調", behind: false },
          { label: " ", behind: true },
        ],
        dueMonthDay: "13-01",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["提出期限", "状況2の語"]);
    const repeated = await f.call(s.admin as Session, "PUT", url, {
      settings: { ...words, statuses: [words.statuses[0], words.statuses[0]] },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.fields).toHaveProperty("状況の語");
    const shape = await f.call(s.admin as Session, "PUT", url, {
      settings: { ...words, statuses: [{ label: "順調", behind: "no" }] },
    });
    expect(shape.statusCode).toBe(400);
    expect(Object.keys(shape.json().error.fields)).toEqual(["settings.statuses[0].behind"]);
    expect(await stored()).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("the administrator sets them, audited, and the progress page offers them; null goes back to the defaults", async () => {
    const before = await auditCount();
    const r = await f.call(s.admin as Session, "PUT", url, { settings: words });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ isDefault: false, settings: words });
    expect(await stored()).toEqual(words);
    expect(await auditCount()).toBe(before + 1);
    const page = await f.call(s.editor as Session, "GET", `/api/manifestos/${f.ids.A}/progress`);
    expect(JSON.stringify(page.json())).toContain("強化要");
    const reset = await f.call(s.admin as Session, "PUT", url, { settings: null });
    expect(reset.json()).toMatchObject({ isDefault: true, settings: { dueMonthDay: "10-31" } });
    expect(await stored()).toBeNull();
  });
});
