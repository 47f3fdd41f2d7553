// Who hears of a move through the cycle, written in the move's transaction:
// - submitted by an editor → the department's heads, to approve;
// - signed off by the head → planning (and the municipality's administrators), to approve;
// - returned → the department's editors and heads, with the return's comment;
// - approved by planning, published → the department.
import type { Db } from "../../db/repositories/municipalities.ts";
import type { NotificationKind } from "../../domain/notifications/kinds.ts";
import { type ManifestoRef, moveMessage } from "../../domain/notifications/messages.ts";
import { DEPARTMENT_ROLES } from "../../domain/roles.ts";
import type { ManifestoState, WorkflowAction } from "../../domain/workflow.ts";
import { namesOfActors } from "../workflow/actor-names.ts";
import { type Audience, enqueueNotification, userIdOfActor } from "./enqueue.ts";

const STEWARDS = ["planning", "admin"] as const;

type MoveKind = Extract<
  NotificationKind,
  "returned" | "awaiting_approval" | "approved" | "published"
>;

function whoHears(
  action: WorkflowAction,
  to: ManifestoState,
  m: { municipalityCode: string; departmentId: number },
): { kind: MoveKind; audience: Audience } | null {
  const department = { municipalityCode: m.municipalityCode, departmentId: m.departmentId };
  if (action === "return") {
    return { kind: "returned", audience: { ...department, roles: DEPARTMENT_ROLES } };
  }
  if (to === "submitted" || to === "evaluation_submitted") {
    return { kind: "awaiting_approval", audience: { ...department, roles: ["department_head"] } };
  }
  if (to === "head_approved" || to === "evaluation_head_approved") {
    return {
      kind: "awaiting_approval",
      audience: { municipalityCode: m.municipalityCode, roles: STEWARDS },
    };
  }
  if (to === "approved" || to === "evaluation_approved") {
    return { kind: "approved", audience: { ...department, roles: DEPARTMENT_ROLES } };
  }
  if (to === "published" || to === "results_published") {
    return { kind: "published", audience: { ...department, roles: DEPARTMENT_ROLES } };
  }
  return null;
}

export async function notifyMove(
  tx: Db,
  move: {
    transitionId: string;
    action: WorkflowAction;
    to: ManifestoState;
    actor: string;
    comment: string | null;
    manifesto: ManifestoRef & { municipalityCode: string; departmentId: number };
  },
): Promise<void> {
  const hears = whoHears(move.action, move.to, move.manifesto);
  if (!hears) return;
  const actorName = (await namesOfActors(tx, [move.actor])).get(move.actor) ?? "担当者";
  await enqueueNotification(
    tx,
    hears.kind,
    { ...hears.audience, exceptUserId: userIdOfActor(move.actor) },
    moveMessage(hears.kind, move.manifesto, actorName, move.comment),
    `move:${move.transitionId}`,
  );
}
