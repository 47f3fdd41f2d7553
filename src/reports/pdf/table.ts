// The six-column goal table: laying out a goal's row, cutting a row that is taller than a
// page into fragments, and drawing the column header and row fragments.
import { COLUMN_TITLES, type GoalRowContent, type TextBlock } from "./content.ts";
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

/**
 * The columns of a table: the seed's six (SEED_GEOMETRY), or those of a municipality's own
 * layout (columnGeometry).
 */
export interface TableGeometry {
  titles: readonly string[];
  widths: readonly number[];
  lefts: readonly number[];
  /** Cells centred vertically (the self-evaluation level). */
  middle: readonly boolean[];
  /** Cells that are one paragraph, tagged as the cell's own text. */
  singleBlock: readonly boolean[];
  /** The column whose first block names the goal (its heading, repeated as （続き）). */
  goalColumn: number;
}

export const SEED_GEOMETRY: TableGeometry = {
  titles: COLUMN_TITLES,
  widths: COLUMN_WIDTHS,
  lefts: COLUMN_LEFTS,
  middle: COLUMN_WIDTHS.map((_, i) => i === EVALUATION_COLUMN),
  // mission, level, reason: the text is the cell's own.
  singleBlock: COLUMN_WIDTHS.map((_, i) => [0, EVALUATION_COLUMN, 5].includes(i)),
  goalColumn: 1,
};

/** Columns sharing the page's width in the proportions given. */
export function columnGeometry(
  columns: readonly { title: string; width: number; middle: boolean }[],
  goalColumn: number,
  contentWidth: number,
  left: number,
): TableGeometry {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth);
  return {
    titles: columns.map((c) => c.title),
    widths,
    lefts: widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0)),
    middle: columns.map((c) => c.middle),
    singleBlock: columns.map(() => false),
    goalColumn,
  };
}

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
  /** The table's columns; the seed's six when absent. */
  geometry?: TableGeometry;
}

function textWidth(geometry: TableGeometry, column: number): number {
  return (geometry.widths[column] ?? 0) - 2 * CELL_PAD.x;
}

export function layoutGoalRow(content: GoalRowContent, measurer: TextMeasurer): RowLayout {
  return layoutCells(
    [
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
    ],
    measurer,
    SEED_GEOMETRY,
  );
}

/** A goal's row from the text blocks of each of its cells. */
export function layoutCells(
  blocks: readonly (readonly TextBlock[])[],
  measurer: TextMeasurer,
  geometry: TableGeometry,
): RowLayout {
  const cells = blocks.map((b, column) => ({
    lines: measurer.placeBlocks(b, textWidth(geometry, column), TABLE_TYPE),
    middle: geometry.middle[column] ?? false,
  }));
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  const goalLabel = blocks[geometry.goalColumn]?.[0];
  const continuation = goalLabel
    ? measurer.placeBlocks(
        [{ ...goalLabel, text: `${goalLabel.text}（続き）` }],
        textWidth(geometry, geometry.goalColumn),
        TABLE_TYPE,
      )
    : undefined;
  return {
    cells,
    height,
    continuation,
    ...(geometry !== SEED_GEOMETRY && { geometry }),
  };
}

export function layoutColumnHeader(
  measurer: TextMeasurer,
  geometry: TableGeometry = SEED_GEOMETRY,
): RowLayout {
  const cells = geometry.titles.map((title, column) => ({
    lines: measurer.placeBlocks(
      [{ text: title, bold: true, align: "center" }],
      textWidth(geometry, column),
      TABLE_TYPE,
    ),
    middle: true,
  }));
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  return { cells, height, ...(geometry !== SEED_GEOMETRY && { geometry }) };
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
  const goalCell = cells[(row.geometry ?? SEED_GEOMETRY).goalColumn];
  if (row.continuation && goalCell && goalCell.lines.length === 0 && cursor.some((c) => c > 0)) {
    goalCell.lines = row.continuation;
    goalCell.repeated = true;
  }
  const height = Math.max(...cells.map((c) => placedHeight(c.lines))) + 2 * CELL_PAD.y;
  return {
    fragment: { cells, height, ...(row.geometry && { geometry: row.geometry }) },
    next,
  };
}

// Columns whose cell is one paragraph (TableGeometry.singleBlock): the text is the cell's
// own. In the others each block is a paragraph (P) — a list item, a target — so that a
// reader does not run them together.
// In the goal cell, the goal number is the goal's heading and the ▼ below it decoration.
const GOAL_CELL_ROLES: readonly BlockRole[] = ["H2", "Artifact"];

/** A table row's cells in the structure tree: TH with a scope, or TD. */
function tagRow(
  pdf: PDFKit.PDFDocument,
  table: Struct,
  type: "TH" | "TD",
  roleOf: (column: number, block: number) => BlockRole,
  geometry: TableGeometry,
): CellTags[] {
  const tr = child(pdf, table, "TR");
  return geometry.widths.map(
    (_, column) =>
      new CellTags(pdf, child(pdf, tr, type, type === "TH" ? { scope: "Column" } : {}), (block) =>
        roleOf(column, block),
      ),
  );
}

/** The column header's cells as TH of the table's first row. */
export function tagColumnHeader(
  pdf: PDFKit.PDFDocument,
  table: Struct,
  geometry: TableGeometry = SEED_GEOMETRY,
): CellTags[] {
  return tagRow(pdf, table, "TH", () => "Cell", geometry);
}

/** A goal's row of TD, kept across the fragments of a row that is split over pages. */
export function tagGoalRow(
  pdf: PDFKit.PDFDocument,
  table: Struct,
  geometry: TableGeometry = SEED_GEOMETRY,
): CellTags[] {
  // Only the seed's goal cell has the ▼ decoration below its heading.
  const goalRoles: readonly BlockRole[] = geometry === SEED_GEOMETRY ? GOAL_CELL_ROLES : ["H2"];
  return tagRow(
    pdf,
    table,
    "TD",
    (column, block) =>
      column === geometry.goalColumn
        ? (goalRoles[block] ?? "P")
        : geometry.singleBlock[column]
          ? "Cell"
          : "P",
    geometry,
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
  const { lefts, widths } = row.geometry ?? SEED_GEOMETRY;
  artifact(pdf, () => {
    row.cells.forEach((_, i) => {
      strokeRect(pdf, lefts[i] ?? 0, y, widths[i] ?? 0, height, fill);
    });
  });
  row.cells.forEach((cell, i) => {
    const x = lefts[i] ?? 0;
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
