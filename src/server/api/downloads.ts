// Staff downloads: any manifesto the caller may read, drafts included, as the interchange
// JSON, the Excel workbook or the official PDF; and the empty Excel template. Workbooks and
// PDFs are rendered on the worker threads of the render pool (reports/render).
//
// GET /api/manifestos/:id/export?format=json|xlsx|pdf
//   200  the file, `Content-Disposition: attachment; filename="<ascii>"; filename*=UTF-8''<name>`
//        with name `<municipality code>-<fiscal year>-<department>.<ext>` (e.g.
//        `242161-2023-総務部.pdf`); Content-Type by format:
//          json  application/json; charset=utf-8 — tassei.manifesto/v1, as `tassei export`
//          xlsx  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//          pdf   application/pdf; header `x-missing-glyphs: <n>` counts the characters the
//                font lacks, printed as 〓 (0 normally)
//   400  { error: { code: "validation_error", fields: { "format" | "id": "…" } } }
//   401  not signed in; 404 no such manifesto in the caller's scope (scoped like GET /:id)
//
// GET /api/template.xlsx
//   200  the empty template a department fills in (`tassei import` reads it back), with the
//        caller's municipality's evaluation scale; file name `マニフェスト入力様式.xlsx`
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import {
  exportManifestoXlsxOffThread,
  exportTemplateXlsxOffThread,
  renderManifestoPdfOffThread,
} from "../../reports/render/index.ts";
import { exportStaffManifesto } from "../../services/manifestos/export-staff-manifesto.ts";
import { templateScaleFor } from "../../services/manifestos/template-scale.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { contentDisposition } from "../portal/urls.ts";
import { dbIdParam } from "./db-values.ts";
import { parseInput } from "./parse.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TEMPLATE_FILE_NAME = "マニフェスト入力様式.xlsx";

const idParams = z.strictObject({ id: dbIdParam("manifesto") });

export const exportQuery = z.strictObject({
  format: z.enum(["json", "xlsx", "pdf"], "must be one of json, xlsx, pdf"),
});

export function registerDownloadRoutes(api: FastifyInstance, deps: { db: Kysely<Database> }) {
  api.get("/manifestos/:id/export", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the address");
    const { format } = parseInput(exportQuery, request.query, "the query");
    const found = await exportStaffManifesto(ctx, id);
    reply.header("content-disposition", contentDisposition(`${found.fileBase}.${format}`));
    switch (format) {
      case "json":
        return reply
          .type("application/json; charset=utf-8")
          .send(`${JSON.stringify(found.doc, null, 2)}\n`);
      case "xlsx": {
        const xlsx = await exportManifestoXlsxOffThread(found.doc, {
          ...(found.scale && { scale: found.scale }),
          assessment: found.assessment,
        });
        return reply.type(XLSX_TYPE).send(xlsx);
      }
      case "pdf": {
        // A draft's proof must not fail over one character the font lacks: print 〓, say so.
        const rendered = await renderManifestoPdfOffThread(found.doc, {
          ...(found.scale && { scale: found.scale }),
          ...(found.scoreScale && { scoreScale: found.scoreScale }),
          ...(found.pdfLayout && { layout: found.pdfLayout }),
          missingGlyphs: "substitute",
        });
        return reply
          .type("application/pdf")
          .header("x-missing-glyphs", String(rendered.missingGlyphs.length))
          .send(rendered.pdf);
      }
    }
  });

  api.get("/template.xlsx", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const scale = await templateScaleFor(ctx);
    return reply
      .type(XLSX_TYPE)
      .header("content-disposition", contentDisposition(TEMPLATE_FILE_NAME))
      .send(await exportTemplateXlsxOffThread(scale ? { scale } : {}));
  });
}
