// The mid-year progress report（中間報告）of a manifesto, and planning's view of progress
// across the year. Thin: parse, one service, present. A move or save refused for the report's
// state or a stale revision answers 409 with where things stand.
//
// GET  /api/manifestos/:id/progress → { manifesto, goals: [{ number, title, targets: [{ index,
//        label, text, numeric: { indicator, unit } | null }] }], statuses: [{ label, behind }],
//        reports: [{ id, state, revision, revisions, entries: [{ goal, asOf, status?, note?,
//        values?: [{ target, actual }] }], createdAt, updatedAt, submittedAt, acknowledgedAt }],
//        comments: [{ id, reportId, author, body, createdAt }], due: { status, dueDate } | null,
//        allowed: { read, edit, submit, acknowledge, return, comment } }
// PUT  /api/manifestos/:id/progress { revision: int | null, entries } → { reportId, revision, updatedAt }
// POST /api/manifestos/:id/progress/transitions { reportId, action: submit | acknowledge |
//        return, revision, comment? } → { reportId, state, revision, updatedAt }
// POST /api/manifestos/:id/progress/comments { reportId, body } → 201 comment
// POST /api/manifestos/:id/progress/import/xlsx (the Excel template) → { reportId, revision, goals }
// GET  /api/progress?municipality=&year= → { fiscalYear, today, departments: [{ manifestoId,
//        departmentId, name, state, report: { id, state } | null, due: { status, dueDate } |
//        null, goals: [{ number, title, latest: { asOf, status, note, reportState } | null,
//        lastUpdated, stale, behind }] }] }
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { fiscalYearSchema, municipalityCodeSchema } from "../../domain/manifesto/schema.ts";
import { PROGRESS_ACTIONS } from "../../domain/progress-report/report.ts";
import { ValidationError } from "../../errors.ts";
import { commentOnProgressReport } from "../../services/progress/comment-progress-report.ts";
import { getProgressOverview } from "../../services/progress/get-progress-overview.ts";
import { getProgressReport } from "../../services/progress/get-progress-report.ts";
import { importProgressWorkbook } from "../../services/progress/import-progress-workbook.ts";
import { moveProgressReport } from "../../services/progress/move-progress-report.ts";
import { saveProgressReport } from "../../services/progress/save-progress-report.ts";
import {
  COMMENT_MAX_LENGTH,
  WorkflowConflictError,
} from "../../services/workflow/move-manifesto.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { dbIdParam, dbInteger } from "./db-values.ts";
import { XLSX_CONTENT_TYPE } from "./manifestos.ts";
import { parseInput } from "./parse.ts";

const idParams = z.strictObject({ id: dbIdParam("manifesto") });
export const progressSaveBody = z.strictObject({
  revision: dbInteger.nullable(),
  entries: z.array(z.unknown()).max(999),
});
export const progressTransitionBody = z.strictObject({
  reportId: dbInteger,
  action: z.enum(PROGRESS_ACTIONS),
  revision: dbInteger,
  comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
});
export const progressCommentBody = z.strictObject({
  reportId: dbInteger,
  body: z.string().max(COMMENT_MAX_LENGTH),
});
export const progressOverviewQuery = z.strictObject({
  municipality: municipalityCodeSchema,
  year: z
    .string()
    .regex(/^[0-9]{4}$/, "must be a fiscal year such as 2023")
    .transform(Number)
    .pipe(fiscalYearSchema),
});

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

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registerProgressRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date },
) {
  api.get("/manifestos/:id/progress", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const view = await getProgressReport(ctx, id, deps.now());
    return {
      ...view,
      reports: view.reports.map((r) => ({
        id: r.id,
        state: r.state,
        revision: r.revision,
        revisions: r.revisions,
        entries: r.entries,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        submittedAt: iso(r.submittedAt),
        acknowledgedAt: iso(r.acknowledgedAt),
      })),
      comments: view.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    };
  });

  api.put("/manifestos/:id/progress", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(progressSaveBody, request.body, "the progress report");
    return answeringConflicts(reply, async () => {
      const saved = await saveProgressReport(ctx, id, body);
      return { ...saved, updatedAt: saved.updatedAt.toISOString() };
    });
  });

  api.post("/manifestos/:id/progress/transitions", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(progressTransitionBody, request.body, "the transition");
    return answeringConflicts(reply, async () => {
      const moved = await moveProgressReport(ctx, id, body);
      return { ...moved, updatedAt: moved.updatedAt.toISOString() };
    });
  });

  api.post("/manifestos/:id/progress/comments", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(progressCommentBody, request.body, "the comment");
    const c = await commentOnProgressReport(ctx, id, body);
    return reply.status(201).send({ ...c, createdAt: c.createdAt.toISOString() });
  });

  api.get("/progress", async (request) => {
    const ctx = requireStaff(request, deps);
    const q = parseInput(progressOverviewQuery, request.query, "the query");
    return getProgressOverview(ctx, q.municipality, q.year, deps.now());
  });

  api.register(async (xlsx) => {
    xlsx.addContentTypeParser(
      XLSX_CONTENT_TYPE,
      { parseAs: "buffer", bodyLimit: 10 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    xlsx.post("/manifestos/:id/progress/import/xlsx", async (request, reply) => {
      const ctx = requireStaff(request, deps);
      const { id } = parseInput(idParams, request.params, "the address");
      if (!Buffer.isBuffer(request.body)) {
        throw new ValidationError("not an .xlsx body", [
          { path: "$", message: `Excel ファイル（${XLSX_CONTENT_TYPE}）を送ってください` },
        ]);
      }
      const body = request.body;
      return answeringConflicts(reply, async () => {
        const saved = await importProgressWorkbook(ctx, id, body);
        return { ...saved, updatedAt: saved.updatedAt.toISOString() };
      });
    });
  });
}
