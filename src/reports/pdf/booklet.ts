// The bound booklet (冊子): a cover, a table of contents with page numbers and links, then
// every department's manifesto in the order given (the municipality's department order).

import { formatFiscalYear } from "../../domain/era.ts";
import type {
  EvaluationScale,
  ManifestoDocument,
  ScoreScale,
} from "../../domain/manifesto/schema.ts";
import type { PrintLayoutSetting } from "../../domain/print-layout.ts";
import { ValidationError } from "../../errors.ts";
import { DEFAULT_DOCUMENT_TITLE } from "./content.ts";
import { drawLines } from "./draw.ts";
import { FONT } from "./fonts.ts";
import {
  GlyphChecker,
  type MissingGlyph,
  type MissingGlyphPolicy,
  missingGlyphsError,
} from "./glyphs.ts";
import { drawPageNumbers } from "./heading.ts";
import {
  createCanvas,
  drawManifesto,
  finish,
  layoutManifesto,
  type PdfCanvas,
} from "./manifesto.ts";
import { addLandscapePage, CONTENT_WIDTH, PAGE } from "./page.ts";
import { artifact, child, fill, type Struct } from "./tags.ts";

export interface BookletOptions {
  municipalityName: string;
  fiscalYear: number;
  documentTitle?: string;
  documentSubtitle?: string;
  scale?: EvaluationScale;
  /** The municipality's second scale, for documents that carry none (ContentOptions). */
  scoreScale?: ScoreScale;
  /** Per document (in order), per goal: the level the results support (ContentOptions). */
  expectedLevels?: readonly (readonly (number | null)[])[];
  /** Which fields the municipality's layout prints (src/domain/print-layout.ts). */
  layout?: PrintLayoutSetting;
  /** Awaited when it returns a promise. */
  onProgress?: (done: number, total: number) => unknown;
  /** "error" (default): refuse to print a character the font lacks; "substitute": print 〓. */
  missingGlyphs?: MissingGlyphPolicy;
}

const TOC_COLUMNS = 2;
const TOC_COLUMN_GAP = 40;
const TOC_TOP = PAGE.marginTop + 56;
const TOC_PITCH = 20;
const TOC_SIZE = 11;
const TOC_ROWS_PER_COLUMN = Math.floor((PAGE.height - PAGE.marginBottom - TOC_TOP) / TOC_PITCH);
const TOC_ROWS_PER_PAGE = TOC_ROWS_PER_COLUMN * TOC_COLUMNS;

function checkBookletInputs(docs: readonly ManifestoDocument[], options: BookletOptions): void {
  const problems = docs.flatMap((doc, i) =>
    doc.fiscalYear === options.fiscalYear
      ? []
      : [
          {
            path: `[${i}].fiscalYear`,
            message: `${doc.department.name}のマニフェストは${formatFiscalYear(doc.fiscalYear)}のもので、冊子の${formatFiscalYear(options.fiscalYear)}と違います`,
          },
        ],
  );
  if (docs.length === 0)
    problems.push({ path: "$", message: "冊子にするマニフェストがありません" });
  if (problems.length > 0) {
    throw new ValidationError(problems[0]?.message ?? "冊子を作れません", problems);
  }
}

function drawCover(
  canvas: PdfCanvas,
  texts: { title: string; subtitle: string; municipality: string; year: string },
): void {
  const { pdf, measurer } = canvas;
  addLandscapePage(pdf);
  const center = (text: string, size: number, bold = false) =>
    measurer.placeBlocks([{ text, bold, align: "center" }], CONTENT_WIDTH, {
      bodySize: size,
      lineFactor: 1.4,
    });
  let y = 190;
  for (const [text, size, bold] of [
    [texts.year, 20, false],
    [texts.title, 32, true],
    [texts.subtitle, 18, false],
  ] as const) {
    if (text === "") continue;
    const lines = center(text, size, bold);
    const at = y;
    fill(child(pdf, canvas.root, text === texts.title ? "H1" : "P"), () =>
      drawLines(pdf, lines, PAGE.marginX, at),
    );
    y += lines.length * size * 1.4 + 14;
  }
  fill(child(pdf, canvas.root, "P"), () =>
    drawLines(pdf, center(texts.municipality, 22, true), PAGE.marginX, 440),
  );
}

interface TocEntry {
  name: string;
  page: number; // 1-based, as printed at the foot of the page
  destination: string;
}

