// The top of a manifesto's first page, as in the seed: the evaluation scale's legend on the
// left (with the second scale's below it, when the document has one), the title and subtitle
// in the middle, the department's header table on the right.
import type { DocumentHeading } from "./content.ts";
import { drawLines, drawRuns, strokeRect } from "./draw.ts";
import { FONT } from "./fonts.ts";
import { placedHeight, type TextMeasurer, type TypeScale } from "./measure.ts";
import { CONTENT_WIDTH, HEADER_FILL, PAGE } from "./page.ts";
import { artifact, child, fill, type Struct } from "./tags.ts";

/** The heading's elements, created in reading order: title, subtitle, header table, legend. */
interface HeadingTags {
  title: Struct;
  subtitle: Struct | null;
  headerTable: Struct;
  legend: Struct;
  /** The second scale's legend, below the level's (absent without a scoreScale). */
  scoreLegend: Struct | null;
}

const LEGEND_WIDTH = 230;
const HEADER_LABEL_WIDTH = 52;
const HEADER_VALUE_WIDTH = 170;
const PAD = 4;
const SMALL: TypeScale = { bodySize: 7.5, lineFactor: 1.3 };
const HEADER_TYPE: TypeScale = { bodySize: 8.5, lineFactor: 1.3 };
const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 11;
/** Space between the heading and the table below it. */
const GAP_BELOW = 8;

/** A scale's legend box at `y`: its name as the caption, its levels as a list. */
function drawLegend(
  pdf: PDFKit.PDFDocument,
  content: { title: string; lines: readonly string[] },
  measurer: TextMeasurer,
  y: number,
  legend: Struct,
): number {
  const x = PAGE.marginX;
  const lines = measurer.placeBlocks(
    [
      { text: content.title, bold: true, scale: 8 / 7.5 },
      ...content.lines.map((text, i) => ({ text, gapBefore: i === 0 ? 0.2 : 0 })),
    ],
    LEGEND_WIDTH - 2 * PAD,
    SMALL,
  );
  const height = placedHeight(lines) + 2 * PAD;
  artifact(pdf, () => strokeRect(pdf, x, y, LEGEND_WIDTH, height));
  // The scale's name, then its levels as a list.
  const [titleLines, levelLines] = [
    lines.filter((l) => l.block === 0),
    lines.filter((l) => l.block !== 0),
  ];
  fill(child(pdf, legend, "Caption"), () => drawLines(pdf, titleLines, x + PAD, y + PAD));
  const list = child(pdf, legend, "L");
  for (let block = 1; block <= content.lines.length; block++) {
    const item = levelLines.filter((l) => l.block === block);
    const body = child(pdf, child(pdf, list, "LI"), "LBody");
    fill(body, () => drawLines(pdf, item, x + PAD, y + PAD));
  }
  return height;
}

function drawHeaderTable(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
  table: Struct,
): number {
  const x = PAGE.marginX + CONTENT_WIDTH - HEADER_LABEL_WIDTH - HEADER_VALUE_WIDTH;
  let top = y;
  for (const field of heading.headerFields) {
    const label = measurer.placeBlocks(
      [{ text: field.label, align: "center" }],
      HEADER_LABEL_WIDTH - 2 * PAD,
      HEADER_TYPE,
    );
    const value = measurer.placeBlocks(
      [{ text: field.value }],
      HEADER_VALUE_WIDTH - 2 * PAD,
      HEADER_TYPE,
    );
    const height = Math.max(placedHeight(label), placedHeight(value)) + 2 * PAD;
    artifact(pdf, () => {
      strokeRect(pdf, x, top, HEADER_LABEL_WIDTH, height, HEADER_FILL);
      strokeRect(pdf, x + HEADER_LABEL_WIDTH, top, HEADER_VALUE_WIDTH, height);
    });
    // Each field a row: its label the row's header cell, its value the data cell.
    const row = child(pdf, table, "TR");
    const at = top;
    fill(child(pdf, row, "TH", { scope: "Row" }), () =>
      drawLines(pdf, label, x + PAD, at + (height - placedHeight(label)) / 2),
    );
    fill(child(pdf, row, "TD"), () =>
      drawLines(pdf, value, x + HEADER_LABEL_WIDTH + PAD, at + (height - placedHeight(value)) / 2),
    );
    top += height;
  }
  return top - y;
}

