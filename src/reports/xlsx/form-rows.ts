// The goal rows of the printable sheet 「マニフェスト」, laid out so that nothing is lost on paper.
//
// Excel caps a row at 409 pt and does not grow rows itself when a file is opened: a goal whose
// text needs more is written over several rows, each column's text cut at line ends (or, for
// a paragraph longer than a row, at a character), so every character prints. Page breaks are
// placed by us before a goal (or a group of goals sharing one merged 組織使命 cell) that would
// not fit on the rest of the page, so a merged mission is never cut from its goals.
import type ExcelJS from "exceljs";
import type { Goal } from "../../domain/manifesto/schema.ts";
import { BORDER, FONT } from "./style.ts";
import { setCell } from "./template-write.ts";

export const LINE_HEIGHT_PT = 13.5;
/** Excel refuses taller rows. */
export const MAX_ROW_HEIGHT_PT = 409;
const ROW_PADDING_PT = 6;
const MIN_ROW_HEIGHT_PT = 30;
const LINES_PER_ROW = Math.floor((MAX_ROW_HEIGHT_PT - ROW_PADDING_PT) / LINE_HEIGHT_PT);
/**
 * Row points that fit on one A4 landscape page below the repeated column header, at the
 * fit-to-width scale of the six columns (about 0.85): 523 pt of paper hold about 600 pt of
 * rows. Kept lower, so that Excel never needs a break of its own inside a group.
 */
export const PAGE_ROWS_PT = 520;

/** Display width of a line: CJK and other wide characters count two. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += charWidth(ch);
  return w;
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2; // Latin, half-width kana
}

const usableWidth = (columnWidth: number) => Math.max(4, columnWidth * 0.95);

/** Excel does not size wrapped rows itself when a file is opened, so the height is estimated. */
export function estimateLines(text: string, columnWidth: number): number {
  const usable = usableWidth(columnWidth);
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** `text` cut into pieces of at most `maxLines` estimated lines each, losing nothing. */
export function splitIntoRows(text: string, columnWidth: number, maxLines: number): string[] {
  const usable = usableWidth(columnWidth);
  const pieces: string[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(current.join("\n"));
    current = [];
    used = 0;
  };
  for (const paragraph of text.split("\n")) {
    let rest = paragraph;
    for (;;) {
      const lines = Math.max(1, Math.ceil(displayWidth(rest) / usable));
      if (used + lines <= maxLines) {
        current.push(rest);
        used += lines;
        break;
      }
      const room = maxLines - used;
      if (room <= 0) {
        flush();
        continue;
      }
      // Cut the paragraph where `room` lines end.
      let width = 0;
      let cut = 0;
      const chars = Array.from(rest);
      while (cut < chars.length && width + charWidth(chars[cut] ?? "") <= room * usable) {
        width += charWidth(chars[cut] ?? "");
        cut++;
      }
      current.push(chars.slice(0, Math.max(1, cut)).join(""));
      rest = chars.slice(Math.max(1, cut)).join("");
      flush();
      if (rest === "") break;
    }
  }
  flush();
  return pieces.length > 0 ? pieces : [""];
}

interface Block {
  goal: Goal;
  first: number;
  heights: number[];
  /** Rows the mission's own text takes (a long mission goes on in the goal's later rows). */
  missionRows: number;
}

export interface GoalRowTexts {
  goal: Goal;
  /** The six columns' texts; column 5 (達成状況) is the level, written as a number. */
  texts: readonly string[];
}

function styleCell(cell: ExcelJS.Cell, opts: { top: boolean; bottom: boolean }) {
  cell.font = { ...FONT, bold: false };
  cell.border = {
    left: BORDER.left,
    right: BORDER.right,
    ...(opts.top && { top: BORDER.top }),
    ...(opts.bottom && { bottom: BORDER.bottom }),
  };
  cell.alignment = { wrapText: true, vertical: "top", horizontal: "left" };
}

/**
 * Writes the goals from `firstRow` on; returns the last row written. `usedOnFirstPage` is
 * how many row points the title, legend and header box take above the goals on page 1.
 */
export function writeGoalRows(
  ws: ExcelJS.Worksheet,
  goals: readonly GoalRowTexts[],
  firstRow: number,
  columnWidths: readonly number[],
  pageStart: { usedOnFirstPage: number; headerHeight: number },
): number {
  const blocks: Block[] = [];
  let row = firstRow;
  for (const { goal, texts } of goals) {
    const pieces = texts.map((t, c) => splitIntoRows(t, columnWidths[c] ?? 10, LINES_PER_ROW));
    const count = Math.max(...pieces.map((p) => p.length));
    const heights: number[] = [];
    for (let i = 0; i < count; i++) {
      const r = row + i;
      pieces.forEach((p, c) => {
        const cell = ws.getCell(r, c + 1);
        const text = p[i] ?? "";
        setCell(cell, text === "" ? undefined : text);
        styleCell(cell, { top: i === 0, bottom: i === count - 1 });
      });
      const lines = Math.max(
        ...pieces.map((p, c) => estimateLines(p[i] ?? "", columnWidths[c] ?? 10)),
      );
      const height = Math.min(
        MAX_ROW_HEIGHT_PT,
        Math.max(MIN_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + ROW_PADDING_PT),
      );
      ws.getRow(r).height = height;
      heights.push(height);
    }
    const level = ws.getCell(row, 5);
    setCell(level, goal.evaluation?.level);
    level.font = { ...FONT, size: 16, bold: true };
    level.border = BORDER;
    level.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    // The level belongs to the whole goal, not to its first row (the texts go on below).
    if (count > 1) ws.mergeCells(row, 5, row + count - 1, 5);
    blocks.push({ goal, first: row, heights, missionRows: pieces[0]?.length ?? 1 });
    row += count;
  }
  placeMissionsAndBreaks(ws, blocks, pageStart);
  return row - 1;
}

/**
 * Goals in a row that share a mission share one cell, as on the printed form, when the group
 * fits on a page (and the mission on the group's first row); a page break goes before any goal
 * or group that does not fit on the rest of the current page. Otherwise each goal keeps the
 * mission in its own cells.
 */
function placeMissionsAndBreaks(
  ws: ExcelJS.Worksheet,
  blocks: readonly Block[],
  pageStart: { usedOnFirstPage: number; headerHeight: number },
): void {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let used = pageStart.usedOnFirstPage;
  let onPage = 0;
  const place = (first: number, height: number) => {
    if (onPage > 0 && used + height > PAGE_ROWS_PT + pageStart.headerHeight) {
      ws.getRow(first - 1).addPageBreak();
      used = pageStart.headerHeight;
      onPage = 0;
    }
    used += height;
    onPage++;
  };
  let start = 0;
  while (start < blocks.length) {
    let end = start + 1;
    while (end < blocks.length && blocks[end]?.goal.mission === blocks[start]?.goal.mission) end++;
    const group = blocks.slice(start, end);
    const height = sum(group.flatMap((b) => b.heights));
    const head = group[0];
    const tail = group.at(-1);
    if (head && tail && group.length > 1 && height <= PAGE_ROWS_PT && head.missionRows === 1) {
      place(head.first, height);
      ws.mergeCells(head.first, 1, tail.first + tail.heights.length - 1, 1);
    } else {
      for (const b of group) place(b.first, sum(b.heights));
    }
    start = end;
  }
}
