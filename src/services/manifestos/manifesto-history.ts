// Every revision of a manifesto with who saved it, when, from where, and what changed
// against the revision before (JSON paths, old → new).
import {
  findManifestoInScope,
  listRevisionsWithDocuments,
} from "../../db/repositories/staff-manifestos.ts";
import { usernamesById } from "../../db/repositories/users.ts";
import { type DocumentChange, diffDocuments } from "../../domain/manifesto/diff.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export interface RevisionEntry {
  revision: number;
  createdAt: Date;
  /** The audit actor: `user:<id>`, `cli:<os user>`, `system:demo` … */
  createdBy: string;
  /** The user's display name or username when the actor is a staff user. */
  createdByName: string | null;
  source: string;
  note: string | null;
  /** Against the revision before; the first revision lists no changes. */
  changes: DocumentChange[];
}

function userIdOf(actor: string): number | undefined {
  const m = /^user:(\d+)$/.exec(actor);
  return m ? Number(m[1]) : undefined;
}

export async function manifestoHistory(ctx: StaffContext, id: number): Promise<RevisionEntry[]> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  const revisions = await listRevisionsWithDocuments(ctx.db, id);
  const ids = [
    ...new Set(revisions.map((r) => userIdOf(r.created_by)).filter((x) => x !== undefined)),
  ];
  const names = await usernamesById(ctx.db, ids);
  return revisions.map((r, i) => {
    const before = revisions[i - 1];
    const userId = userIdOf(r.created_by);
    return {
      revision: r.revision,
      createdAt: r.created_at,
      createdBy: r.created_by,
      createdByName: userId === undefined ? null : (names.get(userId) ?? null),
      source: r.source,
      note: r.note,
      changes: before ? diffDocuments(before.document, r.document) : [],
    };
  });
}
