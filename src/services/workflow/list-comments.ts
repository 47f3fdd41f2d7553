// A manifesto's comments in thread order: each thread after the one before, in the order
// threads were opened, every answer under what it answers. The editor of a returned
// manifesto reads here why it came back.
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import { type CommentRow, listComments } from "../../db/repositories/workflow.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { namesOfActors } from "./actor-names.ts";

export interface ListedComment extends CommentRow {
  /** 0 for the comment that opens a thread, 1 for an answer to it, … */
  depth: number;
  authorName: string | null;
}

export function inThreadOrder(comments: readonly CommentRow[]): (CommentRow & { depth: number })[] {
  const byId = new Set(comments.map((c) => c.id));
  const children = new Map<number | null, CommentRow[]>();
  for (const c of comments) {
    // An answer whose parent is missing (never the case in a consistent database) still shows.
    const parent = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: (CommentRow & { depth: number })[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.id - b.id);
    for (const c of list) {
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function listManifestoComments(
  ctx: StaffContext,
  manifestoId: number,
): Promise<ListedComment[]> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), manifestoId);
  if (!found) throw new NotFoundError(`no manifesto ${manifestoId}`);
  const ordered = inThreadOrder(await listComments(ctx.db, manifestoId));
  const names = await namesOfActors(
    ctx.db,
    ordered.map((c) => c.author),
  );
  return ordered.map((c) => ({ ...c, authorName: names.get(c.author) ?? null }));
}
