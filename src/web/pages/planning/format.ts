// How the planning pages write dates, people and numbers (Tokyo time, Japanese words).
import { formatDateJa } from "../../../domain/era.ts";

/** `2024-05-31` → `2024年5月31日`. */
export function formatDay(day: string): string {
  return formatDateJa(new Date(`${day}T12:00:00+09:00`));
}

/** An instant as `2024/05/31 17:05`, Tokyo time. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
}

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

/** A change with its sign: `+3件`, `−1.9%`, `±0%`. */
export function formatChange(value: number, unit: string): string {
  if (value === 0) return `±0${unit}`;
  const sign = value > 0 ? "+" : "−";
  return `${sign}${numberFormat.format(Math.abs(value))}${unit}`;
}

const COMPARATOR_WORDS: Record<string, string> = {
  ">=": "以上",
  ">": "超",
  "<=": "以下",
  "<": "未満",
  "=": "",
};

/** `55%以上`. */
export function formatTarget(comparator: string | null, value: number, unit: string): string {
  return `${formatValue(value, unit)}${comparator === null ? "" : (COMPARATOR_WORDS[comparator] ?? comparator)}`;
}
