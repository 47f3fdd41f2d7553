// Checks on what arrives in a portal URL. An address that names nothing is a 404; a query
// string that cannot be read is a 400. Both are answered with a page, never a 500.
import { tagRefSchema } from "../../domain/manifesto/schema.ts";
import { MAX_QUERY_LENGTH } from "../../domain/search/words.ts";
import { AppError, NotFoundError } from "../../errors.ts";

export class BadRequestError extends AppError {
  constructor(message: string) {
    super("validation_error", message);
    this.name = "BadRequestError";
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function municipalityCodeParam(value: string): string {
  if (!/^\d{6}$/.test(value))
    throw new NotFoundError("指定された自治体コードのページはありません。");
  return value;
}

export function fiscalYearParam(value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(year >= 1989 && year <= 2100))
    throw new NotFoundError("指定された年度のページはありません。");
  return year;
}

export function departmentParam(value: string): string {
  if (value.length === 0 || value.length > 200 || CONTROL.test(value)) {
    throw new NotFoundError("指定された部局のページはありません。");
  }
  return value;
}

export function idParam(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new NotFoundError("指定された指標のページはありません。");
  return Number(value);
}

export interface SearchQuery {
  text: string;
  year?: number;
  department?: string;
  policy?: string;
  level?: number;
  /** `sdg:12`, as the manifesto page's tag filter writes it. */
  tag?: string;
}

function one(query: Record<string, unknown>, name: string, max: number): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new BadRequestError(`「${name}」は1つだけ指定してください。`);
  if (v.length > max) throw new BadRequestError(`「${name}」が長すぎます（${max}文字まで）。`);
  if (CONTROL.test(v.replace(/[\t\n\r]/g, ""))) {
    throw new BadRequestError(`「${name}」に使えない文字が含まれています。`);
  }
  return v.trim() === "" ? undefined : v.trim();
}

export function searchQuery(query: unknown): SearchQuery {
  const q = (typeof query === "object" && query !== null ? query : {}) as Record<string, unknown>;
  const text = one(q, "q", MAX_QUERY_LENGTH) ?? "";
  const year = one(q, "year", 4);
  const level = one(q, "level", 3);
  const department = one(q, "department", 200);
  const policy = one(q, "policy", 50);
  const tag = one(q, "tag", 81);
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    throw new BadRequestError("年度は4桁の西暦で指定してください（例：2023）。");
  }
  if (tag !== undefined && !tagRefSchema.safeParse(tag).success) {
    throw new BadRequestError("タグは sdg:12 のように「分類:番号」で指定してください。");
  }
  if (level !== undefined && !/^\d{1,3}$/.test(level)) {
    throw new BadRequestError("自己評価は数字で指定してください。");
  }
  return {
    text,
    ...(year !== undefined && { year: Number(year) }),
    ...(level !== undefined && { level: Number(level) }),
    ...(department !== undefined && { department }),
    ...(policy !== undefined && { policy }),
    ...(tag !== undefined && { tag }),
  };
}
