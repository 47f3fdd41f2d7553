// 対応待ち: everything waiting for the signed-in person, from each source that applies to
// their role, asked side by side. An installation administrator (no municipality) has none.
import { tokyoDate } from "../../domain/deadlines.ts";
import { scopeOf } from "../../domain/roles.ts";
import type { TodoItem } from "../../domain/todo.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import type { TodoSource } from "./source.ts";
import { TODO_SOURCES } from "./sources/index.ts";

export interface TodoList {
  items: TodoItem[];
  count: number;
  /** Tokyo's day the deadlines were counted from. */
  today: string;
}

export async function getTodoList(
  ctx: StaffContext,
  now: Date,
  sources: readonly TodoSource[] = TODO_SOURCES,
): Promise<TodoList> {
  const today = tokyoDate(now);
  const s = scopeOf(ctx.user);
  if (s.kind === "installation") return { items: [], count: 0, today };
  const scope = {
    municipalityCode: s.municipalityCode,
    ...(s.kind === "department" && { departmentId: s.departmentId }),
  };
  const lists = await Promise.all(
    sources.filter((src) => src.appliesTo(ctx)).map((src) => src.items({ ctx, today, scope })),
  );
  const items = lists.flat();
  return { items, count: items.length, today };
}
