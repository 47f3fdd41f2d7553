// What changed between two revisions of a document, as JSON paths with old → new values
// (PRODUCT.md: "every change records who, when and what (old → new)"). Paths are written as
// validation problems are (`goals[3].targets[1].measure.comparator`), so an editor can put a
// change and a problem at the same place.
import { formatPath } from "./validate.ts";

export interface DocumentChange {
  path: string;
  /** undefined: the key or item did not exist before. */
  old: unknown;
  /** undefined: the key or item was removed. */
  new: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Leaf-level differences. Arrays are compared item by item at the same index (goals and
 * targets are ordered lists in the format); an object or array that appears or disappears
 * whole is one change at its own path. Key order does not count: jsonb does not keep it.
 */
export function diffDocuments(a: unknown, b: unknown): DocumentChange[] {
  const changes: DocumentChange[] = [];
  walk(a, b, [], changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: PropertyKey[], out: DocumentChange[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push({ path: formatPath([...path, i]), old: undefined, new: b[i] });
      else if (i >= b.length)
        out.push({ path: formatPath([...path, i]), old: a[i], new: undefined });
      else walk(a[i], b[i], [...path, i], out);
    }
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) {
      const inA = Object.hasOwn(a, k);
      const inB = Object.hasOwn(b, k);
      if (inA && inB) walk(a[k], b[k], [...path, k], out);
      else
        out.push({
          path: formatPath([...path, k]),
          old: inA ? a[k] : undefined,
          new: inB ? b[k] : undefined,
        });
    }
    return;
  }
  out.push({ path: formatPath(path), old: a, new: b });
}

/** Only the paths, for a conflict message. */
export function changedPaths(a: unknown, b: unknown): string[] {
  return diffDocuments(a, b).map((c) => c.path);
}
