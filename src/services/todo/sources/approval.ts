// Submissions waiting for my approval: the department's submissions for its head; what the
// heads signed off for planning and the municipality's administrators.
import { listManifestosInStates } from "../../../db/repositories/todo.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import type { Role } from "../../../domain/roles.ts";
import type { TodoSource } from "../source.ts";

const WAITING_FOR: Partial<Record<Role, readonly string[]>> = {
  department_head: ["submitted", "evaluation_submitted"],
  planning: ["head_approved", "evaluation_head_approved"],
  admin: ["head_approved", "evaluation_head_approved"],
};

export const approvalSource: TodoSource = {
  name: "approval",
  appliesTo: (ctx) => WAITING_FOR[ctx.user.role] !== undefined,
  async items({ ctx, scope }) {
    const rows = await listManifestosInStates(ctx.db, scope, WAITING_FOR[ctx.user.role] ?? []);
    return rows.map((m) => ({
      source: "approval",
      id: `approval:${m.id}`,
      title: `承認待ち: ${m.departmentName} ${formatFiscalYear(m.fiscalYear)}`,
      detail: m.state.startsWith("evaluation_")
        ? "評価が提出されました。確認して承認するか差し戻してください。"
        : "計画が提出されました。確認して承認するか差し戻してください。",
      href: `/manifestos/${m.id}`,
      dueDate: null,
      overdue: false,
    }));
  },
};
