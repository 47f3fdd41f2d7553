// The booklet（冊子）of a municipality's published manifestos of a fiscal year, built after the
// request is answered, with its progress kept in the database (any app process behind the
// load balancer can answer the poll). The job runs in the process that accepted it, one at a
// time per process; a job whose process stopped is marked failed when next read.
//
// POST /api/booklets  { "municipality": "242161", "year": 2023 }   (CSRF token required)
//   202  { "id": 12, "reused": false }   reused: a job for the same booklet was still running
//   400  validation_error, fields "municipality" | "year" (also: nothing published that year)
//   403  the caller sees the municipality but may not build (department roles, viewer)
//   404  a municipality outside the caller's scope, or unknown
// GET /api/booklets/:id
//   200  { "id", "municipalityCode", "fiscalYear", "status": "queued"|"running"|"done"|"failed",
//          "done": 3, "total": 25 | null (until counted), "error": null | { "code", "message" },
//          "createdAt", "startedAt": null | ISO, "finishedAt": null | ISO,
//          "fileUrl": null | "/api/booklets/12/file", "size": bytes of the PDF (0 until done),
//          "allowed": { "read", "build" } }
//        error.code "abandoned": the process building it stopped (no heartbeat for 120 s)
//   404  no such job in the caller's municipality
// GET /api/booklets/:id/file
//   200  application/pdf, attachment `<code>-<year>-冊子.pdf`; 409 conflict while not done
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { BookletJobRow } from "../../db/repositories/booklet-jobs.ts";
import type { Database } from "../../db/schema.ts";
import { fiscalYearSchema, municipalityCodeSchema } from "../../domain/manifesto/schema.ts";
import { bookletPermissions } from "../../domain/permissions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import { getBookletFile } from "../../services/booklets/get-booklet-file.ts";
import { getBookletJob } from "../../services/booklets/get-booklet-job.ts";
import { requestBooklet } from "../../services/booklets/request-booklet.ts";
import { runBookletJob } from "../../services/booklets/run-booklet-job.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { contentDisposition } from "../portal/urls.ts";
import { dbIdParam } from "./db-values.ts";
import { parseInput } from "./parse.ts";

export const bookletBody = z.strictObject({
  municipality: municipalityCodeSchema,
  year: fiscalYearSchema,
});

const idParams = z.strictObject({ id: dbIdParam("booklet job") });

function presentJob(job: BookletJobRow, user: StaffUser) {
  return {
    id: job.id,
    municipalityCode: job.municipalityCode,
    fiscalYear: job.fiscalYear,
    status: job.status,
    done: job.done,
    total: job.total,
    error: job.errorCode === null ? null : { code: job.errorCode, message: job.errorMessage ?? "" },
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    fileUrl: job.status === "done" ? `/api/booklets/${job.id}/file` : null,
    size: job.size,
    allowed: bookletPermissions(user, job),
  };
}

export function registerBookletRoutes(api: FastifyInstance, deps: { db: Kysely<Database> }) {
  // One booklet at a time in this process: each holds the CPU for about a second.
  let queue: Promise<unknown> = Promise.resolve();
  const schedule = (id: number) => {
    const ctx = { db: deps.db, actor: "system:booklet" };
    queue = queue.then(() =>
      runBookletJob(ctx, id, {
        onUnexpectedError: (err) => api.log.error({ err, bookletJob: id }, "booklet job failed"),
      }),
    );
  };
  // Shutting down waits for the booklets in hand, so none is left half-built by this process.
  api.addHook("onClose", async () => {
    await queue;
  });

  api.post("/booklets", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(bookletBody, request.body, "the booklet request");
    const job = await requestBooklet(ctx, {
      municipalityCode: body.municipality,
      fiscalYear: body.year,
    });
    if (!job.reused) reply.raw.once("close", () => schedule(job.id));
    return reply.status(202).send(job);
  });

  api.get("/booklets/:id", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    return presentJob(await getBookletJob(ctx, id), ctx.user);
  });

  api.get("/booklets/:id/file", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const file = await getBookletFile(ctx, id);
    return reply
      .type("application/pdf")
      .header("content-disposition", contentDisposition(file.fileName))
      .send(file.pdf);
  });
}