function drawTitle(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
  tags: HeadingTags,
): number {
  const left = PAGE.marginX + LEGEND_WIDTH + 10;
  const width = CONTENT_WIDTH - LEGEND_WIDTH - HEADER_LABEL_WIDTH - HEADER_VALUE_WIDTH - 20;
  const titleLines = measurer.placeBlocks(
    [{ text: heading.title, bold: true, align: "center" }],
    width,
    { bodySize: TITLE_SIZE, lineFactor: 1.35 },
  );
  const subtitleLines = measurer
    .placeBlocks([{ text: heading.subtitle, align: "center" }], width, {
      bodySize: SUBTITLE_SIZE,
      lineFactor: 1.5,
    })
    .map((l) => ({ ...l, top: l.top + TITLE_SIZE * 1.35 * 1.05 }));
  fill(tags.title, () => drawLines(pdf, titleLines, left, y + 6));
  const subtitle = tags.subtitle;
  if (subtitle) fill(subtitle, () => drawLines(pdf, subtitleLines, left, y + 6));
  const lines = subtitle ? subtitleLines : titleLines;
  return placedHeight(lines) + 6;
}

/**
 * Draws the heading from `y` down; returns where the table starts. Its structure goes under
 * `parent` in reading order (title, subtitle, header table, legend), whatever the drawing order.
 */
export function drawHeading(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
  parent: Struct,
): number {
  const tags: HeadingTags = {
    title: child(pdf, parent, "H1"),
    subtitle: heading.subtitle === "" ? null : child(pdf, parent, "P"),
    headerTable: child(pdf, parent, "Table"),
    legend: child(pdf, parent, "Div"),
    scoreLegend: heading.scoreLegend ? child(pdf, parent, "Div") : null,
  };
  const levelsHeight = drawLegend(
    pdf,
    { title: heading.legendTitle, lines: heading.legendLines },
    measurer,
    y,
    tags.legend,
  );
  // The second scale's legend right below the level's, in the same column, so the title and
  // the header table keep their width.
  const score = heading.scoreLegend;
  const legendsHeight =
    score && tags.scoreLegend
      ? levelsHeight + 4 + drawLegend(pdf, score, measurer, y + levelsHeight + 4, tags.scoreLegend)
      : levelsHeight;
  const heights = [
    legendsHeight,
    drawTitle(pdf, heading, measurer, y, tags),
    drawHeaderTable(pdf, heading, measurer, y, tags.headerTable),
  ];
  return y + Math.max(...heights) + GAP_BELOW;
}

/** Writes `N / M` (and an optional label on the left) at the foot of every buffered page. */
export function drawPageNumbers(
  pdf: PDFKit.PDFDocument,
  options: { labelOf?: (pageIndex: number) => string; skip?: (pageIndex: number) => boolean } = {},
): void {
  const range = pdf.bufferedPageRange();
  const total = range.start + range.count;
  for (let i = range.start; i < total; i++) {
    if (options.skip?.(i)) continue;
    pdf.switchToPage(i);
    artifact(pdf, () => drawPageNumber(pdf, i, total, options.labelOf?.(i) ?? ""), "Pagination");
  }
}

function drawPageNumber(pdf: PDFKit.PDFDocument, i: number, total: number, label: string): void {
  const baseline = PAGE.height - 14;
  const number = `${i + 1} / ${total}`;
  pdf.font(FONT.regular).fontSize(8).fillColor("#000000");
  // The label first, so that text extraction reads "総務部 3 / 15" as the eye does.
  if (label !== "") drawRuns(pdf, label, FONT.regular, 8, PAGE.marginX, baseline);
  pdf.font(FONT.regular).fontSize(8);
  const width = pdf.widthOfString(number);
  pdf.text(number, (PAGE.width - width) / 2, baseline, {
    lineBreak: false,
    baseline: "alphabetic",
  });
}