function drawTableOfContents(
  canvas: PdfCanvas,
  entries: readonly TocEntry[],
  firstTocPage: number,
  toc: Struct,
): void {
  const { pdf, measurer } = canvas;
  const columnWidth = (CONTENT_WIDTH - TOC_COLUMN_GAP * (TOC_COLUMNS - 1)) / TOC_COLUMNS;
  entries.forEach((entry, i) => {
    const pageOffset = Math.floor(i / TOC_ROWS_PER_PAGE);
    const onPage = i % TOC_ROWS_PER_PAGE;
    pdf.switchToPage(firstTocPage + pageOffset);
    if (onPage === 0) {
      const title = measurer.placeBlocks(
        [{ text: "目　次", bold: true, align: "center" }],
        CONTENT_WIDTH,
        {
          bodySize: 18,
          lineFactor: 1.4,
        },
      );
      const draw = () => drawLines(pdf, title, PAGE.marginX, PAGE.marginTop + 10);
      // The heading once in the structure; repeated on later pages of the contents.
      if (pageOffset === 0) fill(child(pdf, toc, "Caption"), draw);
      else artifact(pdf, draw);
    }
    const column = Math.floor(onPage / TOC_ROWS_PER_COLUMN);
    const x = PAGE.marginX + column * (columnWidth + TOC_COLUMN_GAP);
    const y = TOC_TOP + (onPage % TOC_ROWS_PER_COLUMN) * TOC_PITCH;
    const pageText = String(entry.page);
    const pageWidth = measurer.width(pageText, FONT.regular, TOC_SIZE);
    const nameLine = measurer.lines(entry.name, FONT.regular, TOC_SIZE, columnWidth - 60)[0] ?? "";
    const nameWidth = measurer.width(nameLine, FONT.regular, TOC_SIZE);
    const type = { font: FONT.regular, size: TOC_SIZE, top: 0, height: TOC_PITCH };
    fill(child(pdf, child(pdf, toc, "TOCI"), "Reference"), () =>
      drawLines(
        pdf,
        [
          { ...type, text: nameLine, x: 0 },
          { ...type, text: pageText, x: columnWidth - pageWidth },
        ],
        x,
        y,
      ),
    );
    // Dot leaders between the name and its page number.
    const dotsFrom = x + nameWidth + 6;
    const dotsTo = x + columnWidth - pageWidth - 6;
    const dotsY = y + TOC_PITCH / 2 + TOC_SIZE * 0.3;
    if (dotsTo > dotsFrom) {
      pdf.markContent("Artifact", { type: "Layout" });
      pdf
        .save()
        .lineWidth(0.8)
        .dash(0.8, { space: 2.4 })
        .moveTo(dotsFrom, dotsY)
        .lineTo(dotsTo, dotsY)
        .stroke("#555555")
        .undash()
        .restore()
        .endMarkedContent();
    }
    pdf.goTo(x, y, columnWidth, TOC_PITCH, entry.destination);
  });
}

export interface BookletResult {
  pdf: Buffer;
  missingGlyphs: MissingGlyph[];
  /** Each department's first page (1-based), in booklet order. */
  contents: { department: string; page: number }[];
}

export async function renderBooklet(
  docs: readonly ManifestoDocument[],
  options: BookletOptions,
): Promise<BookletResult> {
  checkBookletInputs(docs, options);
  const first = docs[0] as ManifestoDocument;
  const year = formatFiscalYear(options.fiscalYear);
  const rawTitle = options.documentTitle ?? first.documentTitle ?? DEFAULT_DOCUMENT_TITLE;
  const canvas = createCanvas({ title: `${year} ${rawTitle}（${options.municipalityName}）` });
  const checker = new GlyphChecker(canvas.hasGlyph, options.municipalityName, canvas.hasVariation);
  const title = checker.printable(rawTitle, "documentTitle");
  const rawSubtitle = options.documentSubtitle ?? first.documentSubtitle ?? "";
  const subtitle =
    rawSubtitle.trim() === "" ? "" : `～${checker.printable(rawSubtitle, "documentSubtitle")}～`;
  const municipality = checker.printable(options.municipalityName, "municipalityName");

  const contentOptions = {
    scale: options.scale,
    ...(options.scoreScale && { scoreScale: options.scoreScale }),
    ...(options.layout && { layout: options.layout }),
    documentTitle: options.documentTitle,
    documentSubtitle: options.documentSubtitle,
  };
  drawCover(canvas, { title, subtitle, municipality, year });
  const tocPages = Math.ceil(docs.length / TOC_ROWS_PER_PAGE);
  for (let i = 0; i < tocPages; i++) addLandscapePage(canvas.pdf);
  // Filled once the page numbers are known, but read before the departments.
  const toc = child(canvas.pdf, canvas.root, "TOC");

  // Each department is laid out and drawn in turn, so that progress moves with the work
  // (layout is half of it). A character the font lacks under the "error" policy fails the
  // whole booklet after every department has been checked, so the error names them all.
  const refuseMissing = (options.missingGlyphs ?? "error") === "error";
  const missing = [...checker.missing];
  const entries: TocEntry[] = [];
  const departmentOfPage: string[] = [];
  for (const [i, doc] of docs.entries()) {
    const expectedLevels = options.expectedLevels?.[i];
    const layout = layoutManifesto(canvas, doc, {
      ...contentOptions,
      ...(expectedLevels && { expectedLevels }),
    });
    missing.push(...layout.missing);
    if (refuseMissing && missing.length > 0) continue;
    const name = layout.heading.headerFields[0]?.value ?? "";
    const destination = `department-${i + 1}`;
    const firstPage = drawManifesto(
      canvas,
      layout,
      () => {
        canvas.pdf.addNamedDestination(destination);
        canvas.pdf.outline.addItem(name);
      },
      child(canvas.pdf, canvas.root, "Sect", { title: name }),
    );
    const range = canvas.pdf.bufferedPageRange();
    for (let p = firstPage; p < range.start + range.count; p++) departmentOfPage[p] = name;
    entries.push({ name, page: firstPage + 1, destination });
    // Awaited: a caller that stores the progress gets its turn between departments.
    await options.onProgress?.(i + 1, docs.length);
  }
  if (refuseMissing && missing.length > 0) throw missingGlyphsError(missing);

  drawTableOfContents(canvas, entries, 1, toc);
  drawPageNumbers(canvas.pdf, {
    skip: (page) => page === 0,
    labelOf: (page) => departmentOfPage[page] ?? "",
  });
  return {
    pdf: await finish(canvas.pdf),
    missingGlyphs: missing,
    contents: entries.map((e) => ({ department: e.name, page: e.page })),
  };
}
