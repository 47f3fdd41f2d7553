// The top of a manifesto's first page, as in the seed: the evaluation scale's legend on the
// left, the title and subtitle in the middle, the department's header table on the right.
import type { DocumentHeading } from "./content.ts";
import { drawLines, drawRuns, strokeRect } from "./draw.ts";
import { FONT } from "./fonts.ts";
import { placedHeight, type TextMeasurer, type TypeScale } from "./measure.ts";
import { CONTENT_WIDTH, HEADER_FILL, PAGE } from "./page.ts";

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

function drawLegend(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
): number {
  const x = PAGE.marginX;
  const lines = measurer.placeBlocks(
    [
      { text: heading.legendTitle, bold: true, scale: 8 / 7.5 },
      ...heading.legendLines.map((text, i) => ({ text, gapBefore: i === 0 ? 0.2 : 0 })),
    ],
    LEGEND_WIDTH - 2 * PAD,
    SMALL,
  );
  const height = placedHeight(lines) + 2 * PAD;
  strokeRect(pdf, x, y, LEGEND_WIDTH, height);
  drawLines(pdf, lines, x + PAD, y + PAD);
  return height;
}

function drawHeaderTable(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
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
    strokeRect(pdf, x, top, HEADER_LABEL_WIDTH, height, HEADER_FILL);
    strokeRect(pdf, x + HEADER_LABEL_WIDTH, top, HEADER_VALUE_WIDTH, height);
    drawLines(pdf, label, x + PAD, top + (height - placedHeight(label)) / 2);
    drawLines(pdf, value, x + HEADER_LABEL_WIDTH + PAD, top + (height - placedHeight(value)) / 2);
    top += height;
  }
  return top - y;
}

function drawTitle(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
): number {
  const left = PAGE.marginX + LEGEND_WIDTH + 10;
  const width = CONTENT_WIDTH - LEGEND_WIDTH - HEADER_LABEL_WIDTH - HEADER_VALUE_WIDTH - 20;
  const blocks = [{ text: heading.title, bold: true, align: "center" as const }];
  if (heading.subtitle !== "") {
    blocks.push({ text: heading.subtitle, bold: false, align: "center" as const });
  }
  const lines = measurer
    .placeBlocks(blocks.slice(0, 1), width, { bodySize: TITLE_SIZE, lineFactor: 1.35 })
    .concat(
      measurer
        .placeBlocks(blocks.slice(1), width, { bodySize: SUBTITLE_SIZE, lineFactor: 1.5 })
        .map((l) => ({ ...l, top: l.top + TITLE_SIZE * 1.35 * 1.05 })),
    );
  drawLines(pdf, lines, left, y + 6);
  return placedHeight(lines) + 6;
}

/** Draws the heading from `y` down; returns where the table starts. */
export function drawHeading(
  pdf: PDFKit.PDFDocument,
  heading: DocumentHeading,
  measurer: TextMeasurer,
  y: number,
): number {
  const heights = [
    drawLegend(pdf, heading, measurer, y),
    drawTitle(pdf, heading, measurer, y),
    drawHeaderTable(pdf, heading, measurer, y),
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
    const baseline = PAGE.height - 14;
    const number = `${i + 1} / ${total}`;
    pdf.font(FONT.regular).fontSize(8).fillColor("#000000");
    // The label first, so that text extraction reads "総務部 3 / 15" as the eye does.
    const label = options.labelOf?.(i) ?? "";
    if (label !== "") drawRuns(pdf, label, FONT.regular, 8, PAGE.marginX, baseline);
    pdf.font(FONT.regular).fontSize(8);
    const width = pdf.widthOfString(number);
    pdf.text(number, (PAGE.width - width) / 2, baseline, {
      lineBreak: false,
      baseline: "alphabetic",
    });
  }
}
