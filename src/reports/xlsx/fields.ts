// How one field of the format is shown in the template's cells and read back from them.
//
// Each field renders to one or more cells and parses them back the way a person would mean
// them (an empty cell is "not given", bullets are lines of one cell, policy refs are separated
// by 、). A few values cannot be told apart in cells: "" and a missing key both leave the cell
// empty, [] and a missing list too, a bullet may itself contain a line break, Excel has no -0.
// For those the exporter keeps the exact value in a hidden column of the same row (see
// overrides.ts), and the importer uses it only while the visible cells still show exactly what
// was exported: a person's edit always wins over the hidden copy.
import { parseJapaneseNumber } from "../../domain/text.ts";
import type { CellScalar } from "./cell-text.ts";

/** Where a parse problem is reported: the column key of the cell and what went wrong. */
export type Report = (col: string, message: string) => void;

export interface Field<O> {
  /** Stable id, used as the key of the hidden exact copy. */
  key: string;
  /** Column keys (or, on the header sheet, row keys) of the cells it occupies, in order. */
  cols: readonly string[];
  /** JSON path below the object → the column key of the cell a person should look at. */
  paths: readonly (readonly [string, string])[];
  get(obj: O): unknown;
  set(obj: Record<string, unknown>, value: unknown): void;
  render(value: unknown): CellScalar[];
  parse(cells: readonly CellScalar[], report: Report): unknown;
}

type Path = readonly string[];

function getIn(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function setIn(obj: Record<string, unknown>, path: Path, value: unknown): void {
  if (value === undefined) return;
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    const next = cur[p];
    if (typeof next === "object" && next !== null) cur = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      cur[p] = created;
      cur = created;
    }
  }
  const last = path.at(-1);
  if (last !== undefined) cur[last] = value;
}

/** Excel has no negative zero; a cell shows 0 and the hidden copy keeps the sign. */
export const numberCell = (n: unknown): CellScalar =>
  typeof n === "number" ? (n === 0 ? 0 : n) : undefined;
const textCell = (s: unknown): CellScalar => (typeof s === "string" && s !== "" ? s : undefined);

/** Text as typed; a number typed into a text column counts as its digits. */
export function parseText(cell: CellScalar): string | undefined {
  return cell === undefined ? undefined : String(cell);
}

export function parseNumber(
  cell: CellScalar,
  col: string,
  report: Report,
  what: string,
): number | undefined {
  if (cell === undefined || typeof cell === "number") return cell;
  const n = parseJapaneseNumber(cell);
  if (n === undefined)
    report(col, `${what}は数値で入力してください（「${clip(cell)}」は数値ではありません）`);
  return n;
}

export function parseInteger(
  cell: CellScalar,
  col: string,
  report: Report,
  what: string,
): number | undefined {
  const n = parseNumber(cell, col, report, what);
  if (n !== undefined && !Number.isInteger(n)) {
    report(col, `${what}は整数で入力してください（${n}）`);
    return undefined;
  }
  return n;
}

export function clip(s: string, max = 30): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : s;
}

const pathText = (path: Path) => path.join(".");

export function textField<O>(col: string, path: Path): Field<O> {
  return {
    key: pathText(path),
    cols: [col],
    paths: [[pathText(path), col]],
    get: (o) => getIn(o, path),
    set: (o, v) => setIn(o, path, v),
    render: (v) => [textCell(v)],
    parse: ([c]) => parseText(c),
  };
}

/** A text the format requires even when empty (a numeric measure's unit, an evaluation's reason). */
export function requiredTextCell(c: CellScalar): string {
  return parseText(c) ?? "";
}

export function numberField<O>(col: string, path: Path, what: string, integer: boolean): Field<O> {
  return {
    key: pathText(path),
    cols: [col],
    paths: [[pathText(path), col]],
    get: (o) => getIn(o, path),
    set: (o, v) => setIn(o, path, v),
    render: (v) => [numberCell(v)],
    parse: ([c], report) =>
      integer ? parseInteger(c, col, report, what) : parseNumber(c, col, report, what),
  };
}

/** Bullets: one line of the cell per item (Alt+Enter in Excel). */
export function linesField<O>(col: string, path: Path): Field<O> {
  return {
    key: pathText(path),
    cols: [col],
    paths: [[pathText(path), col]],
    get: (o) => getIn(o, path),
    set: (o, v) => setIn(o, path, v),
    render: (v) => [Array.isArray(v) ? textCell(v.join("\n")) : undefined],
    parse: ([c]) => {
      const s = parseText(c);
      return s === undefined ? undefined : s.replaceAll("\r\n", "\n").split("\n");
    },
  };
}

/** 関連の施策・基本事業No: codes separated by 、 (also ， , and line breaks, as people type them). */
export function refsField<O>(col: string, path: Path): Field<O> {
  return {
    key: pathText(path),
    cols: [col],
    paths: [[pathText(path), col]],
    get: (o) => getIn(o, path),
    set: (o, v) => setIn(o, path, v),
    render: (v) => [Array.isArray(v) ? textCell(v.join("、")) : undefined],
    parse: ([c]) => {
      const s = parseText(c);
      if (s === undefined) return undefined;
      const refs = s
        .split(/[、，,\n]/)
        .map((r) => r.trim())
        .filter((r) => r !== "");
      return refs.length > 0 ? refs : undefined;
    },
  };
}

/** Several cells that make one optional object (head, contact, result, evaluation …). */
export function groupField<O>(spec: {
  key: string;
  cols: readonly string[];
  paths: readonly (readonly [string, string])[];
  path: Path;
  render(value: Record<string, unknown>): CellScalar[];
  parse(cells: readonly CellScalar[], report: Report): Record<string, unknown> | undefined;
}): Field<O> {
  return {
    key: spec.key,
    cols: spec.cols,
    paths: spec.paths,
    get: (o) => getIn(o, spec.path),
    set: (o, v) => setIn(o, spec.path, v),
    render: (v) =>
      typeof v === "object" && v !== null
        ? spec.render(v as Record<string, unknown>)
        : spec.cols.map(() => undefined),
    parse: (cells, report) =>
      cells.every((c) => c === undefined) ? undefined : spec.parse(cells, report),
  };
}

/** Optional text members of a group: only the ones with a value. */
export function optionalTexts(
  keys: readonly string[],
  cells: readonly CellScalar[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const v = parseText(cells[i]);
    if (v !== undefined) out[k] = v;
  });
  return out;
}

export const textCells = (obj: Record<string, unknown>, keys: readonly string[]): CellScalar[] =>
  keys.map((k) => textCell(obj[k]));

/**
 * A value with no cell of its own (FORMAT.md "Extensions": a measure's reference values and
 * long-term targets, a budget, the second scale, tag vocabularies): it travels in the row's
 * hidden exact copy only, so an exported workbook gives it back on import unchanged.
 */
export function hiddenField<O>(path: Path): Field<O> {
  return {
    key: pathText(path),
    cols: [],
    paths: [],
    get: (o) => getIn(o, path),
    set: (o, v) => setIn(o, path, v),
    render: () => [],
    parse: () => undefined,
  };
}
