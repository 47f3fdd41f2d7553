// The official documents as PDF: one department's manifesto, and the bound booklet of all
// published manifestos of a municipality and fiscal year.
import { formatFiscalYear } from "../../domain/era.ts";
import type {
  EvaluationScale,
  ManifestoDocument,
  ScoreScale,
} from "../../domain/manifesto/schema.ts";
import type { PrintLayoutSetting } from "../../domain/print-layout.ts";
import { type BookletOptions, type BookletResult, renderBooklet } from "./booklet.ts";
import { DEFAULT_DOCUMENT_TITLE } from "./content.ts";
import { type MissingGlyph, type MissingGlyphPolicy, missingGlyphsError } from "./glyphs.ts";
import { drawPageNumbers } from "./heading.ts";
import { createCanvas, drawManifesto, finish, layoutManifesto } from "./manifesto.ts";

export type { BookletOptions, BookletResult } from "./booklet.ts";
export { GETA, type MissingGlyph, type MissingGlyphPolicy } from "./glyphs.ts";

export interface ManifestoPdfOptions {
  scale?: EvaluationScale;
  /** The municipality's second scale, for a document that carries none (ContentOptions). */
  scoreScale?: ScoreScale;
  /** Which fields the municipality's layout prints (src/domain/print-layout.ts). */
  layout?: PrintLayoutSetting;
  documentTitle?: string;
  documentSubtitle?: string;
  /** "error" (default): refuse to print a character the font lacks; "substitute": print 〓. */
  missingGlyphs?: MissingGlyphPolicy;
}

export interface ManifestoPdfResult {
  pdf: Buffer;
  /** Characters printed as 〓 (policy "substitute"); empty when every character printed. */
  missingGlyphs: MissingGlyph[];
}

/** The manifesto as a PDF, with the characters the font could not print. */
export async function renderManifestoPdfWithReport(
  doc: ManifestoDocument,
  options: ManifestoPdfOptions = {},
): Promise<ManifestoPdfResult> {
  const title = doc.documentTitle ?? options.documentTitle ?? DEFAULT_DOCUMENT_TITLE;
  const canvas = createCanvas({
    title: `${formatFiscalYear(doc.fiscalYear)} ${title} ${doc.department.name}`,
    subject: doc.municipality.name,
  });
  const layout = layoutManifesto(canvas, doc, options);
  if (layout.missing.length > 0 && (options.missingGlyphs ?? "error") === "error") {
    throw missingGlyphsError(layout.missing);
  }
  drawManifesto(canvas, layout);
  drawPageNumbers(canvas.pdf);
  return { pdf: await finish(canvas.pdf), missingGlyphs: layout.missing };
}

/**
 * The manifesto in the official layout (A4 landscape). A character the font lacks fails the
 * render with a ValidationError naming it and its field, unless `missingGlyphs: "substitute"`.
 */
export async function renderManifestoPdf(
  doc: ManifestoDocument,
  options: ManifestoPdfOptions = {},
): Promise<Buffer> {
  return (await renderManifestoPdfWithReport(doc, options)).pdf;
}

/** The booklet with its table of contents and any characters printed as 〓. */
export function renderBookletPdfWithReport(
  docs: ManifestoDocument[],
  options: BookletOptions,
): Promise<BookletResult> {
  return renderBooklet(docs, options);
}

/** All manifestos, already in the municipality's department order, as one booklet. */
export async function renderBookletPdf(
  docs: ManifestoDocument[],
  options: BookletOptions,
): Promise<Buffer> {
  return (await renderBooklet(docs, options)).pdf;
}
