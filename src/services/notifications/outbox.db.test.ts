// Durable delivery (issue 14, item 3) against a real SMTP server: notifications are written
// with the change that causes them, and every one arrives exactly once — through a relay
// that is down for a while, a process that dies before sending or while sending, and two
// senders working at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import {
  type NotificationSetup,
  notificationSetup,
  revisionOf,
} from "../../../test/support/notification-setup.ts";
import { type SmtpReceiver, startSmtpReceiver } from "../../../test/support/smtp-receiver.ts";
import { startTcpProxy, type TcpProxy } from "../../../test/support/tcp-proxy.ts";
import { openDatabase } from "../../db/connection.ts";
import { insertNotifications } from "../../db/repositories/notifications.ts";
import { approveManifesto } from "../workflow/approve-manifesto.ts";
import { WorkflowConflictError } from "../workflow/move-manifesto.ts";
import { returnManifesto } from "../workflow/return-manifesto.ts";
import { submitManifesto } from "../workflow/submit-manifesto.ts";
import { sendDueNotifications } from "./send-notifications.ts";
import { smtpMailer } from "./smtp-mailer.ts";

let db: TestDatabase;
let setup: NotificationSetup;
let smtp: SmtpReceiver;
let relay: TcpProxy;

const OPTIONS = { publicUrl: "https://tassei.example.lg.jp", messageIdDomain: "tassei.test" };

beforeAll(async () => {
  db = await createTestDatabase();
  setup = await notificationSetup(db);
  smtp = await startSmtpReceiver();
  relay = await startTcpProxy(smtp.port);
});
afterAll(async () => {
  await relay?.close();
  await smtp?.close();
  await db?.destroy();
});
beforeEach(async () => {
  await db.ctx.db.deleteFrom("notifications").execute();
  smtp.received.length = 0;
  relay.restore();
});

async function outbox() {
  return db.ctx.db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .select(["n.key", "n.kind", "n.status", "n.attempts", "u.username"])
    .orderBy("n.id")
    .execute();
}

function mailer() {
  return smtpMailer(`smtp://127.0.0.1:${relay.port}`, "tassei@city.iga.lg.jp");
}

/** Many distinct notifications for the editor, as a busy review would leave. */
async function queue(n: number) {
  const editor = await setup.as("editor");
  await insertNotifications(
    db.ctx.db,
    Array.from({ length: n }, (_, i) => ({
      key: `test:${i}`,
      userId: editor.user.id,
      kind: "comment",
      delivery: "immediate" as const,
      subject: `件名 ${i}`,
      body: `本文 ${i}`,
      link: `/staff/manifestos/${setup.manifestoId}`,
    })),
  );
}

