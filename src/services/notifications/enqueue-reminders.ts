// The 9:00 run: deadline and progress-report reminders for the day, written once each (the key holds the day),
// then every account's digest of the day gathered. Run again the same day — a restart, two
// processes — it adds nothing.
import { listEffectiveDeadlines } from "../../db/repositories/deadlines.ts";
import type { Db } from "../../db/repositories/municipalities.ts";
import { gatherDigests } from "../../db/repositories/notifications.ts";
import { awaitsSubmission } from "../../domain/deadlines.ts";
import { addDays, deadlineReminder } from "../../domain/notifications/calendar.ts";
import { deadlineMessage } from "../../domain/notifications/messages.ts";
import { DEPARTMENT_ROLES } from "../../domain/roles.ts";
import { enqueueNotification } from "./enqueue.ts";
import { enqueueProgressReminders } from "./enqueue-progress-reminders.ts";

/** Weekly overdue reminders stop after this many days: a year left behind is not news. */
const OVERDUE_REMINDER_DAYS = 90;

export async function enqueueReminders(
  db: Db,
  day: string,
): Promise<{ reminders: number; digests: number }> {
  const deadlines = await listEffectiveDeadlines(db, {
    from: addDays(day, -OVERDUE_REMINDER_DAYS),
    to: addDays(day, 7),
  });
  let reminders = 0;
  for (const d of deadlines) {
    const kind = deadlineReminder(d.dueDate, day);
    if (kind === null || !awaitsSubmission(d.state, d.phase)) continue;
    reminders += await db.transaction().execute((tx) =>
      enqueueNotification(
        tx,
        kind,
        {
          municipalityCode: d.municipalityCode,
          departmentId: d.departmentId,
          roles: DEPARTMENT_ROLES,
        },
        deadlineMessage(
          kind,
          { id: d.manifestoId, departmentName: d.departmentName, fiscalYear: d.fiscalYear },
          d.phase,
          d.dueDate,
        ),
        `deadline:${d.municipalityCode}:${d.fiscalYear}:${d.departmentId}:${d.phase}:${d.dueDate}:${kind}:${day}`,
      ),
    );
  }
  // Before the digests are gathered, so a report reminder taken as a digest goes today.
  reminders += await enqueueProgressReminders(db, day);
  const digests = await gatherDigests(db, day);
  return { reminders, digests };
}
