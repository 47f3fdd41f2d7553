// Downloads of published manifestos: JSON (tassei.manifesto/v1, as `tassei export`), Excel,
// PDF and the year's open-data CSV. PDF and Excel are rendered on the worker threads of the
// render pool (reports/render), never on the event loop.

import type { FastifyInstance } from "fastify";
import {
  exportManifestoXlsxOffThread,
  renderManifestoPdfOffThread,
} from "../../reports/render/index.ts";
import type { ServiceContext } from "../../services/context.ts";
import { pdfLayoutFromSetting, scoreScaleFromSetting } from "../../services/municipality-scale.ts";
import {
  exportPublicManifesto,
  listPublicYearDocuments,
  withPublishedProgress,
} from "../../services/portal/export-public-manifesto.ts";
import { getPublicManifesto } from "../../services/portal/get-public-manifesto.ts";
import { departmentParam, fiscalYearParam, municipalityCodeParam } from "./params.ts";
import { contentDisposition } from "./urls.ts";

type ManifestoParams = { code: string; year: string; department: string };

function selector(p: ManifestoParams) {
  return {
    municipalityCode: municipalityCodeParam(p.code),
    fiscalYear: fiscalYearParam(p.year),
    department: departmentParam(p.department),
  };
}

const fileBase = (s: { municipalityCode: string; fiscalYear: number }, name: string) =>
  `${s.municipalityCode}-${s.fiscalYear}-${name}`;

export function registerDownloads(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: ManifestoParams }>(
    "/:code/:year/:department/manifesto.json",
    async (request, reply) => {
      const s = selector(request.params);
      const doc = await exportPublicManifesto(ctx, s);
      return reply
        .type("application/json; charset=utf-8")
        .header(
          "content-disposition",
          contentDisposition(`${fileBase(s, doc.department.name)}.json`),
        )
        .send(`${JSON.stringify(doc, null, 2)}\n`);
    },
  );

  app.get<{ Params: ManifestoParams }>(
    "/:code/:year/:department/manifesto.xlsx",
    async (request, reply) => {
      const s = selector(request.params);
      const view = await getPublicManifesto(ctx, s);
      const xlsx = await exportManifestoXlsxOffThread(withPublishedProgress(view.document, view), {
        ...(view.municipality.scale && { scale: view.municipality.scale }),
        assessment: view.assessment,
      });
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          contentDisposition(`${fileBase(s, view.stored.departmentName)}.xlsx`),
        )
        .send(xlsx);
    },
  );

  app.get<{ Params: ManifestoParams }>(
    "/:code/:year/:department/manifesto.pdf",
    async (request, reply) => {
      const s = selector(request.params);
      const view = await getPublicManifesto(ctx, s);
      const layout = pdfLayoutFromSetting(view.municipality.row.pdfLayout);
      const scoreScale = scoreScaleFromSetting(view.municipality.row.scoreScale);
      // A citizen's download must not fail over one character the font lacks: print 〓.
      const { pdf } = await renderManifestoPdfOffThread(view.document, {
        scale: view.scale,
        ...(scoreScale && { scoreScale }),
        ...(layout && { layout }),
        ...(view.municipality.row.documentTitle !== null && {
          documentTitle: view.municipality.row.documentTitle,
        }),
        missingGlyphs: "substitute",
      });
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          contentDisposition(`${fileBase(s, view.stored.departmentName)}.pdf`),
        )
        .send(pdf);
    },
  );

  app.get<{ Params: { code: string; year: string } }>(
    "/:code/:year/opendata.csv",
    async (request, reply) => {
      const code = municipalityCodeParam(request.params.code);
      const fiscalYear = fiscalYearParam(request.params.year);
      const data = await listPublicYearDocuments(ctx, code, fiscalYear);
      const { openDataCsv } = await import("../../reports/csv/index.ts");
      const csv = openDataCsv(
        data.manifestos.map((m) => ({ doc: m.document, assessment: m.assessment })),
        data.municipality.scale ? { scale: data.municipality.scale } : {},
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", contentDisposition(`${code}-${fiscalYear}-opendata.csv`))
        .send(csv);
    },
  );
}
