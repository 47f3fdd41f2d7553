// Tables pasted or uploaded by an administrator (departments, accounts): CSV or tab-separated
// text with a header row whose columns may be written in Japanese or English. Problems name
// the line as a spreadsheet shows it and the column by its Japanese name.
import { parse as parseCsv } from "csv-parse/sync";
import type { Problem } from "../manifesto/validate.ts";
import { comparisonKey } from "../text.ts";

export interface Column<K extends string> {
  key: K;
  /** The Japanese name, used in messages and accepted as a header. */
  label: string;
  /** Other headers accepted for the column (English, common variants). */
  aliases: readonly string[];
  required?: boolean;
}

export interface Row<K extends string> {
  line: number;
  values: Partial<Record<K, string>>;
}

export type TableResult<K extends string> =
  | { ok: true; rows: Row<K>[] }
  | { ok: false; problems: Problem[] };

export function where(line: number, label?: string): string {
  return label === undefined ? `${line}行目` : `${line}行目 ${label}`;
}

/**
 * Reads the table. Without a header that names a known column, and when `firstColumn` is
 * given, each line is read as values of the columns in their listed order (a pasted list of
 * names is a table of one column).
 */
export function readTable<K extends string>(
  text: string,
  columns: readonly Column<K>[],
  options: { headerless?: boolean } = {},
): TableResult<K> {
  const delimiter = text.includes("\t") && !text.includes(",") ? "\t" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as typeof records;
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    return {
      ok: false,
      problems: [
        {
          path: typeof line === "number" ? where(line) : "CSV",
          message: 'CSV として読めません（引用符 " の対応を確認してください）',
        },
      ],
    };
  }
  const nonEmpty = records.filter((r) => r.record.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0) {
    return { ok: false, problems: [{ path: "CSV", message: "行がありません" }] };
  }
  const first = nonEmpty[0] as (typeof nonEmpty)[number];
  const byHeader = (h: string) => {
    const key = comparisonKey(h).toLowerCase();
    return columns.find(
      (c) => comparisonKey(c.label) === key || c.aliases.some((a) => a.toLowerCase() === key),
    );
  };
  const headerColumns = first.record.map(byHeader);
  const hasHeader = headerColumns.some((c) => c !== undefined);
  const problems: Problem[] = [];
  let order: (Column<K> | undefined)[];
  let body: typeof nonEmpty;
  if (hasHeader) {
    first.record.forEach((h, i) => {
      if (headerColumns[i] === undefined && h.trim() !== "") {
        problems.push({
          path: where(first.info.lines, `${i + 1}列目`),
          message: `「${h}」は知らない列です（${columns.map((c) => c.label).join("、")}）`,
        });
      }
    });
    const seen = new Set<string>();
    for (const c of headerColumns) {
      if (c === undefined) continue;
      if (seen.has(c.key)) {
        problems.push({ path: where(first.info.lines), message: `列「${c.label}」が2つあります` });
      }
      seen.add(c.key);
    }
    for (const c of columns) {
      if (c.required && !seen.has(c.key)) {
        problems.push({ path: where(first.info.lines), message: `列「${c.label}」が必要です` });
      }
    }
    order = headerColumns;
    body = nonEmpty.slice(1);
  } else if (options.headerless) {
    order = [...columns];
    body = nonEmpty;
  } else {
    return {
      ok: false,
      problems: [
        {
          path: where(first.info.lines),
          message: `1行目は見出し（${columns.map((c) => c.label).join("、")}）にしてください`,
        },
      ],
    };
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows: Row<K>[] = [];
  for (const r of body) {
    const breaks = r.record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const line = r.info.lines - breaks;
    if (r.record.length > order.length && r.record.slice(order.length).some((c) => c !== "")) {
      problems.push({
        path: where(line),
        message: `値が${r.record.length}個あります（列は${order.length}個です）`,
      });
      continue;
    }
    const values: Partial<Record<K, string>> = {};
    r.record.forEach((cell, i) => {
      const c = order[i];
      if (c !== undefined && cell.trim() !== "") values[c.key] = cell.trim();
    });
    rows.push({ line, values });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) {
    return { ok: false, problems: [{ path: "CSV", message: "見出しの下に行がありません" }] };
  }
  return { ok: true, rows };
}
