// Page geometry and type sizes of the official document: A4 landscape, six columns sized
// like the seed's (about 10 / 14 / 24 / 22 / 6 / 18 characters per line at body size).
import type { TypeScale } from "./measure.ts";

export const PAGE = {
  width: 841.89,
  height: 595.28,
  marginX: 26,
  marginTop: 24,
  /** The page number sits in the bottom margin. */
  marginBottom: 30,
} as const;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
export const BODY_BOTTOM = PAGE.height - PAGE.marginBottom;

export const TABLE_TYPE: TypeScale = { bodySize: 8.5, lineFactor: 1.3 };

/** Padding inside every table cell. */
export const CELL_PAD = { x: 4, y: 4 } as const;

const FIXED_COLUMNS = [88, 120, 200, 180, 60];

/** Widths of the six columns; the reason column takes what is left. */
export const COLUMN_WIDTHS: readonly number[] = [
  ...FIXED_COLUMNS,
  CONTENT_WIDTH - FIXED_COLUMNS.reduce((a, b) => a + b, 0),
];

/** Left edges of the six columns. */
export const COLUMN_LEFTS: readonly number[] = COLUMN_WIDTHS.map(
  (_, i) => PAGE.marginX + COLUMN_WIDTHS.slice(0, i).reduce((a, b) => a + b, 0),
);

export const EVALUATION_COLUMN = 4;
export const EVALUATION_SIZE = 14;

export const LINE_COLOR = "#000000";
export const HEADER_FILL = "#e4e4e4";
export const BORDER_WIDTH = 0.6;

export function addLandscapePage(pdf: PDFKit.PDFDocument): void {
  pdf.addPage({ size: "A4", layout: "landscape", margin: 0 });
}
