// The review workflow of the staff API: moves through the cycle, review comments, the
// correction of published content, and the workflow's history. Thin: parse, one service,
// present. A move refused for the manifesto's state or a stale revision answers 409 with the
// current state and revision, so the client can reload and show where things stand.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { CommentRow } from "../../db/repositories/workflow.ts";
import type { Database } from "../../db/schema.ts";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../domain/workflow.ts";
import type { StaffContext } from "../../services/auth/staff-context.ts";
import { addComment } from "../../services/workflow/add-comment.ts";
import { approveManifesto } from "../../services/workflow/approve-manifesto.ts";
import { correctPublishedManifesto } from "../../services/workflow/correct-published-manifesto.ts";
import { listManifestoComments } from "../../services/workflow/list-comments.ts";
import { manifestoWorkflowHistory } from "../../services/workflow/list-transitions.ts";
import {
  COMMENT_MAX_LENGTH,
  type TransitionInput,
  type TransitionResult,
  WorkflowConflictError,
} from "../../services/workflow/move-manifesto.ts";
import { openEvaluation } from "../../services/workflow/open-evaluation.ts";
import { publishManifesto } from "../../services/workflow/publish-manifesto.ts";
import { resolveComment } from "../../services/workflow/resolve-comment.ts";
import { returnManifesto } from "../../services/workflow/return-manifesto.ts";
import { submitManifesto } from "../../services/workflow/submit-manifesto.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { dbIdParam, dbInteger } from "./db-values.ts";
import { parseInput } from "./parse.ts";

const idParams = z.strictObject({ id: dbIdParam("manifesto") });
const commentParams = z.strictObject({
  id: dbIdParam("manifesto"),
  commentId: dbIdParam("comment"),
});

const revision = dbInteger;
export const transitionBody = z.strictObject({
  action: z.enum(WORKFLOW_ACTIONS),
  revision,
  comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
  confirmWarnings: z.number().int().min(0).max(10_000).optional(),
});
export const commentBody = z.strictObject({
  goalNumber: z.number().int().min(1).max(999).optional(),
  parentId: dbInteger.optional(),
  body: z.string().max(COMMENT_MAX_LENGTH),
});
export const correctionBody = z.strictObject({
  revision,
  document: z.unknown().refine((d) => d !== undefined, "is required"),
  changeNote: z.string().max(COMMENT_MAX_LENGTH).optional(),
});

type Mover = (ctx: StaffContext, id: number, input: TransitionInput) => Promise<TransitionResult>;
const MOVERS: Record<WorkflowAction, Mover> = {
  submit: submitManifesto,
  approve: approveManifesto,
  return: returnManifesto,
  publish: publishManifesto,
  open_evaluation: openEvaluation,
};

function presentComment(c: CommentRow & { depth?: number; authorName?: string | null }) {
  return {
    id: c.id,
    goalNumber: c.goalNumber,
    parentId: c.parentId,
    ...(c.depth !== undefined && { depth: c.depth }),
    revision: c.revision,
    author: c.author,
    ...(c.authorName !== undefined && { authorName: c.authorName }),
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedBy: c.resolvedBy,
  };
}

/** Runs a write; a conflict of state or revision answers 409 with where things stand. */
async function answeringConflicts<T>(reply: FastifyReply, write: () => Promise<T>) {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof WorkflowConflictError)) throw e;
    return reply
      .status(409)
      .send({ error: { code: "conflict", message: e.message, current: e.current } });
  }
}

export function registerWorkflowRoutes(api: FastifyInstance, deps: { db: Kysely<Database> }) {
  api.post("/manifestos/:id/transitions", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(transitionBody, request.body, "the transition");
    return answeringConflicts(reply, async () => {
      const moved = await MOVERS[body.action](ctx, id, body);
      return { ...moved, updatedAt: moved.updatedAt.toISOString() };
    });
  });

  api.get("/manifestos/:id/transitions", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const history = await manifestoWorkflowHistory(ctx, id);
    return {
      transitions: history.transitions.map((t) => ({
        ...t,
        occurredAt: t.occurredAt.toISOString(),
      })),
      publications: history.publications.map((p) => ({
        ...p,
        publishedAt: p.publishedAt.toISOString(),
      })),
    };
  });

  api.post("/manifestos/:id/corrections", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(correctionBody, request.body, "the correction");
    return answeringConflicts(reply, () => correctPublishedManifesto(ctx, id, body));
  });

  api.get("/manifestos/:id/comments", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const comments = await listManifestoComments(ctx, id);
    return { comments: comments.map(presentComment) };
  });

  api.post("/manifestos/:id/comments", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(commentBody, request.body, "the comment");
    const comment = await addComment(ctx, id, body);
    return reply.status(201).send({ comment: presentComment(comment) });
  });

  api.post("/manifestos/:id/comments/:commentId/resolve", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id, commentId } = parseInput(commentParams, request.params, "the address");
    const comment = await resolveComment(ctx, id, commentId);
    return { comment: presentComment(comment) };
  });
}
