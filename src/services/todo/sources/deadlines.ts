// My department's deadlines within 7 days or past, while the phase is still to be submitted
// (the department's own day where it has one). Planning sees, per year and phase, how many
// departments are late, linked to the overview that names them.
import { listEffectiveDeadlines } from "../../../db/repositories/deadlines.ts";
import { awaitsSubmission, PHASE_LABELS } from "../../../domain/deadlines.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { addDays, daysBetween } from "../../../domain/notifications/calendar.ts";
import { isDepartmentRole } from "../../../domain/roles.ts";
import type { TodoItem } from "../../../domain/todo.ts";
import type { TodoSource } from "../source.ts";

/** A deadline missed longer ago than this is history, not a to-do. */
const LOOK_BACK_DAYS = 400;

function japaneseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export const deadlineSource: TodoSource = {
  name: "deadline",
  appliesTo: (ctx) => ctx.user.role !== "viewer",
  async items({ ctx, scope, today }) {
    const deadlines = (
      await listEffectiveDeadlines(ctx.db, {
        from: addDays(today, -LOOK_BACK_DAYS),
        to: addDays(today, 7),
        ...scope,
      })
    ).filter((d) => awaitsSubmission(d.state, d.phase));
    if (isDepartmentRole(ctx.user.role)) {
      return deadlines.map((d): TodoItem => {
        const left = daysBetween(today, d.dueDate);
        const overdue = left < 0;
        return {
          source: "deadline",
          id: `deadline:${d.fiscalYear}:${d.departmentId}:${d.phase}`,
          title: `${overdue ? "締切を過ぎています" : left === 0 ? "今日が締切です" : `締切まであと${left}日`}: ${d.departmentName} ${formatFiscalYear(d.fiscalYear)}の${PHASE_LABELS[d.phase]}`,
          detail: `${PHASE_LABELS[d.phase]}の提出期限は${japaneseDate(d.dueDate)}です${d.own ? "（部局の期限）" : ""}。`,
          href: d.manifestoId === null ? "/" : `/manifestos/${d.manifestoId}`,
          dueDate: d.dueDate,
          overdue,
        };
      });
    }
    const late = new Map<string, { fiscalYear: number; phase: "plan" | "evaluation"; n: number }>();
    for (const d of deadlines) {
      if (daysBetween(today, d.dueDate) >= 0) continue;
      const key = `${d.fiscalYear}:${d.phase}`;
      const entry = late.get(key) ?? { fiscalYear: d.fiscalYear, phase: d.phase, n: 0 };
      entry.n++;
      late.set(key, entry);
    }
    return [...late.values()].map((l) => ({
      source: "late",
      id: `late:${l.fiscalYear}:${l.phase}`,
      title: `期限超過: ${formatFiscalYear(l.fiscalYear)}の${PHASE_LABELS[l.phase]}が${l.n}部局で未提出です`,
      detail: "全体状況で部局ごとの期限と状態を確認できます。",
      href: `/overview?year=${l.fiscalYear}`,
      dueDate: null,
      overdue: true,
    }));
  },
};
