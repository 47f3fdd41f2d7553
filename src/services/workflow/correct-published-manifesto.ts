// Published content is frozen: a correction after publication is a new revision, published
// at once, that says what was corrected (its change note, kept as the revision's note and
// with the publication). Planning and the municipality's administrator correct; the state
// stays as it is. Everything else about the document is checked as for a save.
// In the evaluation phase the published plan is frozen for a normal save, and this is the
// way to change it: the public get the corrected plan (with nothing of the evaluation being
// drafted), and the draft goes on with the correction in it.
import type { Db } from "../../db/repositories/municipalities.ts";
import {
  findManifestoInScope,
  findRevisionDocument,
  lockManifesto,
} from "../../db/repositories/staff-manifestos.ts";
import { listPublications } from "../../db/repositories/workflow.ts";
import { planWithEvaluationOf, samePlan } from "../../domain/manifesto/phase-changes.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
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
    if (!(PUBLISHED_STATES as readonly string[]).includes(locked.state)) {
      const revision = await correctPlanWhileEvaluating(ctx.actor, tx, {
        id,
        currentRevision: locked.current_revision,
        doc,
        changeNote,
      });
      return { id, revision, state: locked.state, changeNote };
    }
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

async function storedDocument(tx: Db, id: number, revision: number): Promise<ManifestoDocument> {
  return manifestoDocumentSchema.parse(await findRevisionDocument(tx, id, revision));
}

/**
 * Two revisions: the published plan corrected (published at once, with the note), then the
 * evaluation's draft again with the same correction, so the department goes on from there.
 * Returns the draft's revision.
 */
async function correctPlanWhileEvaluating(
  actor: string,
  tx: Db,
  c: { id: number; currentRevision: number; doc: ManifestoDocument; changeNote: string },
): Promise<number> {
  const last = (await listPublications(tx, c.id)).at(-1);
  if (!last) throw new Error(`manifesto ${c.id} is in the evaluation phase without a publication`);
  const published = await storedDocument(tx, c.id, last.revision);
  const draft = await storedDocument(tx, c.id, c.currentRevision);
  const corrected = planWithEvaluationOf(c.doc, published);
  if (samePlan(corrected, published)) {
    throw new ValidationError("訂正する計画の内容がありません", [
      {
        path: "goals",
        message:
          "公表した計画と同じです（評価の段階の実績・評価・理由・進捗は通常の保存で書きます）",
      },
    ]);
  }
  const publishedRevision = c.currentRevision + 1;
  await writeRevision(tx, actor, {
    manifestoId: c.id,
    revision: publishedRevision,
    doc: corrected,
    source: "api",
    note: c.changeNote,
    action: "manifesto.corrected",
    detail: { state: last.state, changeNote: c.changeNote },
  });
  await recordPublication(tx, {
    manifestoId: c.id,
    revision: publishedRevision,
    state: last.state,
    changeNote: c.changeNote,
    publishedBy: actor,
  });
  await writeRevision(tx, actor, {
    manifestoId: c.id,
    revision: publishedRevision + 1,
    doc: planWithEvaluationOf(c.doc, draft),
    source: "api",
    note: c.changeNote,
    action: "manifesto.correction_carried",
    detail: { correctedRevision: publishedRevision },
  });
  return publishedRevision + 1;
}
