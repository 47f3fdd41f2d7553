// The rendering jobs the worker threads run (render/pool.ts): what goes in and what comes
// out is plain data, copied between threads. Kept free of the pool so that the worker loads
// only the renderers.
import type { EvaluationScale, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import type { BookletOptions, ManifestoPdfOptions } from "../pdf/index.ts";

export type RenderJob =
  | { kind: "manifesto-pdf"; doc: ManifestoDocument; options: ManifestoPdfOptions }
  | {
      kind: "manifesto-xlsx";
      doc: ManifestoDocument;
      options: { scale?: EvaluationScale; assessment?: unknown };
    }
  | { kind: "template-xlsx"; options: { doc?: ManifestoDocument; scale?: EvaluationScale } }
  | { kind: "booklet-pdf"; docs: ManifestoDocument[]; options: Omit<BookletOptions, "onProgress"> };

export interface RenderOutput {
  bytes: Uint8Array;
  /** What else the renderer reported: characters printed as 〓, the booklet's contents. */
  report: Record<string, unknown>;
}

/** Runs a job in this thread; `progress` is told of each department of a booklet. */
export async function runRenderJob(
  job: RenderJob,
  progress: (done: number, total: number) => void = () => {},
): Promise<RenderOutput> {
  switch (job.kind) {
    case "manifesto-pdf": {
      const { renderManifestoPdfWithReport } = await import("../pdf/index.ts");
      const r = await renderManifestoPdfWithReport(job.doc, job.options);
      return { bytes: r.pdf, report: { missingGlyphs: r.missingGlyphs } };
    }
    case "manifesto-xlsx": {
      const { exportManifestoXlsx } = await import("../xlsx/index.ts");
      return { bytes: await exportManifestoXlsx(job.doc, job.options), report: {} };
    }
    case "template-xlsx": {
      const { exportTemplateXlsx } = await import("../xlsx/index.ts");
      return { bytes: await exportTemplateXlsx(job.options), report: {} };
    }
    case "booklet-pdf": {
      const { renderBookletPdfWithReport } = await import("../pdf/index.ts");
      const r = await renderBookletPdfWithReport(job.docs, {
        ...job.options,
        onProgress: progress,
      });
      return {
        bytes: r.pdf,
        report: { missingGlyphs: r.missingGlyphs, contents: r.contents },
      };
    }
  }
}
