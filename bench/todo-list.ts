// The to-do list (対応待ち) and the mail queue at a municipality's scale (issue 14):
//   (a) getTodoList for a planning user of one municipality with 40 departments × 5 years
//       (200 manifestos; the latest year's deadline past for a third of the departments, a
//       quarter waiting for planning's approval, a fifth returned, three comment threads
//       on each manifesto, of which the latest year's second answers planning and every fourth
//       department's third names @bench-planning), p50/p95 over the iterations;
//   (b) 1,000 queued mails sent by sendDueNotifications through nodemailer to a local SMTP
//       receiver (smtp-server, every message parsed with mailparser): mails per second.
//
//   node_modules/.bin/tsx bench/todo-list.ts [--departments 40] [--years 5] [--iterations 200]
//     [--mails 1000] [--postgres-url URL]   (default: the embedded database in a scratch dir)
import { parseArgs } from "node:util";
import { type DatabaseTarget, openDatabase } from "../src/db/connection.ts";
import { upsertDeadline } from "../src/db/repositories/deadlines.ts";
import { insertNotifications } from "../src/db/repositories/notifications.ts";
import { findUserById } from "../src/db/repositories/users.ts";
import {
  insertComment,
  insertTransition,
  updateManifestoState,
} from "../src/db/repositories/workflow.ts";
import { staffContext, toStaffUser } from "../src/services/auth/staff-context.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { sendDueNotifications } from "../src/services/notifications/send-notifications.ts";
import { smtpMailer } from "../src/services/notifications/smtp-mailer.ts";
import { getTodoList } from "../src/services/todo/get-todo-list.ts";
import { TODO_SOURCES } from "../src/services/todo/sources/index.ts";
import { createUser } from "../src/services/users/create-user.ts";
import { startSmtpReceiver } from "../test/support/smtp-receiver.ts";
import { generateManifesto, generateMunicipalities } from "./generate.ts";
import {
  Cleanup,
  createScratchDir,
  createScratchPostgres,
  formatNumber,
  machineLine,
  Progress,
  parseCount,
  ratePerSecond,
  summarize,
} from "./support.ts";

const { values } = parseArgs({
  options: {
    departments: { type: "string" },
    years: { type: "string" },
    iterations: { type: "string" },
    mails: { type: "string" },
    "postgres-url": { type: "string" },
  },
});
const departments = parseCount("departments", values.departments, 40);
const yearCount = parseCount("years", values.years, 5);
const iterations = parseCount("iterations", values.iterations, 200);
const mailCount = parseCount("mails", values.mails, 1000);

