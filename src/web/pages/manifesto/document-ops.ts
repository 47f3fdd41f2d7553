// Immutable edits of the document at a JSON path: the editor changes one field at a time and
// React sees a new object along that path only. Setting `undefined` removes the key, so an
// emptied optional field leaves no key behind (the format writes no nulls).

export type Path = readonly (string | number)[];

type Container = Record<string, unknown> | unknown[];

export function getIn(value: unknown, path: Path): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

export function setIn<T>(root: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (root ?? (typeof key === "number" ? [] : {})) as Container;
  const child = (container as Record<string | number, unknown>)[key];
  const value = setIn(child, rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[key as number] = value;
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...container };
  if (value === undefined) delete copy[key as string];
  else copy[key as string] = value;
  return copy as T;
}

export function updateIn<T>(root: T, path: Path, update: (current: unknown) => unknown): T {
  return setIn(root, path, update(getIn(root, path)));
}

function arrayAt(root: unknown, path: Path): unknown[] {
  const at = getIn(root, path);
  return Array.isArray(at) ? at : [];
}

export function insertAt<T>(root: T, path: Path, index: number, item: unknown): T {
  const list = [...arrayAt(root, path)];
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return setIn(root, path, list);
}

export function removeAt<T>(root: T, path: Path, index: number): T {
  const list = arrayAt(root, path).filter((_, i) => i !== index);
  return setIn(root, path, list);
}

/** Swaps the item at `index` with its neighbour `index + by` (by = −1 up, +1 down). */
export function moveBy<T>(root: T, path: Path, index: number, by: -1 | 1): T {
  const list = [...arrayAt(root, path)];
  const other = index + by;
  if (other < 0 || other >= list.length) return root;
  [list[index], list[other]] = [list[other], list[index]];
  return setIn(root, path, list);
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** True when the labels are ①②③… in order: then they follow the order when it changes. */
export function labelsAreSequential(labels: readonly (string | undefined)[]): boolean {
  return labels.length > 0 && labels.every((l, i) => l === CIRCLED[i]);
}

export function circledLabel(position: number): string {
  return CIRCLED[position] ?? "";
}

/** True when the numbers are 1, 2, 3 … in order. */
export function numbersAreSequential(numbers: readonly number[]): boolean {
  return numbers.every((n, i) => n === i + 1);
}
