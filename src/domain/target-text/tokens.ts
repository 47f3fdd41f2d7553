// The pieces a target text is read from: quantities (a number with its unit, 1億2,300万円,
// 6割) and fiscal years (令和５年度, H30, R5.3末, 2022年度). Pure string work, no I/O.

export interface Quantity {
  value: number;
  unit: string;
  /** Where the number starts and where its unit ends, in the normalised text. */
  start: number;
  end: number;
}

// Circled and parenthesised numerals are labels (①), never quantities: NFKC would read ① as 1.
const NUMERAL_SYMBOLS = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/gu;

/** NFKC for reading only (never stored), labels dropped, thousands separators removed. */
export function normaliseForReading(text: string): string {
  return text
    .replace(NUMERAL_SYMBOLS, " ")
    .normalize("NFKC")
    .replace(/(\d),(?=\d{3}(?!\d))/gu, "$1")
    .replace(/[‐‑‒–—―ー](?=CO2)/gu, "-");
}

// Longest first: 手続 before 手, ポイント before ポ, t-CO2 before t.
const UNITS = [
  "t-CO2",
  "ポイント",
  "kWh",
  "手続",
  "か所",
  "カ所",
  "ヶ所",
  "ケ所",
  "箇所",
  "時間",
  "団体",
  "事業",
  "施設",
  "世帯",
  "店舗",
  "地区",
  "項目",
  "講座",
  "品目",
  "路線",
  "km",
  "kg",
  "ha",
  "m2",
  "%",
  "件",
  "人",
  "名",
  "位",
  "倍",
  "回",
  "円",
  "分",
  "日",
  "冊",
  "社",
  "校",
  "台",
  "本",
  "部",
  "戸",
  "棟",
  "歳",
  "園",
  "基",
  "枚",
  "組",
  "便",
  "g",
  "t",
  "m",
] as const;

const MULTIPLIERS: Record<string, number> = { 億: 1e8, 万: 1e4 };
const SUB_MULTIPLIERS: Record<string, number> = { 千: 1e3, 百: 1e2 };

// Sticky: matched where lastIndex says, without slicing the text for every digit.
const PLAIN_NUMBER = /\d+(?:\.\d+)?/uy;

function readPlainNumber(s: string, at: number): { value: number; end: number } | undefined {
  PLAIN_NUMBER.lastIndex = at;
  const m = PLAIN_NUMBER.exec(s);
  if (m === null) return undefined;
  return { value: Number(m[0]), end: at + m[0].length };
}

function skipSpaces(s: string, at: number): number {
  let i = at;
  while (i < s.length && /\s/u.test(s[i] ?? "")) i++;
  return i;
}

/** 1億2300万, 2万5千, 98.5万, 12: the value and where it ends. */
function readJapaneseNumber(s: string, at: number): { value: number; end: number } | undefined {
  let total = 0;
  let block = 0;
  let pos = at;
  let read = false;
  for (;;) {
    const n = readPlainNumber(s, pos);
    if (n === undefined) break;
    read = true;
    pos = n.end;
    const sub = SUB_MULTIPLIERS[s[pos] ?? ""];
    block += sub === undefined ? n.value : n.value * sub;
    if (sub !== undefined) pos += 1;
    const big = MULTIPLIERS[s[pos] ?? ""];
    if (big !== undefined) {
      total += block * big;
      block = 0;
      pos += 1;
      continue;
    }
    if (sub !== undefined) continue;
    break;
  }
  if (!read) return undefined;
  return { value: Number((total + block).toPrecision(12)), end: pos };
}

function unitAt(s: string, at: number): { unit: string; start: number } | undefined {
  const start = skipSpaces(s, at);
  const unit = UNITS.find((u) => s.startsWith(u, start));
  return unit === undefined ? undefined : { unit, start };
}

/**
 * Every number with a unit in the text. A number is not a quantity when it is part of a
 * name or a code (R5, CO2, 第2期), a year or month (5年, 4月), a date (4月1日), or a rate's
 * base (1人当たり).
 */
