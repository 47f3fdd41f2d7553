// Low-level drawing shared by the table, the heading and the booklet pages.
import { type FontName, fontRuns } from "./fonts.ts";
import type { PlacedLine } from "./measure.ts";
import { BORDER_WIDTH, LINE_COLOR } from "./page.ts";

// Where the ideographic em box sits relative to the baseline in Noto Sans JP (880 / 1000
// above, 120 below): lines are centred on the em box, which is what the eye reads as the
// line, not on the font's much taller ascender.
const EM_BOX_TOP = 0.88;

/** Draws placed lines whose coordinates are relative to (originX, originY). */
export function drawLines(
  pdf: PDFKit.PDFDocument,
  lines: readonly PlacedLine[],
  originX: number,
  originY: number,
): void {
  pdf.fillColor("#000000");
  for (const line of lines) {
    if (line.text === "") continue;
    const baseline = originY + line.top + (line.height - line.size) / 2 + EM_BOX_TOP * line.size;
    drawRuns(pdf, line.text, line.font, line.size, originX + line.x, baseline);
  }
}

/**
 * One line of text at a baseline, each character in the first font of the chain that has it
 * (fonts.ts). A line is measured only where another font's run follows it: shaping a line
 * twice would double the cost of every line in one font, nearly all of them.
 */
export function drawRuns(
  pdf: PDFKit.PDFDocument,
  text: string,
  font: FontName,
  size: number,
  x: number,
  baseline: number,
): void {
  const runs = fontRuns(text, font);
  let at = x;
  runs.forEach((run, i) => {
    pdf.font(run.font).fontSize(size);
    pdf.text(run.text, at, baseline, { lineBreak: false, baseline: "alphabetic" });
    if (i < runs.length - 1) at += pdf.widthOfString(run.text);
  });
}

export function strokeRect(
  pdf: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  height: number,
  fill?: string,
): void {
  pdf.lineWidth(BORDER_WIDTH);
  if (fill) pdf.rect(x, y, width, height).fillAndStroke(fill, LINE_COLOR);
  else pdf.rect(x, y, width, height).stroke(LINE_COLOR);
}
