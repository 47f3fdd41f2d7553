// One department's manifesto in the official layout, drawn into a pdfkit document that the
// caller owns (a single manifesto, or one section of the booklet).
import PDFDocument from "pdfkit";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { isRatingColumn, type PrintColumn, printColumns } from "../../domain/print-layout.ts";
import { type ContentOptions, documentHeading, goalRowContent, scaleOf } from "./content.ts";
import { columnBlocks } from "./field-content.ts";
import { FONT, fontFor, hasVariation, registerJapaneseFonts } from "./fonts.ts";
import { GlyphChecker, type MissingGlyph } from "./glyphs.ts";
import { drawHeading } from "./heading.ts";
import { TextMeasurer } from "./measure.ts";
import { addLandscapePage, BODY_BOTTOM, CONTENT_WIDTH, PAGE } from "./page.ts";
import {
  columnGeometry,
  drawColumnHeader,
  drawRow,
  isRowDone,
  layoutCells,
  layoutColumnHeader,
  layoutGoalRow,
  type RowLayout,
  SEED_GEOMETRY,
  startOfRow,
  type TableGeometry,
  tagColumnHeader,
  tagGoalRow,
  takeFragment,
} from "./table.ts";
import { child, type Struct } from "./tags.ts";

/** A pdfkit document set up for the official layout, with its measurer. */
export interface PdfCanvas {
  pdf: PDFKit.PDFDocument;
  measurer: TextMeasurer;
  hasGlyph: (codePoint: number) => boolean;
  hasVariation: (base: number, selector: number) => boolean;
  /** The structure tree's root element (tagged PDF): everything read is under it. */
  root: Struct;
}

export function createCanvas(info: { title: string; subject?: string }): PdfCanvas {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    lang: "ja-JP",
    displayTitle: true,
    // Tagged (headings, tables with header cells, reading order; furniture as artifacts:
    // tags.ts) and PDF/A-2b (fonts embedded, XMP metadata, sRGB output intent) on PDF 1.7.
    // Not claimed PDF/A-2a: see docs/operations.md, "Documents".
    tagged: true,
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    info: { Title: info.title, Subject: info.subject ?? "", Creator: "Tassei", Producer: "Tassei" },
  });
  registerJapaneseFonts(pdf);
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  return {
    pdf,
    root,
    measurer: new TextMeasurer(pdf),
    hasGlyph: (cp) => fontFor(FONT.regular, cp) !== null,
    hasVariation: (base, selector) => {
      const font = fontFor(FONT.regular, base);
      return font !== null && hasVariation(font, base, selector);
    },
  };
}

/** The finished PDF's bytes. */
export function finish(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}

// A row taller than a page starts on the current page only if this much room is left;
// otherwise a sliver of it would sit alone at the foot of the page.
const MIN_SPLIT_START = 120;

/** Lays out every goal row first, so that missing glyphs are known before anything is drawn. */
export function layoutManifesto(
  canvas: PdfCanvas,
  doc: ManifestoDocument,
  options: ContentOptions,
): {
  heading: ReturnType<typeof documentHeading>;
  rows: RowLayout[];
  missing: MissingGlyph[];
  geometry: TableGeometry;
} {
  const checker = new GlyphChecker(canvas.hasGlyph, doc.department.name, canvas.hasVariation);
  const printable = (text: string, path: string) => checker.printable(text, path);
  const heading = documentHeading(doc, options, printable);
  const scale = scaleOf(doc, options);
  const columns = printColumns(options.layout);
  if (columns === undefined) {
    const rows = doc.goals.map((goal, i) =>
      layoutGoalRow(
        goalRowContent(goal, i, scale, printable, options.expectedLevels?.[i] ?? null),
        canvas.measurer,
      ),
    );
    return { heading, rows, missing: checker.missing, geometry: SEED_GEOMETRY };
  }
  // The municipality's own layout: each column prints the fields it names.
  const geometry = geometryOf(columns);
  const rows = doc.goals.map((goal, i) =>
    layoutCells(
      columns.map((c) => columnBlocks(c, doc, goal, i, scale, printable)),
      canvas.measurer,
      geometry,
    ),
  );
  return { heading, rows, missing: checker.missing, geometry };
}

function geometryOf(columns: readonly PrintColumn[]): TableGeometry {
  const named = (f: "number" | "title") => columns.findIndex((c) => c.fields.includes(f));
  const goalColumn = named("number") >= 0 ? named("number") : Math.max(named("title"), 0);
  return columnGeometry(
    columns.map((c) => ({ title: c.title, width: c.width, middle: isRatingColumn(c) })),
    goalColumn,
    CONTENT_WIDTH,
    PAGE.marginX,
  );
}

/**
 * Draws a laid-out manifesto from a new page on. A row that fits on a page is not split,
 * unless it is the first of a page and would leave that page empty below the heading; a
 * taller one is cut into fragments, with the column header repeated on every page.
 * Its structure goes under `parent` (the document's root unless given): the heading, then
 * the goal table with the column header as its header cells and one row per goal.
 * Returns the index of the manifesto's first page.
 */
export function drawManifesto(
  canvas: PdfCanvas,
  layout: ReturnType<typeof layoutManifesto>,
  onFirstPage?: () => void,
  parent: Struct = canvas.root,
): number {
  const { pdf, measurer } = canvas;
  addLandscapePage(pdf);
  onFirstPage?.();
  const firstPage = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1;
  const header = layoutColumnHeader(measurer, layout.geometry);
  let y = drawHeading(pdf, layout.heading, measurer, PAGE.marginTop, parent);
  const table = child(pdf, parent, "Table");
  y = drawColumnHeader(pdf, header, y, tagColumnHeader(pdf, table, layout.geometry));
  const fullPageRoom = BODY_BOTTOM - PAGE.marginTop - header.height;
  const newPage = () => {
    addLandscapePage(pdf);
    y = drawColumnHeader(pdf, header, PAGE.marginTop, null);
  };

  // Whether the page holds a row yet: a page is never left with only its header on it.
  let rowsOnPage = 0;
  for (const row of layout.rows) {
    const tags = tagGoalRow(pdf, table, layout.geometry);
    const fitsBelow = y + row.height <= BODY_BOTTOM;
    if (row.height <= fullPageRoom && (fitsBelow || rowsOnPage > 0)) {
      if (!fitsBelow) {
        newPage();
        rowsOnPage = 0;
      }
      drawRow(pdf, row, y, row.height, tags);
      y += row.height;
      rowsOnPage++;
      continue;
    }
    // A row taller than a page, or one that would leave the page below the document's heading
    // empty: it starts here and goes on over the page break.
    if (rowsOnPage > 0 && BODY_BOTTOM - y < MIN_SPLIT_START) newPage();
    let cursor = startOfRow(row);
    while (!isRowDone(row, cursor)) {
      const { fragment, next } = takeFragment(row, cursor, BODY_BOTTOM - y);
      drawRow(pdf, fragment, y, fragment.height, tags);
      y += fragment.height;
      cursor = next;
      if (!isRowDone(row, cursor)) newPage();
    }
    rowsOnPage = 1;
  }
  return firstPage;
}
