// A municipality's plan structure (総合計画: 政策 → 施策 → 基本事業), as the planning division
// uploads it in JSON or CSV, and the check of a manifesto's policy references against it.
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { LIMITS, text } from "./manifesto/schema.ts";
import { formatPath, type Problem, type Validation } from "./manifesto/validate.ts";
import { parsePolicyRefs, policyRefKey } from "./policy-refs.ts";

export interface PlanItem {
  /** As written by the municipality (`7-1-①`); compared by policyRefKey. */
  code: string;
  title: string;
  /** The code of the item above this one (`7-1` for `7-1-①`). */
  parent?: string;
}

const CODE_MAX = 50;
const CODE_MESSAGE = "must be one plan code such as 7-1 or 7-1-①";

const requiredText = (max: number) => text(max).refine((s) => s.trim() !== "", "must not be empty");

const planItemSchema = z.strictObject({
  code: requiredText(CODE_MAX).refine(isOnePlanCode, CODE_MESSAGE),
  title: requiredText(LIMITS.title),
  parent: text(CODE_MAX).refine(isOnePlanCode, CODE_MESSAGE).optional(),
});

const planItemsSchema = z.array(planItemSchema).max(10_000);

// An empty code is reported once, as empty, not also as a malformed code.
function isOnePlanCode(code: string): boolean {
  return code.trim() === "" || parsePolicyRefs(code).length === 1;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): Problem[] {
  const path = formatPath([...prefix, ...issue.path]);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: "is required" }];
      return [
        { path, message: `must be ${issue.expected === "array" ? "an" : "a"} ${issue.expected}` },
      ];
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        path: formatPath([...prefix, ...issue.path, k]),
        message: "is not a key of a plan item (code, title, parent)",
      }));
    default:
      return [{ path, message: issue.message }];
  }
}

/** Accepts `[{code,title,parent?}…]` or `{ "items": [...] }`. */
export function parsePlanStructureJson(json: string): Validation<PlanItem[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: "$", message: `is not valid JSON: ${detail}` }] };
  }
  let items: unknown = raw;
  let prefix: PropertyKey[] = [];
  if (!Array.isArray(raw)) {
    const wrapper = z
      .strictObject({ items: z.array(z.unknown()) })
      .safeParse(raw, { reportInput: true });
    if (!wrapper.success) {
      const problems =
        typeof raw === "object" && raw !== null
          ? wrapper.error.issues.flatMap((i) => describeIssue(i, []))
          : [{ path: "$", message: 'must be an array of plan items or { "items": [...] }' }];
      return { ok: false, problems };
    }
    items = wrapper.data.items;
    prefix = ["items"];
  }
  const parsed = planItemsSchema.safeParse(items, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((i) => describeIssue(i, prefix)) };
  }
  const plan = parsed.data.map(withoutUndefined);
  const problems = crossItemProblems(plan, (i, field) => formatPath([...prefix, i, field]));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: plan };
}

function withoutUndefined(item: PlanItem): PlanItem {
  return item.parent === undefined
    ? { code: item.code, title: item.title }
    : { code: item.code, title: item.title, parent: item.parent };
}

const CSV_COLUMNS = ["code", "title", "parent"] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * CSV with a header row naming `code`, `title` and optionally `parent`, in any order; UTF-8
 * with or without BOM (Excel writes one). Problems name the line as a spreadsheet shows it.
 */