function countByMessageId(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

describe("notifications are written with the change", () => {
  it("a submission tells the head, the head's sign-off tells planning, a return tells the department; a refused move tells nobody", async () => {
    const id = setup.manifestoId;
    await submitManifesto(await setup.as("editor"), id, { revision: await revisionOf(db, id) });
    expect((await outbox()).map((r) => [r.username, r.kind])).toEqual([
      ["head", "awaiting_approval"],
    ]);

    await approveManifesto(await setup.as("head"), id, { revision: await revisionOf(db, id) });
    await expect(
      returnManifesto(await setup.as("planning"), id, {
        revision: 999,
        comment: "古い版への差戻し",
      }),
    ).rejects.toBeInstanceOf(WorkflowConflictError);
    expect((await outbox()).map((r) => [r.username, r.kind])).toEqual([
      ["head", "awaiting_approval"],
      ["planning", "awaiting_approval"],
    ]);

    await returnManifesto(await setup.as("planning"), id, {
      revision: await revisionOf(db, id),
      comment: "目標2の指標を数値にしてください",
    });
    expect((await outbox()).slice(2).map((r) => [r.username, r.kind])).toEqual([
      ["editor", "returned"],
      ["head", "returned"],
    ]);

    await sendDueNotifications(db.ctx.db, mailer(), OPTIONS);
    const returned = smtp.received.find((m) => m.to === "editor@city.iga.lg.jp");
    expect(returned?.subject).toContain("差し戻されました");
    expect(returned?.text).toContain("目標2の指標を数値にしてください");
    expect(returned?.text).toContain(
      `https://tassei.example.lg.jp/staff/manifestos/${id}#open-comments`,
    );
    expect(returned?.html).toContain(
      `href="https://tassei.example.lg.jp/staff/manifestos/${id}#open-comments"`,
    );
  });
});

describe("delivery is exactly once", () => {
  it("the relay down for a while, then up: every mail arrives once", async () => {
    await queue(12);
    relay.cut();
    let clock = Date.now();
    const now = () => new Date(clock);
    const down = await sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, now });
    expect(down.sent).toBe(0);
    expect(smtp.received).toHaveLength(0);
    // Still down at the first retry: nothing is lost, nothing given up.
    clock += 60_000;
    await sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, now });
    expect((await outbox()).every((r) => r.status === "pending")).toBe(true);

    relay.restore();
    clock += 10 * 60_000;
    const up = await sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, now });
    expect(up.sent).toBe(12);
    clock += 60 * 60_000;
    await sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, now });
    expect(smtp.received).toHaveLength(12);
    expect([...countByMessageId().values()].every((n) => n === 1)).toBe(true);
    expect(countByMessageId().size).toBe(12);
    expect((await outbox()).every((r) => r.status === "sent")).toBe(true);
  });

  it("a process that dies between writing and sending: the next one sends each mail once", async () => {
    await queue(5);
    // The process ends here, before any sender ran.
    await db.reopen();
    await sendDueNotifications(db.ctx.db, mailer(), OPTIONS);
    await sendDueNotifications(db.ctx.db, mailer(), OPTIONS);
    expect(smtp.received).toHaveLength(5);
    expect(countByMessageId().size).toBe(5);
  });

  it("a sender that dies after claiming: the mails wait out the lease, then go once", async () => {
    await queue(3);
    const { claimDueNotifications } = await import("../../db/repositories/notifications.ts");
    const start = Date.now();
    const claimed = await claimDueNotifications(db.ctx.db, new Date(start), 10, 60_000);
    expect(claimed).toHaveLength(3);
    // ... and the process that claimed them is gone. Within the lease nobody sends them:
    await db.reopen();
    await sendDueNotifications(db.ctx.db, mailer(), {
      ...OPTIONS,
      now: () => new Date(start + 30_000),
    });
    expect(smtp.received).toHaveLength(0);
    // After it, they go, once.
    await sendDueNotifications(db.ctx.db, mailer(), {
      ...OPTIONS,
      now: () => new Date(start + 61_000),
    });
    await sendDueNotifications(db.ctx.db, mailer(), {
      ...OPTIONS,
      now: () => new Date(start + 200_000),
    });
    expect(smtp.received).toHaveLength(3);
    expect(countByMessageId().size).toBe(3);
  });

  it(`two senders at once (${TEST_BACKEND === "postgres" ? "two connection pools" : "one embedded database"}): every mail once`, async () => {
    await queue(60);
    // On PostgreSQL the second sender has its own pool, as another process would;
    // the embedded database is one process's, so both senders share it.
    const other =
      TEST_BACKEND === "postgres" ? await openDatabase(db.target, { purpose: "test" }) : null;
    try {
      const [a, b] = await Promise.all([
        sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, batchSize: 7 }),
        sendDueNotifications(other?.db ?? db.ctx.db, mailer(), { ...OPTIONS, batchSize: 7 }),
      ]);
      expect(a.sent + b.sent).toBe(60);
    } finally {
      await other?.close();
    }
    expect(smtp.received).toHaveLength(60);
    expect(countByMessageId().size).toBe(60);
  });

  it("mails written while no relay was set up are not sent days later", async () => {
    await queue(2);
    const later = new Date(Date.now() + 4 * 24 * 3_600_000);
    const r = await sendDueNotifications(db.ctx.db, mailer(), { ...OPTIONS, now: () => later });
    expect([r.sent, r.failed]).toEqual([0, 2]);
    expect(smtp.received).toHaveLength(0);
  });

  it("the same notification written twice (a repeated run) is one row and one mail", async () => {
    await queue(2);
    await queue(2);
    expect(await outbox()).toHaveLength(2);
  });
});