export function readQuantities(s: string): Quantity[] {
  const found: Quantity[] = [];
  const digit = /\d/gu;
  let m: RegExpExecArray | null = digit.exec(s);
  while (m !== null) {
    const start = m.index;
    const number = readJapaneseNumber(s, start);
    if (number === undefined) break;
    const quantity = quantityAt(s, start, number);
    if (quantity !== undefined) found.push(quantity);
    digit.lastIndex = Math.max(number.end, quantity?.end ?? 0);
    m = digit.exec(s);
  }
  return found;
}

function quantityAt(
  s: string,
  start: number,
  number: { value: number; end: number },
): Quantity | undefined {
  if (/[A-Za-z.第]/u.test(s[start - 1] ?? "")) return undefined;
  if (s[number.end] === "割") {
    return { value: number.value * 10, unit: "%", start, end: number.end + 1 };
  }
  const found = unitAt(s, number.end);
  if (found === undefined) return undefined;
  const { unit } = found;
  const end = found.start + unit.length;
  const after = skipSpaces(s, end);
  if (
    s.startsWith("当たり", after) ||
    s.startsWith("あたり", after) ||
    s.startsWith("につき", after)
  ) {
    return undefined;
  }
  if (unit === "日") {
    let i = start - 1;
    while (i >= 0 && /\s/u.test(s[i] ?? "")) i--;
    if (s[i] === "月") return undefined;
  }
  return { value: number.value, unit, start, end };
}

const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, R: 2018, H: 1988 };

const YEAR_PATTERN =
  /(令和|平成|(?<![A-Za-z])[RH])\s*(\d{1,2}|元)\s*(?:(年度)|年\s*(\d{1,2})\s*月|年|\.(\d{1,2})(?!\d))?|(\d{4})\s*(?:(年度)|年\s*(\d{1,2})\s*月|年)/gu;

interface YearMention {
  fiscalYear: number;
  start: number;
  end: number;
}

/** 令和5年3月 is in fiscal 2022: a month from January to March belongs to the year before. */
function fiscalYearOf(calendarOrFiscal: number, month: string | undefined): number {
  if (month === undefined) return calendarOrFiscal;
  const mo = Number(month);
  return mo >= 1 && mo <= 3 ? calendarOrFiscal - 1 : calendarOrFiscal;
}

export function yearMentions(s: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of s.matchAll(YEAR_PATTERN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const era = m[1];
      // A bare "R5" / "H30" needs a year word, a month or a following non-letter to be a year.
      const n = m[2] === "元" ? 1 : Number(m[2]);
      const year = (ERA_START[era] ?? 0) + n;
      out.push({ fiscalYear: fiscalYearOf(year, m[4] ?? m[5]), start, end });
    } else if (m[6] !== undefined) {
      out.push({ fiscalYear: fiscalYearOf(Number(m[6]), m[8]), start, end });
    }
  }
  return out.filter((y) => y.fiscalYear >= 1989 && y.fiscalYear <= 2100);
}

/**
 * The first fiscal year named, skipping the ones that are a reference (平成25年度比) and,
 * with `ignoreFrom`, the ones a period starts from (平成31年度～, 令和2年度から).
 */
export function fiscalYearAt(
  s: string,
  options: { ignoreFrom?: boolean } = {},
): number | undefined {
  for (const y of yearMentions(s)) {
    const after = s.slice(y.end);
    if (/^\s*(?:末\s*)?比/u.test(after)) continue;
    if (options.ignoreFrom && /^\s*(?:~|から|以降)/u.test(after)) continue;
    return y.fiscalYear;
  }
  return undefined;
}

/** The text without its year mentions and the words that go with them (までに, に向けて). */
export function stripYears(s: string): string {
  let out = "";
  let last = 0;
  for (const y of yearMentions(s)) {
    out += s.slice(last, y.start);
    last = y.end;
    const tail = /^\s*(?:末|の|に向けて|までに|まで|に|で)?/u.exec(s.slice(last));
    last += tail?.[0].length ?? 0;
  }
  return out + s.slice(last);
}
