// One source of the to-do list: a small question about what waits for the caller. Sources are
// listed in sources/index.ts; a new kind of waiting (a progress report due, say) is one more
// file there, without touching the others.
import type { TodoItem } from "../../domain/todo.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export interface TodoSourceInput {
  ctx: StaffContext;
  /** Tokyo's calendar day, `YYYY-MM-DD`. */
  today: string;
  /** The caller's municipality and, for the department roles, department. */
  scope: { municipalityCode: string; departmentId?: number };
}

export interface TodoSource {
  name: string;
  /** Whether the source has anything to say to this role at all (else it is not asked). */
  appliesTo(ctx: StaffContext): boolean;
  items(input: TodoSourceInput): Promise<TodoItem[]>;
}
