// Comments that answer me, name me, or (for a department) a reviewer's new point on our
// manifesto that nobody of the department has answered yet. The database returns only the
// threads that may be for me; threadReason says why, or drops an "@" that names someone else.
import { listOpenThreadsForMe } from "../../../db/repositories/todo.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { type TodoItem, threadReason } from "../../../domain/todo.ts";
import type { TodoSource } from "../source.ts";

const REASONS = {
  answer: "あなたのコメントに返信がありました",
  mention: "あなたあてのコメントがあります",
  department: "部局への新しいコメントがあります",
} as const;

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

export const commentsSource: TodoSource = {
  name: "comment",
  appliesTo: () => true,
  async items({ ctx, scope }) {
    const threads = await listOpenThreadsForMe(ctx.db, scope, {
      actor: ctx.actor,
      departmentId: ctx.user.departmentId,
    });
    return threads.flatMap((t): TodoItem[] => {
      const reason = threadReason(t, ctx.user.username);
      if (reason === null) return [];
      return [
        {
          source: "comment",
          id: `comment:${t.rootId}`,
          title: `${REASONS[reason]}: ${t.departmentName} ${formatFiscalYear(t.fiscalYear)}${t.goalNumber === null ? "" : ` 目標${t.goalNumber}`}`,
          detail: excerpt(t.body),
          href: `/manifestos/${t.manifestoId}#open-comments`,
          dueDate: null,
          overdue: false,
        },
      ];
    });
  },
};
