// Save an edited document as the next revision, with optimistic concurrency: the client
// sends the revision it started from, and the save is refused (409, nothing written) when
// that is no longer the current one. The check happens under the manifesto's row lock, in
// the transaction that writes, so two saves from the same revision cannot both succeed.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import type { Db } from "../../db/repositories/municipalities.ts";
import { revisionsForSave } from "../../db/repositories/revision-history.ts";
import {
  findManifestoSummaryInScope,
  findRevisionDocument,
  lockManifesto,
} from "../../db/repositories/staff-manifestos.ts";
import { moveGoalComments } from "../../db/repositories/workflow.ts";
import { changedPaths } from "../../domain/manifesto/diff.ts";
import { goalRenumbering } from "../../domain/manifesto/goal-renumbering.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { validateForImport } from "../import-manifesto.ts";
import { refuseFrozenChanges } from "./frozen-content.ts";
import { findRegisteredDepartment, fitDocument } from "./master-data.ts";
import { RevisionConflictError } from "./revision-conflict.ts";
import { writeRevision } from "./write-revision.ts";

/**
 * Saves by one person within this time of their working revision's first save replace it:
 * the history reads as edits, not keystrokes, and storage stays bounded.
 */
export const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000;

export interface SaveResult {
  id: number;
  revision: number;
  updatedAt: Date;
}

function forbidden(): AppError {
  return new AppError("forbidden", "このマニフェストを編集する権限がありません");
}

export async function saveManifesto(
  ctx: StaffContext,
  id: number,
  input: { revision: number; document: unknown },
): Promise<SaveResult> {
  const found = await findManifestoSummaryInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  if (!manifestoPermissions(ctx.user, found).edit) throw forbidden();

  const given = await validateForImport(ctx, input.document);
  refuseMove(given, found, (await findRegisteredDepartment(ctx.db, given))?.id);

  return ctx.db.transaction().execute(async (tx) => {
    const locked = await lockManifesto(tx, id);
    if (!locked) throw new NotFoundError(`no manifesto ${id}`);
    if (locked.current_revision !== input.revision) {
      const base = await findRevisionDocument(tx, id, input.revision);
      const current = await findRevisionDocument(tx, id, locked.current_revision);
      throw new RevisionConflictError({
        revision: locked.current_revision,
        updatedAt: locked.updated_at,
        changedPaths: base === undefined ? ["$"] : changedPaths(base, current),
      });
    }
    // The state may have moved on (submitted, say) since the first look.
    const now = { municipalityCode: locked.municipality_code, departmentId: locked.department_id };
    if (!manifestoPermissions(ctx.user, { ...now, state: locked.state }).edit) throw forbidden();
    // The document follows the master data: its municipality's and department's names and
    // codes are the registered ones, whatever the draft said; nothing is written back.
    const doc = await fitDocument(tx, given, locked.department_id);
    // In the evaluation phase the published plan stays as published.
    await refuseFrozenChanges(
      tx,
      { manifestoId: id, currentRevision: locked.current_revision, state: locked.state },
      doc,
    );
    const revision = locked.current_revision + 1;
    // Autosaves coalesce: the actor's own recent working revision is replaced rather than
    // followed. The number still moves on, so anyone holding the old one gets a 409.
    const stored = await revisionsForSave(
      tx,
      id,
      locked.current_revision,
      ctx.actor,
      AUTOSAVE_WINDOW_MS,
    );
    const current = stored.current as ManifestoDocument | undefined;
    const working = stored.working;
    await keepCommentsWithTheirGoals(tx, ctx.actor, id, locked.current_revision, current, doc);
    const written = await writeRevision(tx, ctx.actor, {
      manifestoId: id,
      revision,
      doc,
      source: "api",
      action: "manifesto.saved",
      ...(working && {
        coalesced: {
          replacing: working.revision,
          createdAt: working.createdAt,
          saves: working.saves + 1,
        },
      }),
      // The working revision is gone: the history diffs against the one before it.
      ...(current && { known: { previous: working ? stored.previous : current, current } }),
    });
    return { id, revision, updatedAt: written.updatedAt };
  });
}

/**
 * Comments are attached by goal number; when the save moved or removed goals (and the
 * editor renumbered them), the comments follow their goal, or move to the manifesto as a
 * whole when their goal is gone. In the save's transaction, with its own audit event.
 */
async function keepCommentsWithTheirGoals(
  tx: Db,
  actor: string,
  id: number,
  currentRevision: number,
  before: ManifestoDocument | undefined,
  doc: ManifestoDocument,
): Promise<void> {
  const moves = goalRenumbering(before?.goals ?? [], doc.goals);
  if (moves.size === 0) return;
  const moved = await moveGoalComments(tx, id, moves);
  if (moved === 0) return;
  await recordAuditEvent(tx, {
    actor,
    action: "comments.regrouped",
    manifestoId: id,
    municipalityCode: doc.municipality.code,
    detail: { revision: currentRevision + 1, moves: Object.fromEntries(moves), comments: moved },
  });
}

/**
 * A save edits this manifesto; it cannot move it to another municipality, year or registered
 * department. (A department name that is no registered department's is simply replaced by
 * this one's.)
 */
export function refuseMove(
  doc: ManifestoDocument,
  found: { municipalityCode: string; fiscalYear: number; departmentId: number },
  departmentId: number | undefined,
): void {
  const problems: Problem[] = [];
  if (doc.municipality.code !== found.municipalityCode) {
    problems.push({ path: "municipality.code", message: `must stay ${found.municipalityCode}` });
  }
  if (doc.fiscalYear !== found.fiscalYear) {
    problems.push({ path: "fiscalYear", message: `must stay ${found.fiscalYear}` });
  }
  if (problems.length === 0 && departmentId !== undefined && departmentId !== found.departmentId) {
    problems.push({
      path: "department",
      message: "must stay this manifesto's department (import a document to start another one)",
    });
  }
  if (problems.length > 0) {
    throw new ValidationError("この文書は別のマニフェストのものです", problems);
  }
}
