// The renderers as the server calls them: each on a worker thread of the process's pool
// (pool.ts), with the same results as calling the renderer directly.
import type { EvaluationScale, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import type {
  BookletOptions,
  BookletResult,
  ManifestoPdfOptions,
  ManifestoPdfResult,
} from "../pdf/index.ts";
import { renderPool } from "./pool.ts";

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

export async function renderManifestoPdfOffThread(
  doc: ManifestoDocument,
  options: ManifestoPdfOptions = {},
): Promise<ManifestoPdfResult> {
  const out = await renderPool().run({ kind: "manifesto-pdf", doc, options });
  return {
    pdf: asBuffer(out.bytes),
    missingGlyphs: out.report.missingGlyphs as ManifestoPdfResult["missingGlyphs"],
  };
}

export async function exportManifestoXlsxOffThread(
  doc: ManifestoDocument,
  options: { scale?: EvaluationScale; assessment?: unknown } = {},
): Promise<Buffer> {
  return asBuffer((await renderPool().run({ kind: "manifesto-xlsx", doc, options })).bytes);
}

export async function exportTemplateXlsxOffThread(
  options: { doc?: ManifestoDocument; scale?: EvaluationScale } = {},
): Promise<Buffer> {
  return asBuffer((await renderPool().run({ kind: "template-xlsx", options })).bytes);
}

export async function renderBookletPdfOffThread(
  docs: ManifestoDocument[],
  options: BookletOptions,
): Promise<BookletResult> {
  const { onProgress, ...rest } = options;
  const out = await renderPool().run({ kind: "booklet-pdf", docs, options: rest }, onProgress);
  return {
    pdf: asBuffer(out.bytes),
    missingGlyphs: out.report.missingGlyphs as BookletResult["missingGlyphs"],
    contents: out.report.contents as BookletResult["contents"],
  };
}
