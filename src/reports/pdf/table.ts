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
import { artifact, type BlockRole, CellTags, child, type Struct } from "./tags.ts";

export interface CellLayout {
  lines: PlacedLine[];
  /** Centred vertically in the row (the self-evaluation level). */
  middle: boolean;
  /** Repeated text (the goal's `（続き）` label): page furniture, not content. */
  repeated?: boolean;
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
    goalCell.repeated = true;
  }
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  return { fragment: { cells, height }, next };
}

// Columns whose cell is one paragraph (mission, level, reason): the text is the cell's own.
// In the others each block is a paragraph (P) — a list item, a target — so that a reader
// does not run them together.
const SINGLE_BLOCK_COLUMNS: readonly number[] = [0, EVALUATION_COLUMN, 5];
// In the goal cell, the goal number is the goal's heading and the ▼ below it decoration.
const GOAL_CELL_ROLES: readonly BlockRole[] = ["H2", "Artifact"];

/** A table row's cells in the structure tree: TH with a scope, or TD. */
function tagRow(
  pdf: PDFKit.PDFDocument,
  table: Struct,
  type: "TH" | "TD",
  roleOf: (column: number, block: number) => BlockRole,
): CellTags[] {
  const tr = child(pdf, table, "TR");
  return COLUMN_WIDTHS.map(
    (_, column) =>
      new CellTags(pdf, child(pdf, tr, type, type === "TH" ? { scope: "Column" } : {}), (block) =>
        roleOf(column, block),
      ),
  );
}

/** The column header's cells as TH of the table's first row. */
export function tagColumnHeader(pdf: PDFKit.PDFDocument, table: Struct): CellTags[] {
  return tagRow(pdf, table, "TH", () => "Cell");
}

/** A goal's row of TD, kept across the fragments of a row that is split over pages. */
export function tagGoalRow(pdf: PDFKit.PDFDocument, table: Struct): CellTags[] {
  return tagRow(pdf, table, "TD", (column, block) =>
    column === GOAL_COLUMN
      ? (GOAL_CELL_ROLES[block] ?? "P")
      : SINGLE_BLOCK_COLUMNS.includes(column)
        ? "Cell"
        : "P",
  );
}

/**
 * Draws a row (or fragment) with its top at `y`, `height` tall. The text goes into `tags`
 * (one per column); without them (a repeated column header) the whole row is an artifact.
 */
export function drawRow(
  pdf: PDFKit.PDFDocument,
  row: RowLayout,
  y: number,
  height: number,
  tags: readonly CellTags[] | null,
  fill?: string,
): void {
  artifact(pdf, () => {
    row.cells.forEach((_, i) => {
      strokeRect(pdf, COLUMN_LEFTS[i] ?? 0, y, COLUMN_WIDTHS[i] ?? 0, height, fill);
    });
  });
  row.cells.forEach((cell, i) => {
    const x = COLUMN_LEFTS[i] ?? 0;
    const inner = placedHeight(cell.lines);
    const top = cell.middle ? y + (height - inner) / 2 : y + CELL_PAD.y;
    const draw = (lines: readonly PlacedLine[]) => drawLines(pdf, lines, x + CELL_PAD.x, top);
    const cellTags = tags?.[i];
    if (cellTags && !cell.repeated) cellTags.draw(cell.lines, draw);
    else artifact(pdf, () => draw(cell.lines));
  });
}

/** Draws the column header; `tags` the first time, none where it is repeated on a page. */
export function drawColumnHeader(
  pdf: PDFKit.PDFDocument,
  header: RowLayout,
  y: number,
  tags: readonly CellTags[] | null,
): number {
  drawRow(pdf, header, y, header.height, tags, HEADER_FILL);
  return y + header.height;
}
