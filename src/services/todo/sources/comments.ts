// Comments that answer me, name me, or (for a department) a reviewer's new point on our
// manifesto that nobody of the department has answered yet.
import { listOpenThreadMessages } from "../../../db/repositories/todo.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { threadsAwaitingMe } from "../../../domain/todo.ts";
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
    const messages = await listOpenThreadMessages(ctx.db, scope);
    const waiting = threadsAwaitingMe(messages, {
      actor: ctx.actor,
      username: ctx.user.username,
      departmentId: ctx.user.departmentId,
    });
    return waiting.map(({ last, reason }) => ({
      source: "comment",
      id: `comment:${last.rootId}`,
      title: `${REASONS[reason]}: ${last.departmentName} ${formatFiscalYear(last.fiscalYear)}${last.goalNumber === null ? "" : ` 目標${last.goalNumber}`}`,
      detail: excerpt(last.body),
      href: `/manifestos/${last.manifestoId}#open-comments`,
      dueDate: null,
      overdue: false,
    }));
  },
};
