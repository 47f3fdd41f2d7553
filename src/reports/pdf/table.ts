// The six-column goal table: laying out a goal's row, cutting a row that is taller than a
// page into fragments, and drawing the column header and row fragments.
import { COLUMN_TITLES, type GoalRowContent } from "./content.ts";
import { drawLines, strokeRect } from "./draw.ts";
import { type PlacedLine, placedHeight, type TextMeasurer } from "./measure.ts";
import {
  CELL_PAD,
  COLUMN_LEFTS,
  COLUMN_WIDTHS,
  EVALUATION_COLUMN,
  EVALUATION_SIZE,
  HEADER_FILL,
  TABLE_TYPE,
} from "./page.ts";

export interface CellLayout {
  lines: PlacedLine[];
  /** Centred vertically in the row (the self-evaluation level). */
  middle: boolean;
}

export interface RowLayout {
  cells: CellLayout[];
  /** Height of the whole row when drawn in one piece, padding included. */
  height: number;
  /** Shown in the goal column of a continued row's later fragments (`◎部局目標１（続き）`). */
  continuation?: PlacedLine[];
}

const GOAL_COLUMN = 1;

function textWidth(column: number): number {
  return (COLUMN_WIDTHS[column] ?? 0) - 2 * CELL_PAD.x;
}

export function layoutGoalRow(content: GoalRowContent, measurer: TextMeasurer): RowLayout {
  const blocks = [
    content.mission,
    content.goal,
    content.achievementLevel,
    content.means,
    [
      {
        text: content.evaluation,
        align: "center" as const,
        scale: EVALUATION_SIZE / TABLE_TYPE.bodySize,
      },
    ],
    content.reason,
  ];
  const cells = blocks.map((b, column) => ({
    lines: measurer.placeBlocks(b, textWidth(column), TABLE_TYPE),
    middle: column === EVALUATION_COLUMN,
  }));
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  const goalLabel = content.goal[0];
  const continuation = goalLabel
    ? measurer.placeBlocks(
        [{ ...goalLabel, text: `${goalLabel.text}（続き）` }],
        textWidth(1),
        TABLE_TYPE,
      )
    : undefined;
  return { cells, height, continuation };
}

export function layoutColumnHeader(measurer: TextMeasurer): RowLayout {
  const cells = COLUMN_TITLES.map((title, column) => ({
    lines: measurer.placeBlocks(
      [{ text: title, bold: true, align: "center" }],
      textWidth(column),
      TABLE_TYPE,
    ),
    middle: true,
  }));
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  return { cells, height };
}

/** Where drawing of a row has got to: per cell, the index of the next line to draw. */
export type RowCursor = number[];

export function startOfRow(row: RowLayout): RowCursor {
  return row.cells.map(() => 0);
}

export function isRowDone(row: RowLayout, cursor: RowCursor): boolean {
  return row.cells.every((c, i) => (cursor[i] ?? 0) >= c.lines.length);
}

/**
 * The part of a row that fits in `maxHeight` from `cursor` on: whole lines only, at least one
 * line per unfinished cell so that the row always advances.
 */
export function takeFragment(
  row: RowLayout,
  cursor: RowCursor,
  maxHeight: number,
): { fragment: RowLayout; next: RowCursor } {
  const room = maxHeight - 2 * CELL_PAD.y;
  const next: RowCursor = [];
  const cells: CellLayout[] = row.cells.map((cell, i) => {
    const from = cursor[i] ?? 0;
    const first = cell.lines[from];
    if (!first) {
      next.push(from);
      return { lines: [], middle: cell.middle };
    }
    let to = from + 1;
    while (to < cell.lines.length) {
      const line = cell.lines[to] as PlacedLine;
      if (line.top + line.height - first.top > room) break;
      to++;
    }
    next.push(to);
    const lines = cell.lines.slice(from, to).map((l) => ({ ...l, top: l.top - first.top }));
    return { lines, middle: cell.middle };
  });
  const goalCell = cells[GOAL_COLUMN];
  if (row.continuation && goalCell && goalCell.lines.length === 0 && cursor.some((c) => c > 0)) {
    goalCell.lines = row.continuation;
  }
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  return { fragment: { cells, height }, next };
}

/** Draws a row (or fragment) with its top at `y`, `height` tall. */
export function drawRow(
  pdf: PDFKit.PDFDocument,
  row: RowLayout,
  y: number,
  height: number,
  fill?: string,
): void {
  row.cells.forEach((cell, i) => {
    const x = COLUMN_LEFTS[i] ?? 0;
    strokeRect(pdf, x, y, COLUMN_WIDTHS[i] ?? 0, height, fill);
    const inner = placedHeight(cell.lines);
    const top = cell.middle ? y + (height - inner) / 2 : y + CELL_PAD.y;
    drawLines(pdf, cell.lines, x + CELL_PAD.x, top);
  });
}

export function drawColumnHeader(pdf: PDFKit.PDFDocument, header: RowLayout, y: number): number {
  drawRow(pdf, header, y, header.height, HEADER_FILL);
  return y + header.height;
}