export function parsePlanStructureCsv(csv: string): Validation<PlanItem[]> {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as CsvRecord[];
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    const message = e instanceof Error ? e.message : String(e);
    const path = typeof line === "number" ? `line ${line}` : "$";
    return { ok: false, problems: [{ path, message: `is not valid CSV: ${message}` }] };
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    return { ok: false, problems: [{ path: "line 1", message: "must be the header code,title" }] };
  }
  const headerLine = startLine(header);
  const problems: Problem[] = [];
  const columnIndex = new Map<CsvColumn, number>();
  header.record.forEach((name, i) => {
    const column = name.trim().toLowerCase();
    const known = CSV_COLUMNS.find((c) => c === column);
    if (known === undefined) {
      problems.push({
        path: `line ${headerLine}, column ${i + 1}`,
        message: `"${name}" is not a column of a plan structure (code, title, parent)`,
      });
    } else if (columnIndex.has(known)) {
      problems.push({ path: `line ${headerLine}`, message: `has the column ${known} twice` });
    } else columnIndex.set(known, i);
  });
  for (const required of ["code", "title"] as const) {
    if (!columnIndex.has(required)) {
      problems.push({ path: `line ${headerLine}`, message: `must have a column ${required}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const plan: PlanItem[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const line = startLine(row);
    if (row.record.length !== header.record.length) {
      problems.push({
        path: `line ${line}`,
        message: `has ${row.record.length} fields; the header has ${header.record.length}`,
      });
      continue;
    }
    const item: Record<string, string> = {};
    for (const [column, index] of columnIndex) {
      const value = row.record[index] ?? "";
      // An empty parent cell means "no parent", as a spreadsheet cannot leave a key out.
      if (column !== "parent" || value.trim() !== "") item[column] = value;
    }
    const parsed = planItemSchema.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const where = typeof field === "string" ? `line ${line}, column ${field}` : `line ${line}`;
        problems.push({ path: where, message: describeIssue(issue, [])[0]?.message ?? "" });
      }
      continue;
    }
    plan.push(withoutUndefined(parsed.data));
    lines.push(line);
  }
  problems.push(...crossItemProblems(plan, (i, field) => `line ${lines[i]}, column ${field}`));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: plan };
}

/** The line a record starts on: csv-parse counts to its end, and a quoted cell may span lines. */
function startLine(row: CsvRecord): number {
  const breaks = row.record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return row.info.lines - breaks;
}

function crossItemProblems(
  plan: readonly PlanItem[],
  where: (index: number, field: "code" | "parent") => string,
): Problem[] {
  const problems: Problem[] = [];
  const firstByKey = new Map<string, number>();
  plan.forEach((item, i) => {
    const key = policyRefKey(item.code);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else {
      problems.push({
        path: where(i, "code"),
        message: `duplicates the code ${plan[first]?.code} (${where(first, "code")})`,
      });
    }
  });
  plan.forEach((item, i) => {
    if (item.parent !== undefined && !firstByKey.has(policyRefKey(item.parent))) {
      problems.push({
        path: where(i, "parent"),
        message: "must be the code of an item of the plan",
      });
    }
  });
  problems.push(...cycleProblems(plan, firstByKey, where));
  return problems;
}

/** An item that is its own ancestor (1 → 1-1 → 1) would make the tree endless: reported once per cycle. */
function cycleProblems(
  plan: readonly PlanItem[],
  indexByKey: ReadonlyMap<string, number>,
  where: (index: number, field: "code" | "parent") => string,
): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<number>();
  plan.forEach((_, start) => {
    const path: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && !path.includes(i)) {
      path.push(i);
      const parent: string | undefined = plan[i]?.parent;
      i = parent === undefined ? undefined : indexByKey.get(policyRefKey(parent));
    }
    if (i === undefined || reported.has(i)) return;
    const cycle = path.slice(path.indexOf(i));
    for (const c of cycle) reported.add(c);
    const codes = [...cycle, i].map((c) => plan[c]?.code).join(" → ");
    problems.push({ path: where(i, "parent"), message: `makes a cycle: ${codes}` });
  });
  return problems;
}

/**
 * The references (stored texts, legacy forms included) that name no code of the plan, as the
 * codes they were read as; a text that reads as no code at all is returned as written. With
 * no plan nothing is known, so nothing is reported.
 */
export function unknownPolicyRefs(refs: readonly string[], plan: readonly PlanItem[]): string[] {
  if (plan.length === 0) return [];
  const known = new Set(plan.map((item) => policyRefKey(item.code)));
  const unknown: string[] = [];
  for (const ref of refs) {
    const codes = parsePolicyRefs(ref);
    if (codes.length === 0 && ref.trim() !== "") unknown.push(ref);
    for (const code of codes) if (!known.has(policyRefKey(code))) unknown.push(code);
  }
  return [...new Set(unknown)];
}
