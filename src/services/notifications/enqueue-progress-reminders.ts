// Part of the 9:00 run: a department's editors are reminded of a mid-year progress report
// (中間報告) still owed — 7 days before its day, the day before, and weekly once it is late —
// by the same rule as deadlines (calendar.ts deadlineReminder). What is owed is decided by
// progressReportsDue, as on the to-do list and the dashboard, so all three agree.
import { type Db, listMunicipalities } from "../../db/repositories/municipalities.ts";
import { listPublishedForProgress } from "../../db/repositories/todo.ts";
import { addDays, deadlineReminder } from "../../domain/notifications/calendar.ts";
import { progressReportMessage } from "../../domain/notifications/messages.ts";
import { progressReportsDue } from "../../domain/progress-report/due.ts";
import { progressSettingsFrom } from "../../domain/progress-report/settings.ts";
import { enqueueNotification } from "./enqueue.ts";

/** Weekly reminders of a late report stop after this many days, as for deadlines. */
const OVERDUE_REMINDER_DAYS = 90;

export async function enqueueProgressReminders(db: Db, day: string): Promise<number> {
  let written = 0;
  for (const { code } of await listMunicipalities(db)) {
    const manifestos = await listPublishedForProgress(db, { municipalityCode: code });
    if (manifestos.length === 0) continue;
    const settings = progressSettingsFrom(manifestos[0]?.progressSettings);
    const byId = new Map(manifestos.map((m) => [m.id, m]));
    const input = manifestos.map((m) => ({ ...m, manifestoId: m.id }));
    for (const departmentId of new Set(manifestos.map((m) => m.departmentId))) {
      for (const due of progressReportsDue(departmentId, input, settings, day)) {
        const when = deadlineReminder(due.dueDate, day);
        const m = byId.get(due.manifestoId);
        if (when === null || !m || due.dueDate < addDays(day, -OVERDUE_REMINDER_DAYS)) continue;
        written += await db
          .transaction()
          .execute((tx) =>
            enqueueNotification(
              tx,
              "progress_report_due",
              { municipalityCode: code, departmentId, roles: ["department_editor"] },
              progressReportMessage(when, m, due.dueDate),
              `progress:${code}:${m.id}:${due.dueDate}:${when}:${day}`,
            ),
          );
      }
    }
  }
  return written;
}