const cleanup = new Cleanup();
try {
  let target: DatabaseTarget;
  if (values["postgres-url"]) {
    const scratch = await createScratchPostgres(values["postgres-url"], "tassei_todo");
    cleanup.add(scratch.drop);
    target = { kind: "postgres", url: scratch.url };
  } else {
    const dir = createScratchDir();
    cleanup.add(dir.remove);
    target = { kind: "pglite", dataDir: `${dir.dir}/data` };
  }
  const database = await openDatabase(target, { purpose: "bench" });
  cleanup.add(() => database.close());
  const db = database.db;
  const ctx = { db, actor: "bench" };
  const [municipality] = generateMunicipalities(1, 14);
  if (!municipality) throw new Error("no municipality");
  const lastYear = 2026;
  const years = Array.from({ length: yearCount }, (_, i) => lastYear - yearCount + 1 + i);

  const progress = new Progress("load", departments * years.length);
  const latest: number[] = [];
  let loaded = 0;
  for (let d = 0; d < departments; d++) {
    for (const fiscalYear of years) {
      const doc = generateManifesto({
        municipality,
        fiscalYear,
        departmentIndex: d,
        seed: 14,
        evaluated: false,
      });
      // Each generated department name is distinct per index; the generator repeats its
      // profiles after a few dozen, so the index keeps them apart.
      (doc as { department: { name: string } }).department.name = `${doc.department.name}${d}`;
      const { manifestoId } = await importManifesto(ctx, doc);
      for (let t = 0; t < 3; t++) {
        // user:1 is the planning user made below (the first account of the database).
        const root = await insertComment(db, {
          manifestoId,
          goalNumber: null,
          parentId: null,
          revision: 1,
          author: "user:1",
          body: `確認事項 ${t}`,
        });
        // Some threads wait for planning: the department answered (the latest year's second
        // thread), or someone named planning (every fourth department's third thread).
        const reply =
          t === 1 && fiscalYear === lastYear
            ? "修正しました"
            : t === 2 && d % 4 === 0
              ? "@bench-planning 確認をお願いします"
              : null;
        if (reply !== null) {
          await insertComment(db, {
            manifestoId,
            goalNumber: null,
            parentId: root.id,
            revision: 1,
            author: "user:2",
            body: reply,
          });
        }
      }
      if (fiscalYear === lastYear) latest.push(manifestoId);
      progress.tick(++loaded);
    }
  }
  // The latest year: a quarter waiting for planning, a fifth returned, the rest in draft.
  for (const [i, id] of latest.entries()) {
    if (i % 4 === 0) await updateManifestoState(db, id, "head_approved");
    else if (i % 5 === 0) {
      await insertTransition(db, {
        manifestoId: id,
        action: "return",
        fromState: "head_approved",
        toState: "draft",
        revision: 1,
        actor: "user:1",
        comment: "差戻し",
      });
    }
  }
  await upsertDeadline(db, {
    municipalityCode: municipality.code,
    fiscalYear: lastYear,
    phase: "plan",
    dueDate: "2026-05-31",
    by: "bench",
  });
  await createUser(ctx, {
    username: "bench-planning",
    password: "bench-password-1234",
    role: "planning",
    municipalityCode: municipality.code,
    email: "planning@example.lg.jp",
  });
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", "bench-planning")
    .executeTakeFirstOrThrow();
  if (row.id !== 1) throw new Error(`the comments were written as user:1, planning is ${row.id}`);
  const user = await findUserById(db, row.id);
  if (!user) throw new Error("no user");
  const staff = staffContext(ctx, toStaffUser(user));

  // (a) the to-do list
  const now = new Date("2026-06-10T01:00:00Z");
  const first = await getTodoList(staff, now);
  for (let i = 0; i < 10; i++) await getTodoList(staff, now); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await getTodoList(staff, now);
    samples.push(performance.now() - started);
  }
  const s = summarize(samples);
  const perSource: string[] = [];
  for (const source of TODO_SOURCES.filter((x) => x.appliesTo(staff))) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await source.items({
        ctx: staff,
        today: "2026-06-10",
        scope: { municipalityCode: municipality.code },
      });
      times.push(performance.now() - t0);
    }
    perSource.push(`${source.name} p50 ${formatNumber(summarize(times).p50)} ms`);
  }

  // (b) 1,000 queued mails to a local SMTP receiver
  const smtp = await startSmtpReceiver();
  cleanup.add(() => smtp.close());
  await insertNotifications(
    db,
    Array.from({ length: mailCount }, (_, i) => ({
      key: `bench:${i}`,
      userId: row.id,
      kind: "comment",
      delivery: "immediate" as const,
      subject: `【Tassei】コメント: 部局 ${i}`,
      body: `ベンチマークのお知らせ ${i}\n\n> 目標の指標を見直してください。`,
      link: `/staff/manifestos/${i}`,
    })),
  );
  const mailer = smtpMailer(smtp.url, "tassei@example.lg.jp");
  const started = performance.now();
  const sent = await sendDueNotifications(db, mailer, {
    publicUrl: "https://tassei.example.lg.jp",
    messageIdDomain: "bench",
  });
  await smtp.waitFor(mailCount, 600_000);
  const sendMs = performance.now() - started;
  mailer.close();

  process.stdout.write(
    [
      `# to-do list and mail queue — ${machineLine()}, database: ${target.kind}`,
      `data: ${departments} departments × ${years.length} years = ${departments * years.length} manifestos, ${departments * years.length * 3} comment threads`,
      `to-do list of a planning user: ${first.count} items (${[...new Set(first.items.map((i) => i.source))].join(", ")})`,
      `  ${iterations} runs: p50 ${formatNumber(s.p50)} ms, p95 ${formatNumber(s.p95)} ms, max ${formatNumber(s.max)} ms`,
      `  alone, per source (50 runs): ${perSource.join(", ")}`,
      `mail queue: ${sent.sent} sent, ${smtp.received.length} received in ${formatNumber(sendMs)} ms = ${formatNumber(ratePerSecond(smtp.received.length, sendMs))} mails/s`,
      `  distinct Message-IDs received: ${new Set(smtp.received.map((m) => m.messageId)).size}`,
      "",
    ].join("\n"),
  );
} finally {
  await cleanup.run();
}
