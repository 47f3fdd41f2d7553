// Published content is frozen: a correction after publication is a new revision, published
// at once, that says what was corrected (its change note, kept as the revision's note and
// with the publication). Planning and the municipality's administrator correct; the state
// stays published. Everything else about the document is checked as for a save.
import { findManifestoInScope, lockManifesto } from "../../db/repositories/staff-manifestos.ts";
import { manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { canCorrectIn, PUBLISHED_STATES, STATE_LABELS } from "../../domain/workflow.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { validateForImport } from "../import-manifesto.ts";
import { findRegisteredDepartment, fitDocument } from "../manifestos/master-data.ts";
import { recordPublication } from "../manifestos/record-publication.ts";
import { refuseMove } from "../manifestos/save-manifesto.ts";
import { writeRevision } from "../manifestos/write-revision.ts";
import { commentText, WorkflowConflictError } from "./move-manifesto.ts";

export interface CorrectionInput {
  revision: number;
  document: unknown;
  changeNote?: string | undefined;
}

export interface CorrectionResult {
  id: number;
  revision: number;
  state: string;
  changeNote: string;
}

export async function correctPublishedManifesto(
  ctx: StaffContext,
  id: number,
  input: CorrectionInput,
): Promise<CorrectionResult> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  if (!PUBLISHED_STATES.some((s) => canCorrectIn(s, ctx.user.role))) {
    throw new AppError("forbidden", "公表後の訂正は企画課・管理者が行います");
  }
  const changeNote = commentText(input.changeNote, "changeNote");
  if (changeNote === undefined) {
    throw new ValidationError("公表後の訂正には変更内容の説明が必要です", [
      { path: "changeNote", message: "is required for a correction after publication" },
    ]);
  }
  const given = await validateForImport(ctx, input.document);
  refuseMove(given, found, (await findRegisteredDepartment(ctx.db, given))?.id);

  return ctx.db.transaction().execute(async (tx) => {
    const locked = await lockManifesto(tx, id);
    if (!locked) throw new NotFoundError(`no manifesto ${id}`);
    const current = { state: locked.state, revision: locked.current_revision };
    if (locked.current_revision !== input.revision) {
      throw new WorkflowConflictError(
        `他の人がこのマニフェストを更新しました（現在のリビジョン ${current.revision}）。最新の内容を読み込んでからやり直してください。`,
        current,
      );
    }
    const record = {
      municipalityCode: locked.municipality_code,
      departmentId: locked.department_id,
      state: locked.state,
    };
    if (!manifestoPermissions(ctx.user, record).correct) {
      const label = STATE_LABELS[locked.state as keyof typeof STATE_LABELS] ?? locked.state;
      throw new WorkflowConflictError(
        `公表されていないマニフェスト（${label}）は訂正ではなく通常の保存で直します`,
        current,
      );
    }
    const doc = await fitDocument(tx, given, locked.department_id);
    const revision = locked.current_revision + 1;
    await writeRevision(tx, ctx.actor, {
      manifestoId: id,
      revision,
      doc,
      source: "api",
      note: changeNote,
      action: "manifesto.corrected",
      detail: { state: locked.state, changeNote },
    });
    await recordPublication(tx, {
      manifestoId: id,
      revision,
      state: locked.state,
      changeNote,
      publishedBy: ctx.actor,
    });
    return { id, revision, state: locked.state, changeNote };
  });
}
