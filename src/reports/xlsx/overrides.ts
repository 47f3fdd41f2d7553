// The hidden exact copy of values the visible cells cannot express (see fields.ts).
//
// Stored as JSON in a hidden column of the row, `{ fieldKey: value }`. JSON itself cannot say
// "absent" or -0, so `null` stands for a missing key (the format never contains null) and
// `{"$":"-0"}` for negative zero.
import type { CellScalar } from "./cell-text.ts";
import type { Field, Report } from "./fields.ts";

const NEG_ZERO = "-0";
/** JSON.parse drops a key whose reviver returns undefined, so "absent" travels as this. */
const ABSENT = Symbol("absent");

export function encodeOverrides(values: Record<string, unknown>): string | undefined {
  if (Object.keys(values).length === 0) return undefined;
  return JSON.stringify(values, (_k, v: unknown) => {
    if (v === undefined) return null;
    if (typeof v === "number" && Object.is(v, -0)) return { $: NEG_ZERO };
    return v;
  });
}

/** Anything unreadable counts as no hidden copy: the visible cells then decide alone. */
export function decodeOverrides(cell: CellScalar): Record<string, unknown> {
  if (typeof cell !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(cell, (_k, v: unknown) => {
      if (v === null) return ABSENT;
      if (isNegZeroMark(v)) return -0;
      return v;
    });
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function isNegZeroMark(v: unknown): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    Object.keys(v).length === 1 &&
    (v as Record<string, unknown>).$ === NEG_ZERO
  );
}

/** Deep equality that tells -0 from 0 and a missing key from a present one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return Object.is(a, b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

const ignore: Report = () => {};

/** Renders the fields of one object into cells, and says which values need the hidden copy. */
export function renderRow<O>(
  obj: O,
  fields: readonly Field<O>[],
): { cells: Map<string, CellScalar>; exact: Record<string, unknown> } {
  const cells = new Map<string, CellScalar>();
  const exact: Record<string, unknown> = {};
  for (const f of fields) {
    const value = f.get(obj);
    const shown = f.render(value);
    f.cols.forEach((c, i) => {
      cells.set(c, shown[i]);
    });
    if (!sameValue(f.parse(shown, ignore), value)) exact[f.key] = value;
  }
  return { cells, exact };
}

/** Reads the fields of one object back, preferring the hidden copy while the cells are unchanged. */
export function parseRow(
  read: (col: string) => CellScalar,
  fields: readonly Field<unknown>[],
  exact: Record<string, unknown>,
  report: Report,
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const f of fields) {
    const shown = f.cols.map(read);
    let value: unknown;
    const kept = exact[f.key] === ABSENT ? undefined : exact[f.key];
    if (f.key in exact && sameValue(f.render(kept), shown)) value = kept;
    else value = f.parse(shown, report);
    f.set(obj, value);
  }
  return obj;
}
