// The 9:00 run (issue 14, items 3 and 4): reminders follow the department's own deadline where
// it has one, go once however often the run repeats, stop once the plan is submitted; and an
// account that takes a kind as a digest gets one mail a day holding it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import {
  type NotificationSetup,
  notificationSetup,
  revisionOf,
} from "../../../test/support/notification-setup.ts";
import { type SmtpReceiver, startSmtpReceiver } from "../../../test/support/smtp-receiver.ts";
import { upsertDeadline, upsertDepartmentDeadline } from "../../db/repositories/deadlines.ts";
import { upsertPreferences } from "../../db/repositories/notification-preferences.ts";
import { reminderDay } from "../../domain/notifications/calendar.ts";
import { submitManifesto } from "../workflow/submit-manifesto.ts";
import { enqueueReminders } from "./enqueue-reminders.ts";
import { sendDueNotifications } from "./send-notifications.ts";
import { smtpMailer } from "./smtp-mailer.ts";

let db: TestDatabase;
let setup: NotificationSetup;
let smtp: SmtpReceiver;
let year: number;
let departmentId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  setup = await notificationSetup(db);
  smtp = await startSmtpReceiver();
  const m = await db.ctx.db
    .selectFrom("manifestos")
    .select(["fiscal_year", "department_id"])
    .where("id", "=", setup.manifestoId)
    .executeTakeFirstOrThrow();
  year = m.fiscal_year;
  departmentId = m.department_id;
});
afterAll(async () => {
  await smtp?.close();
  await db?.destroy();
});

async function rows() {
  return db.ctx.db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .select(["u.username", "n.kind", "n.status", "n.delivery"])
    .orderBy("n.id")
    .execute();
}

describe("the 9:00 reminder run", () => {
  it("follows the department's own date, not the municipality's, and runs once a day", async () => {
    const base = { municipalityCode: "242161", fiscalYear: year, phase: "plan", by: "test" };
    await upsertDeadline(db.ctx.db, { ...base, dueDate: "2026-06-30" });
    await upsertDepartmentDeadline(db.ctx.db, { ...base, departmentId, dueDate: "2026-06-15" });

    // 08:59 Tokyo on 8 June is still 7 June's run: nothing 7 days before the 15th yet.
    const early = reminderDay(new Date("2026-06-07T23:59:00Z"));
    expect(early).toBe("2026-06-07");
    await enqueueReminders(db.ctx.db, early);
    expect(await rows()).toEqual([]);

    const day = reminderDay(new Date("2026-06-08T00:00:00Z"));
    await enqueueReminders(db.ctx.db, day);
    await enqueueReminders(db.ctx.db, day); // a restart the same morning
    expect((await rows()).map((r) => [r.username, r.kind])).toEqual([
      ["editor", "deadline_7d"],
      ["head", "deadline_7d"],
    ]);
    await enqueueReminders(db.ctx.db, "2026-06-16");
    expect((await rows()).slice(2).map((r) => [r.username, r.kind])).toEqual([
      ["editor", "overdue"],
      ["head", "overdue"],
    ]);
    // The municipality's 30 June would call for a 7-day reminder on the 23rd: not for this
    // department, whose own day has passed (the 23rd is its weekly overdue reminder instead).
    await enqueueReminders(db.ctx.db, "2026-06-23");
    const kinds = (await rows()).map((r) => r.kind);
    expect(kinds.filter((k) => k === "deadline_7d")).toHaveLength(2);
    expect(kinds.filter((k) => k === "overdue")).toHaveLength(4);
  });

  it("nothing once the plan is submitted", async () => {
    const before = (await rows()).length;
    await submitManifesto(await setup.as("editor"), setup.manifestoId, {
      revision: await revisionOf(db, setup.manifestoId),
    });
    await enqueueReminders(db.ctx.db, "2026-06-30");
    expect((await rows()).slice(before).map((r) => r.kind)).toEqual(["awaiting_approval"]);
  });

  it("a kind taken as a digest waits for the next 9:00 run and goes as one mail", async () => {
    await db.ctx.db.deleteFrom("notifications").execute();
    const head = await setup.as("head");
    await upsertPreferences(db.ctx.db, head.user.id, [{ kind: "overdue", mode: "digest" }]);
    const editor = await setup.as("editor");
    await upsertPreferences(db.ctx.db, editor.user.id, [{ kind: "overdue", mode: "off" }]);
    await db.ctx.db
      .updateTable("manifestos")
      .set({ state: "draft" })
      .where("id", "=", setup.manifestoId)
      .execute();
    await enqueueReminders(db.ctx.db, "2026-07-07");
    expect((await rows()).map((r) => [r.username, r.kind, r.delivery, r.status])).toEqual([
      ["head", "overdue", "digest", "digested"],
      ["head", "digest", "immediate", "pending"],
    ]);
    await sendDueNotifications(db.ctx.db, smtpMailer(smtp.url, "tassei@city.iga.lg.jp"), {
      publicUrl: "https://tassei.example.lg.jp",
      messageIdDomain: "tassei.test",
    });
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([
      ["head@city.iga.lg.jp", "【Tassei】本日のお知らせ（1件）"],
    ]);
    expect(smtp.received[0]?.text).toContain("締切（2026年6月15日）を過ぎています");
  });

  it("reminds the department's editors of a progress report due in 7 days, tomorrow and late, once each", async () => {
    await db.ctx.db.deleteFrom("notifications").execute();
    await db.ctx.db
      .updateTable("manifestos")
      .set({ state: "published" })
      .where("id", "=", setup.manifestoId)
      .execute();
    const progress = async () =>
      (await rows()).filter((r) => r.kind === "progress_report_due").map((r) => r.username);
    // The default day is 31 October of the fiscal year.
    await enqueueReminders(db.ctx.db, `${year}-10-23`);
    expect(await progress()).toEqual([]);
    await enqueueReminders(db.ctx.db, `${year}-10-24`);
    await enqueueReminders(db.ctx.db, `${year}-10-24`); // a restart the same morning
    expect(await progress()).toEqual(["editor"]);
    await enqueueReminders(db.ctx.db, `${year}-10-30`);
    await enqueueReminders(db.ctx.db, `${year}-11-01`);
    expect(await progress()).toEqual(["editor", "editor", "editor"]);
    const subjects = await db.ctx.db
      .selectFrom("notifications")
      .select(["subject", "link"])
      .where("kind", "=", "progress_report_due")
      .orderBy("id")
      .execute();
    expect(subjects.map((s) => s.subject.split(":")[0])).toEqual([
      "【Tassei】中間報告の期限まで7日です",
      "【Tassei】中間報告の期限は明日です",
      "【Tassei】中間報告の期限を過ぎています",
    ]);
    expect(subjects[0]?.link).toBe(`/staff/manifestos/${setup.manifestoId}/progress`);
    // Once the report is submitted, nothing more (8 November would be the weekly reminder).
    await db.ctx.db
      .insertInto("progress_reports")
      .values({
        manifesto_id: setup.manifestoId,
        state: "submitted",
        current_revision: 1,
        entries: JSON.stringify([]),
        submitted_at: new Date(`${year}-11-02T00:00:00Z`),
      })
      .execute();
    await enqueueReminders(db.ctx.db, `${year}-11-08`);
    expect(await progress()).toHaveLength(3);
  });
});
