// The history's changes made readable: a goal or target added or removed whole becomes one row
// per field it held, and coded values (comparators, kinds, statuses) read as words.
import type { DocumentChange } from "../../api/workflow-types.ts";

export interface ChangeRow {
  path: string;
  /** false: the field did not exist before (added). */
  hadOld: boolean;
  old: unknown;
  /** false: the field was removed. */
  hasNew: boolean;
  new: unknown;
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return (
    typeof v === "object" &&
    v !== null &&
    (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)
  );
}

// The format's own order (docs/FORMAT.md), for fields of something added or removed whole;
// the database keeps no key order.
const KEY_ORDER = (
  "number mission title policyRefs currentState targets desiredState means progress evaluation " +
  "label text measure result kind indicator comparator target unit baseline value fiscalYear " +
  "actual status level reason asOf note values name code prefecture head contact phone " +
  "extension email meaning levels"
).split(" ");

function rank(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
}

function leaves(path: string, value: unknown, out: Map<string, unknown>): void {
  if (!isContainer(value)) {
    out.set(path, value);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leaves(`${path}[${i}]`, v, out);
  } else {
    const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
    for (const [k, v] of entries) leaves(path === "$" ? k : `${path}.${k}`, v, out);
  }
}

export function changeRows(change: DocumentChange): ChangeRow[] {
  const hadOld = Object.hasOwn(change, "old") && change.old !== undefined;
  const hasNew = Object.hasOwn(change, "new") && change.new !== undefined;
  if (!isContainer(change.old) && !isContainer(change.new)) {
    return [{ path: change.path, hadOld, old: change.old, hasNew, new: change.new }];
  }
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  if (hadOld) leaves(change.path, change.old, before);
  if (hasNew) leaves(change.path, change.new, after);
  const paths = [...before.keys(), ...[...after.keys()].filter((p) => !before.has(p))];
  return paths
    .map((path) => ({
      path,
      hadOld: before.has(path),
      old: before.get(path),
      hasNew: after.has(path),
      new: after.get(path),
    }))
    .filter((r) => !(r.hadOld && r.hasNew && Object.is(r.old, r.new)));
}

const COMPARATORS: Record<string, string> = {
  ">=": "以上（>=）",
  ">": "超（>）",
  "<=": "以下（<=）",
  "<": "未満（<）",
  "=": "等しい（=）",
};
const KINDS: Record<string, string> = { numeric: "数値目標", milestone: "数値によらない目標" };
const STATUSES: Record<string, string> = {
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
};
const MEANINGS: Record<string, string> = {
  advanced: "先進的",
  exceeded: "上回った",
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
  not_attempted: "取り組まなかった",
  unassessable: "評価できない",
};

/** A leaf value as a person reads it; the coded ones in words. */
export function valueText(path: string, value: unknown): string {
  if (value === null || value === undefined) return "（なし）";
  if (Array.isArray(value)) return "（空のリスト）";
  if (typeof value === "object") return "（空）";
  if (typeof value === "string") {
    if (value === "") return "（空欄）";
    const key = path.slice(path.lastIndexOf(".") + 1);
    const words =
      key === "comparator"
        ? COMPARATORS
        : key === "kind"
          ? KINDS
          : key === "status" && path.includes(".result.")
            ? STATUSES
            : key === "meaning"
              ? MEANINGS
              : undefined;
    return words?.[value] ?? value;
  }
  return String(value);
}
