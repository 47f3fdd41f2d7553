// The one way a manifesto moves through the cycle, shared by submit, approve, return,
// publish and open-evaluation: in one transaction, under the manifesto's row lock, check the
// revision the caller saw and the state it is in now, move the state, and record the
// transition and its audit event. A refused move writes nothing.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import type { Db } from "../../db/repositories/municipalities.ts";
import { findManifestoInScope, lockManifesto } from "../../db/repositories/staff-manifestos.ts";
import { insertTransition, updateManifestoState } from "../../db/repositories/workflow.ts";
import { ACTION_PERMISSION, manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import {
  isManifestoState,
  type ManifestoState,
  nextState,
  roleTakesAction,
  STATE_LABELS,
  type WorkflowAction,
} from "../../domain/workflow.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { notifyMove } from "../notifications/notify-move.ts";

export const COMMENT_MAX_LENGTH = 4000;

export interface TransitionInput {
  /** The revision the caller looked at: the move is refused when it is no longer current. */
  revision: number;
  comment?: string | undefined;
  /** Publishing results: the number of assessment warnings the caller saw and confirms. */
  confirmWarnings?: number | undefined;
}

export interface TransitionResult {
  id: number;
  action: WorkflowAction;
  from: ManifestoState;
  state: ManifestoState;
  revision: number;
  updatedAt: Date;
}

/** A move asked of a manifesto whose state or revision is not the one the caller saw. */
export class WorkflowConflictError extends AppError {
  constructor(
    message: string,
    readonly current: { state: string; revision: number },
  ) {
    super("conflict", message);
    this.name = "WorkflowConflictError";
  }
}

/** What the move happens to, as an action's extra step sees it inside the transaction. */
export interface Move {
  tx: Db;
  manifestoId: number;
  municipalityCode: string;
  from: ManifestoState;
  to: ManifestoState;
  revision: number;
  comment: string | undefined;
}

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "提出",
  approve: "承認",
  return: "差戻し",
  publish: "公表",
  open_evaluation: "評価の開始",
};

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: "manifesto.submitted",
  approve: "manifesto.approved",
  return: "manifesto.returned",
  publish: "manifesto.published",
  open_evaluation: "manifesto.evaluation_opened",
};

/** Trimmed; an empty comment is no comment. */
export function commentText(raw: string | undefined, field: string): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > COMMENT_MAX_LENGTH) {
    throw new ValidationError("コメントが長すぎます", [
      { path: field, message: `must be at most ${COMMENT_MAX_LENGTH} characters` },
    ]);
  }
  return text;
}

export async function moveManifesto(
  ctx: StaffContext,
  id: number,
  action: WorkflowAction,
  input: TransitionInput,
  /** An action's own step (a return's comment, a publication), in the same transaction. */
  alongside?: (move: Move) => Promise<void>,
): Promise<TransitionResult> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  if (!roleTakesAction(ctx.user.role, action)) {
    throw new AppError("forbidden", `このマニフェストの${ACTION_LABELS[action]}はできません`);
  }
  const comment = commentText(input.comment, "comment");

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
    const from = locked.state;
    const record = {
      municipalityCode: locked.municipality_code,
      departmentId: locked.department_id,
      state: from,
    };
    const allowed = manifestoPermissions(ctx.user, record)[ACTION_PERMISSION[action]];
    const to = isManifestoState(from) ? nextState(from, action, ctx.user.role) : null;
    if (!isManifestoState(from) || to === null || !allowed) {
      const label = isManifestoState(from) ? STATE_LABELS[from] : from;
      throw new WorkflowConflictError(
        `現在の状態（${label}）では${ACTION_LABELS[action]}できません`,
        current,
      );
    }
    const move: Move = {
      tx,
      manifestoId: id,
      municipalityCode: locked.municipality_code,
      from,
      to,
      revision: locked.current_revision,
      comment,
    };
    await alongside?.(move);
    const updatedAt = await updateManifestoState(tx, id, to);
    const transitionId = await insertTransition(tx, {
      manifestoId: id,
      action,
      fromState: from,
      toState: to,
      revision: move.revision,
      actor: ctx.actor,
      comment: comment ?? null,
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: AUDIT_ACTIONS[action],
      municipalityCode: locked.municipality_code,
      manifestoId: id,
      detail: { from, to, revision: move.revision, ...(comment !== undefined && { comment }) },
    });
    // Told in the same transaction: a move that commits is never left unannounced.
    await notifyMove(tx, {
      transitionId,
      action,
      to,
      actor: ctx.actor,
      comment: comment ?? null,
      manifesto: {
        id,
        municipalityCode: locked.municipality_code,
        departmentId: locked.department_id,
        departmentName: locked.department_name,
        fiscalYear: locked.fiscal_year,
      },
    });
    return { id, action, from, state: to, revision: move.revision, updatedAt };
  });
}
