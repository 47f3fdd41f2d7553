// Manifestos returned to my department, with how many comments are still unresolved.
import { listReturnedManifestos } from "../../../db/repositories/todo.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { isDepartmentRole } from "../../../domain/roles.ts";
import type { TodoSource } from "../source.ts";

export const returnedSource: TodoSource = {
  name: "returned",
  appliesTo: (ctx) => isDepartmentRole(ctx.user.role),
  async items({ ctx, scope }) {
    const rows = await listReturnedManifestos(ctx.db, scope);
    return rows.map((m) => ({
      source: "returned",
      id: `returned:${m.id}`,
      title: `差し戻されました: ${m.departmentName} ${formatFiscalYear(m.fiscalYear)}`,
      detail:
        m.openThreads > 0
          ? `未解決のコメントが${m.openThreads}件あります。修正して再提出してください。`
          : "修正して再提出してください。",
      href: `/manifestos/${m.id}#open-comments`,
      dueDate: null,
      overdue: false,
    }));
  },
};
