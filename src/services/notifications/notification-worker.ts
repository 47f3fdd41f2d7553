// Runs in `tassei serve` when TASSEI_SMTP_URL is set: every few seconds it sends what is due,
// and once a day, from 9:00 Tokyo, writes the day's reminders and digests first. Without
// TASSEI_SMTP_URL it is not started and nothing is sent (the to-do list needs none of it).
import type { Db } from "../../db/repositories/municipalities.ts";
import { reminderDay } from "../../domain/notifications/calendar.ts";
import { enqueueReminders } from "./enqueue-reminders.ts";
import type { Mailer } from "./mailer.ts";
import { type SendOptions, sendDueNotifications } from "./send-notifications.ts";

export interface NotificationWorker {
  /** Sends what is due now (and the day's reminders if not yet written); for tests too. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startNotificationWorker(
  db: Db,
  mailer: Mailer,
  options: SendOptions & {
    pollMs: number;
    onError(error: unknown): void;
  },
): NotificationWorker {
  const now = options.now ?? (() => new Date());
  let remindedFor: string | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function work(): Promise<void> {
    const day = reminderDay(now());
    if (day !== remindedFor) {
      await enqueueReminders(db, day);
      remindedFor = day;
    }
    await sendDueNotifications(db, mailer, options);
  }

  function tick(): Promise<void> {
    running ??= work()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, options.pollMs);
  timer.unref();
  void tick();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      mailer.close();
    },
  };
}
