// Mid-year progress reports (中間報告) due within the window or late and not yet sent: the
// department's editor and head see each of their published plans that owes one, linked to its
// progress page; planning sees, per year, how many departments are late, linked to the
// dashboard's progress table. Due and late are decided by progressReportsDue, as on the
// dashboard, so both say the same.
import { listPublishedForProgress } from "../../../db/repositories/todo.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { addDays, daysBetween } from "../../../domain/notifications/calendar.ts";
import { type ProgressDue, progressReportsDue } from "../../../domain/progress-report/due.ts";
import { progressSettingsFrom } from "../../../domain/progress-report/settings.ts";
import { isDepartmentRole } from "../../../domain/roles.ts";
import type { TodoItem } from "../../../domain/todo.ts";
import type { TodoSource } from "../source.ts";

/** A report missed longer ago than this is history, not a to-do (as for deadlines). */
const LOOK_BACK_DAYS = 400;

function japaneseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export const progressReportSource: TodoSource = {
  name: "progress_report",
  appliesTo: (ctx) => ctx.user.role !== "viewer",
  async items({ ctx, scope, today }) {
    const manifestos = await listPublishedForProgress(ctx.db, scope);
    if (manifestos.length === 0) return [];
    const settings = progressSettingsFrom(manifestos[0]?.progressSettings);
    const byId = new Map(manifestos.map((m) => [m.id, m]));
    const departments = [...new Set(manifestos.map((m) => m.departmentId))];
    const owed: ProgressDue[] = departments
      .flatMap((d) =>
        progressReportsDue(
          d,
          manifestos.map((m) => ({ ...m, manifestoId: m.id })),
          settings,
          today,
        ),
      )
      .filter((d) => d.dueDate >= addDays(today, -LOOK_BACK_DAYS));

    if (isDepartmentRole(ctx.user.role)) {
      return owed.flatMap((d): TodoItem[] => {
        const m = byId.get(d.manifestoId);
        if (!m) return [];
        const left = daysBetween(today, d.dueDate);
        const late = d.status === "late";
        return [
          {
            source: "progress_report",
            id: `progress_report:${m.id}`,
            title: `${late ? "中間報告の期限を過ぎています" : left === 0 ? "今日が中間報告の期限です" : `中間報告の期限まであと${left}日`}: ${m.departmentName} ${formatFiscalYear(m.fiscalYear)}`,
            detail: `中間報告の提出期限は${japaneseDate(d.dueDate)}です。進捗を入力して提出してください。`,
            href: `/manifestos/${m.id}/progress`,
            dueDate: d.dueDate,
            overdue: late,
          },
        ];
      });
    }
    const late = new Map<number, Set<number>>();
    for (const d of owed) {
      if (d.status !== "late") continue;
      const year = byId.get(d.manifestoId)?.fiscalYear;
      if (year === undefined) continue;
      const set = late.get(year) ?? new Set<number>();
      set.add(d.departmentId);
      late.set(year, set);
    }
    return [...late.entries()].map(([year, set]) => ({
      source: "progress_report_late",
      id: `progress_report_late:${year}`,
      title: `中間報告の提出遅れ: ${formatFiscalYear(year)}の中間報告が${set.size}部局で未提出です`,
      detail: "ダッシュボードの進捗と更新状況で部局ごとの状況を確認できます。",
      href: `/dashboard?year=${year}#progress-title`,
      dueDate: null,
      overdue: true,
    }));
  },
};
