// The three-way merge behind 「変更を重ねる」 after a save conflict: my edits (mine) and the
// other person's (theirs), both made from the revision I loaded (base). Where only one side
// changed a value, that change wins; where both changed the same value differently, the
// person decides. Objects merge key by key; lists merge like diff3: items equal in all three
// versions anchor the list, and between anchors a run changed on one side only takes that
// side, a run both changed item for item merges item by item, and anything else is a
// conflict over that run of items. Pure: no React, no I/O.

export type Side = "mine" | "theirs";

export interface MergeConflict {
  id: number;
  /** JSON path (as the server writes them) of the value, or of the list holding the run. */
  path: string;
  /** "value": one value; "items": a run of list items (base/mine/theirs are arrays). */
  kind: "value" | "items";
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface Merge<T> {
  conflicts: MergeConflict[];
  /** The merged document, each conflict decided by `choices` (theirs where not given). */
  resolve(choices?: Readonly<Record<number, Side>>): T;
}

class Unresolved {
  constructor(readonly conflict: MergeConflict) {}
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON with sorted keys: equal documents give equal text whatever their key order. */
export function canonical(v: unknown): string {
  if (v === undefined) return "\u0000undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path === "$" ? "" : path}[${key}]`;
  return path === "$" ? key : `${path}.${key}`;
}

/** Longest common subsequence of two key lists, as a map from a's index to b's. */
function matchItems(a: readonly string[], b: readonly string[]): Map<number, number> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const matches = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      matches.set(i, j);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) i++;
    else j++;
  }
  return matches;
}

class Merger {
  readonly conflicts: MergeConflict[] = [];

  conflict(
    path: string,
    kind: MergeConflict["kind"],
    base: unknown,
    mine: unknown,
    theirs: unknown,
  ) {
    const c: MergeConflict = { id: this.conflicts.length, path, kind, base, mine, theirs };
    this.conflicts.push(c);
    return new Unresolved(c);
  }

  value(base: unknown, mine: unknown, theirs: unknown, path: string): unknown {
    if (same(mine, theirs)) return mine;
    if (same(base, mine)) return theirs;
    if (same(base, theirs)) return mine;
    if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
      return this.object(base, mine, theirs, path);
    }
    if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
      return this.list(base, mine, theirs, path);
    }
    return this.conflict(path, "value", base, mine, theirs);
  }

  object(
    base: Record<string, unknown>,
    mine: Record<string, unknown>,
    theirs: Record<string, unknown>,
    path: string,
  ): Record<string, unknown> {
    const keys = [...Object.keys(mine)];
    for (const k of [...Object.keys(theirs), ...Object.keys(base)]) {
      if (!keys.includes(k)) keys.push(k);
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = this.value(base[k], mine[k], theirs[k], childPath(path, k));
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  list(base: unknown[], mine: unknown[], theirs: unknown[], path: string): unknown[] {
    const kb = base.map(canonical);
    const toMine = matchItems(kb, mine.map(canonical));
    const toTheirs = matchItems(kb, theirs.map(canonical));
    const out: unknown[] = [];
    let [i, j, k] = [0, 0, 0];
    for (;;) {
      // The next item of base that is still in both versions anchors the run before it.
      let anchor = i;
      while (anchor < base.length && !(toMine.has(anchor) && toTheirs.has(anchor))) anchor++;
      const end = anchor < base.length;
      const jEnd = end ? (toMine.get(anchor) ?? mine.length) : mine.length;
      const kEnd = end ? (toTheirs.get(anchor) ?? theirs.length) : theirs.length;
      this.run(base.slice(i, anchor), mine.slice(j, jEnd), theirs.slice(k, kEnd), path, j, out);
      if (!end) return out;
      out.push(mine[jEnd]);
      [i, j, k] = [anchor + 1, jEnd + 1, kEnd + 1];
    }
  }

  run(
    base: unknown[],
    mine: unknown[],
    theirs: unknown[],
    path: string,
    mineStart: number,
    out: unknown[],
  ): void {
    if (base.length === 0 && mine.length === 0 && theirs.length === 0) return;
    if (same(mine, theirs) || same(base, theirs)) out.push(...mine);
    else if (same(base, mine)) out.push(...theirs);
    else if (base.length === mine.length && mine.length === theirs.length) {
      base.forEach((b, x) => {
        out.push(this.value(b, mine[x], theirs[x], childPath(path, mineStart + x)));
      });
    } else out.push(this.conflict(path, "items", base, mine, theirs));
  }
}

function resolveValue(value: unknown, choices: Readonly<Record<number, Side>>): unknown {
  if (value instanceof Unresolved) {
    const c = value.conflict;
    return choices[c.id] === "mine" ? c.mine : c.theirs;
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (item instanceof Unresolved && item.conflict.kind === "items") {
        return resolveValue(item, choices) as unknown[];
      }
      const v = resolveValue(item, choices);
      return v === undefined ? [] : [v];
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = resolveValue(v, choices);
      if (resolved !== undefined) out[k] = resolved;
    }
    return out;
  }
  return value;
}

export function mergeDocuments<T>(base: T, mine: T, theirs: T): Merge<T> {
  const merger = new Merger();
  const merged = merger.value(base, mine, theirs, "$");
  return {
    conflicts: merger.conflicts,
    resolve: (choices = {}) => resolveValue(merged, choices) as T,
  };
}
