// The manifesto API of the staff workspace. Thin: parse, one service, present.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { ManifestoSummary } from "../../db/repositories/staff-manifestos.ts";
import type { Database } from "../../db/schema.ts";
import { fiscalYearSchema } from "../../domain/manifesto/schema.ts";
import { ValidationError } from "../../errors.ts";
import { getStaffManifesto } from "../../services/manifestos/get-manifesto.ts";
import { importStaffManifesto } from "../../services/manifestos/import-staff-manifesto.ts";
import { listStaffManifestos } from "../../services/manifestos/list-manifestos.ts";
import { HISTORY_PAGE_MAX, manifestoHistory } from "../../services/manifestos/manifesto-history.ts";
import { readStaffWorkbook } from "../../services/manifestos/read-staff-workbook.ts";
import { RevisionConflictError } from "../../services/manifestos/revision-conflict.ts";
import { saveManifesto } from "../../services/manifestos/save-manifesto.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { dbIdParam, dbInteger } from "./db-values.ts";
import { parseInput } from "./parse.ts";

export const listQuery = z.strictObject({
  year: z.coerce.number().pipe(fiscalYearSchema).optional(),
});

const idParams = z.strictObject({ id: dbIdParam("manifesto") });

/** A page of the history: the revisions before `before` (default: the newest). */
export const historyQuery = z.strictObject({
  before: z.coerce.number().pipe(dbInteger).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});

export const saveBody = z.strictObject({
  revision: dbInteger,
  document: z.unknown().refine((d) => d !== undefined, "is required"),
});

function presentManifesto(m: ManifestoSummary) {
  return {
    id: m.id,
    municipalityCode: m.municipalityCode,
    fiscalYear: m.fiscalYear,
    department: { id: m.departmentId, name: m.departmentName },
    state: m.state,
    revision: m.revision,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function registerManifestoRoutes(api: FastifyInstance, deps: { db: Kysely<Database> }) {
  api.get("/manifestos", async (request) => {
    const ctx = requireStaff(request, deps);
    const query = parseInput(listQuery, request.query, "the query");
    const rows = await listStaffManifestos(
      ctx,
      query.year === undefined ? {} : { fiscalYear: query.year },
    );
    return { manifestos: rows.map((m) => ({ ...presentManifesto(m), allowed: m.allowed })) };
  });

  api.get("/manifestos/:id", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const found = await getStaffManifesto(ctx, id);
    // The stored document goes out as the database printed it; the rest is serialised here.
    const head = JSON.stringify({ manifesto: presentManifesto(found.manifesto) });
    const tail = JSON.stringify({ allowed: found.allowed, context: found.context });
    return reply
      .type("application/json; charset=utf-8")
      .send(`${head.slice(0, -1)},"document":${found.documentJson},${tail.slice(1)}`);
  });

  api.put("/manifestos/:id", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const body = parseInput(saveBody, request.body, "the save request");
    try {
      const saved = await saveManifesto(ctx, id, body);
      return { id: saved.id, revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
    } catch (e) {
      if (!(e instanceof RevisionConflictError)) throw e;
      return reply.status(409).send({
        error: {
          code: "conflict",
          message: e.message,
          current: {
            revision: e.current.revision,
            updatedAt: e.current.updatedAt.toISOString(),
            changedPaths: e.current.changedPaths,
          },
        },
      });
    }
  });

  api.get("/manifestos/:id/history", async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const query = parseInput(historyQuery, request.query, "the query");
    const page = await manifestoHistory(ctx, id, query);
    return {
      revisions: page.revisions.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        lastSavedAt: r.lastSavedAt?.toISOString() ?? null,
      })),
      earlier: page.earlier,
    };
  });

  api.post("/manifestos/import", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const result = await importStaffManifesto(ctx, request.body);
    return reply.status(result.created ? 201 : 200).send(result);
  });

  // The filled-in Excel template as raw bytes → { document } for the check before importing.
  api.register(async (xlsx) => {
    xlsx.addContentTypeParser(
      XLSX_CONTENT_TYPE,
      { parseAs: "buffer", bodyLimit: XLSX_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    xlsx.post("/manifestos/import/xlsx", async (request) => {
      const ctx = requireStaff(request, deps);
      if (!Buffer.isBuffer(request.body)) {
        throw new ValidationError("not an .xlsx body", [
          { path: "$", message: `Excel ファイル（${XLSX_CONTENT_TYPE}）を送ってください` },
        ]);
      }
      return { document: await readStaffWorkbook(ctx, request.body) };
    });
  });
}

export const XLSX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A filled-in template is tens of kilobytes; the reader's own limits apply inside. */
const XLSX_BODY_LIMIT = 10 * 1024 * 1024;
