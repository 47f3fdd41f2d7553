// The revisions of a manifesto with who saved them, when, from where, and what changed
// against the revision before (JSON paths, old → new), a page at a time. The changes are
// those stored when each revision was written (write-revision.ts); only revisions written
// before they were stored are compared here, and only those of the page asked for — so a
// reading costs one page, whatever the size or number of the documents.
import {
  documentBefore,
  listRevisionPage,
  revisionDocument,
} from "../../db/repositories/revision-history.ts";
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import { usernamesById } from "../../db/repositories/users.ts";
import { type DocumentChange, diffDocuments } from "../../domain/manifesto/diff.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export interface RevisionEntry {
  revision: number;
  /** When the revision was first saved. */
  createdAt: Date;
  /** The audit actor: `user:<id>`, `cli:<os user>`, `system:demo` … */
  createdBy: string;
  /** The user's display name or username when the actor is a staff user. */
  createdByName: string | null;
  source: string;
  note: string | null;
  /** Autosaves coalesced into this revision (1: saved once). */
  saves: number;
  /** The last of them, when there were several. */
  lastSavedAt: Date | null;
  /** Against the revision before; the first revision lists no changes. */
  changes: DocumentChange[];
}

export interface HistoryPage {
  /** Oldest first, the newest revisions of the page. */
  revisions: RevisionEntry[];
  /** Pass as `before` for the page of older revisions; null when there are none. */
  earlier: number | null;
}

export const HISTORY_PAGE_DEFAULT = 20;
export const HISTORY_PAGE_MAX = 50;

function userIdOf(actor: string): number | undefined {
  const m = /^user:(\d+)$/.exec(actor);
  return m ? Number(m[1]) : undefined;
}

export async function manifestoHistory(
  ctx: StaffContext,
  id: number,
  page: { before?: number | undefined; limit?: number | undefined } = {},
): Promise<HistoryPage> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  const limit = Math.min(page.limit ?? HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX);
  // One more than asked: whether there is an earlier page.
  const rows = await listRevisionPage(ctx.db, id, page.before ?? null, limit + 1);
  const shown = rows.slice(0, limit).reverse();
  const ids = [...new Set(shown.map((r) => userIdOf(r.created_by)).filter((x) => x !== undefined))];
  const names = await usernamesById(ctx.db, ids);
  const revisions: RevisionEntry[] = [];
  for (const r of shown) {
    const userId = userIdOf(r.created_by);
    revisions.push({
      revision: r.revision,
      createdAt: new Date(r.created_at),
      createdBy: r.created_by,
      createdByName: userId === undefined ? null : (names.get(userId) ?? null),
      source: r.source,
      note: r.note,
      saves: r.saves,
      lastSavedAt: r.last_saved_at === null ? null : new Date(r.last_saved_at),
      changes: (r.changes as DocumentChange[] | null) ?? (await changesOf(ctx, id, r.revision)),
    });
  }
  return {
    revisions,
    earlier: rows.length > limit ? (shown[0]?.revision ?? null) : null,
  };
}

/** For a revision written before changes were stored: compared with the one before it. */
async function changesOf(ctx: StaffContext, id: number, revision: number) {
  const before = await documentBefore(ctx.db, id, revision);
  if (before === undefined) return [];
  return diffDocuments(before, await revisionDocument(ctx.db, id, revision));
}
