// How the planning pages write dates, people and numbers (Tokyo time, Japanese words).
import { changePhrase, comparatorPhrase } from "../../../domain/assessment/wording.ts";
import { formatDateJa } from "../../../domain/era.ts";
import { COMPARATORS, type Comparator } from "../../../domain/manifesto/schema.ts";

/** `2024-05-31` → `2024年5月31日`. */
export function formatDay(day: string): string {
  return formatDateJa(new Date(`${day}T12:00:00+09:00`));
}

/** An instant as `2024年5月31日 17:05`, Tokyo time: the one way the staff app writes one. */
export { formatDateTime } from "../../api/japanese-time.ts";

/** Who made a change: the account's name, else what kind of actor it was. */
export function actorText(by: string | null, byName: string | null): string | null {
  if (byName) return byName;
  if (by === null) return null;
  if (by.startsWith("system:")) return "システム";
  if (by.startsWith("cli:")) return "コマンド操作";
  return by;
}

const numberFormat = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 6 });

/** `49.4%`, `1,200件`. */
export function formatValue(value: number, unit: string): string {
  return `${numberFormat.format(value)}${unit}`;
}

/** A change in the unit's own terms: `+3件`, `−1.9ポイント`, `3位上昇` (domain wording). */
export function formatChange(value: number, unit: string): string {
  return changePhrase(value, unit);
}

/** `55%以上`, `230位以内`. */
export function formatTarget(comparator: string | null, value: number, unit: string): string {
  const word = isComparator(comparator) ? comparatorPhrase(comparator, unit) : (comparator ?? "");
  return `${formatValue(value, unit)}${word}`;
}

const isComparator = (c: string | null): c is Comparator =>
  c !== null && (COMPARATORS as readonly string[]).includes(c);
