// A municipality's departments as its administrator enters them: one by one, or a pasted
// list or CSV (name, code, order, head's title and name, contact). The checks that keep public
// addresses unique: no two departments whose names are equal after NFKC, no code used twice,
// and no code or name equal to another department's code or name (both are addresses).
import type { Problem } from "../manifesto/validate.ts";
import { comparisonKey } from "../text.ts";
import { type Column, readTable, where } from "./csv-rows.ts";

export interface DepartmentFields {
  name: string;
  code: string | null;
  headTitle: string | null;
  headName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

/**
 * One department as master data: its fields, order, name history by fiscal year, the
 * departments it followed or that followed it after a reorganisation, and retirement. The
 * repository returns it, the API sends it and the administrator's pages read it.
 */
export interface DepartmentRecord extends DepartmentFields {
  id: number;
  position: number | null;
  retiredFromYear: number | null;
  names: { fromYear: number; name: string }[];
  predecessors: { id: number; name: string; fromYear: number }[];
  successors: { id: number; name: string; fromYear: number }[];
}

export interface DepartmentRow extends DepartmentFields {
  /** The order given in the table; rows without one follow in the table's order. */
  order: number | null;
}

type Key = "name" | "code" | "order" | "headTitle" | "headName" | "contactPhone" | "contactEmail";

export const DEPARTMENT_COLUMNS: readonly Column<Key>[] = [
  { key: "name", label: "部局名", aliases: ["name", "部局", "部署名"], required: true },
  { key: "code", label: "部局コード", aliases: ["code", "コード"] },
  { key: "order", label: "表示順", aliases: ["order", "position", "順番", "順"] },
  { key: "headTitle", label: "部局長の役職", aliases: ["head_title", "役職"] },
  { key: "headName", label: "部局長の氏名", aliases: ["head_name", "氏名", "部局長"] },
  { key: "contactPhone", label: "電話番号", aliases: ["phone", "電話", "contact_phone"] },
  { key: "contactEmail", label: "メールアドレス", aliases: ["email", "メール", "contact_email"] },
];

const LABEL: Record<Key, string> = Object.fromEntries(
  DEPARTMENT_COLUMNS.map((c) => [c.key, c.label]),
) as Record<Key, string>;

const MAX = 200;
const CODE_PATTERN = /^[^\s/?#%\\]+$/u;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/** The problems of one department's fields; `at` names where it came from. */
export function departmentFieldProblems(
  d: Partial<Record<Key, string | null | number>>,
  at: (label: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  const name = typeof d.name === "string" ? d.name : "";
  if (name.trim() === "")
    problems.push({ path: at(LABEL.name), message: "部局名を入力してください" });
  for (const key of [
    "name",
    "code",
    "headTitle",
    "headName",
    "contactPhone",
    "contactEmail",
  ] as const) {
    const v = d[key];
    if (typeof v === "string" && [...v].length > MAX) {
      problems.push({ path: at(LABEL[key]), message: `${MAX}文字以内で入力してください` });
    }
  }
  if (typeof d.code === "string" && d.code !== "" && !CODE_PATTERN.test(d.code)) {
    problems.push({
      path: at(LABEL.code),
      message: "空白や / ? # % \\ を含まない文字にしてください（公開ページのアドレスになります）",
    });
  }
  if (
    typeof d.contactEmail === "string" &&
    d.contactEmail !== "" &&
    !EMAIL_PATTERN.test(d.contactEmail)
  ) {
    problems.push({ path: at(LABEL.contactEmail), message: "メールアドレスの形ではありません" });
  }
  return problems;
}

export function parseDepartmentTable(
  text: string,
): { ok: true; rows: (DepartmentRow & { line: number })[] } | { ok: false; problems: Problem[] } {
  const table = readTable(text, DEPARTMENT_COLUMNS, { headerless: true });
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const rows: (DepartmentRow & { line: number })[] = [];
  for (const { line, values } of table.rows) {
    const at = (label: string) => where(line, label);
    const own = departmentFieldProblems(values, at);
    let order: number | null = null;
    if (values.order !== undefined) {
      const n = Number(values.order.normalize("NFKC"));
      if (!Number.isInteger(n) || n < 0 || n > 100_000) {
        own.push({ path: at(LABEL.order), message: "0以上の整数で入力してください" });
      } else order = n;
    }
    problems.push(...own);
    rows.push({
      line,
      name: values.name ?? "",
      code: values.code ?? null,
      order,
      headTitle: values.headTitle ?? null,
      headName: values.headName ?? null,
      contactPhone: values.contactPhone ?? null,
      contactEmail: values.contactEmail ?? null,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  problems.push(
    ...departmentConflicts(
      rows.map((r) => ({
        id: null,
        name: r.name,
        code: r.code,
        at: (l: string) => where(r.line, l),
      })),
      [],
    ),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

export interface ExistingDepartment {
  id: number;
  name: string;
  code: string | null;
}

export interface CandidateDepartment {
  /** The department being changed; null for a new one. */
  id: number | null;
  name: string;
  code: string | null;
  at: (label: string) => string;
}

/**
 * Names and codes that would make two departments share a public address or a name: among
 * the candidates, and between a candidate and the other existing departments.
 */
export function departmentConflicts(
  candidates: readonly CandidateDepartment[],
  existing: readonly ExistingDepartment[],
): Problem[] {
  const problems: Problem[] = [];
  const others = existing.filter((e) => !candidates.some((c) => c.id === e.id));
  const taken: { key: string; what: string }[] = [];
  for (const e of others) {
    taken.push({ key: comparisonKey(e.name), what: `部局「${e.name}」の名前` });
    if (e.code) taken.push({ key: comparisonKey(e.code), what: `部局「${e.name}」のコード` });
  }
  for (const c of candidates) {
    const nameKey = comparisonKey(c.name);
    const codeKey = c.code ? comparisonKey(c.code) : null;
    const nameClash = taken.find((t) => t.key === nameKey);
    if (nameClash) {
      problems.push({
        path: c.at(LABEL.name),
        message: `「${c.name}」は${nameClash.what}と同じです（全角・半角の違いは同じとみなします）`,
      });
    }
    if (codeKey !== null && codeKey !== nameKey) {
      const codeClash = taken.find((t) => t.key === codeKey);
      if (codeClash) {
        problems.push({
          path: c.at(LABEL.code),
          message: `「${c.code}」は${codeClash.what}として使われています`,
        });
      }
    }
    taken.push({ key: nameKey, what: `部局「${c.name}」の名前` });
    if (codeKey !== null && codeKey !== nameKey) {
      taken.push({ key: codeKey, what: `部局「${c.name}」のコード` });
    }
  }
  return problems;
}

export { LABEL as DEPARTMENT_FIELD_LABELS };
