// Japanese fiscal years and eras, computed with Intl in Asia/Tokyo (the machine runs in UTC).
//
// A fiscal year runs from April to March and is named by the Gregorian year it starts in.
// Its era name is the one in force at the end of that calendar year: an era that begins
// during the fiscal year names it, as public bodies named FY2019 「令和元年度」 (Reiwa began on
// 1 May 2019) and FY1989 「平成元年度」 (Heisei began on 8 January 1989).

const eraFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  timeZone: "Asia/Tokyo",
});

// Formatters are built once per process: building one costs far more than formatting with
// it, and the public pages format a date or a year many times per request (issue 15).
const tokyoYearMonth = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
});
const dateJa = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "long",
  day: "numeric",
});
const isoDateTokyo = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" });
const eraYears = new Map<number, EraYear>();

export interface EraYear {
  era: string; // 令和
  year: string; // "5", or "元" for the first year
}

export function eraOfYear(gregorianYear: number): EraYear {
  if (!Number.isInteger(gregorianYear) || gregorianYear < 1873 || gregorianYear > 9999) {
    throw new RangeError(`no Japanese era for year ${gregorianYear}`);
  }
  const known = eraYears.get(gregorianYear);
  if (known) return { ...known };
  // 31 December at noon, Tokyo time: safely inside that calendar year.
  const date = new Date(Date.UTC(gregorianYear, 11, 31, 3));
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === "era")?.value ?? "";
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  const found = { era, year: year === "1" ? "元" : year };
  eraYears.set(gregorianYear, found);
  return { ...found };
}

/** `2023（令和5）年度`, `2019（令和元）年度`. */
export function formatFiscalYear(fiscalYear: number): string {
  const { era, year } = eraOfYear(fiscalYear);
  return `${fiscalYear}（${era}${year}）年度`;
}

/** `令和5年度`: the short form used in running text and file names. */
export function formatFiscalYearEraOnly(fiscalYear: number): string {
  const { era, year } = eraOfYear(fiscalYear);
  return `${era}${year}年度`;
}

/** The fiscal year a date falls in (Asia/Tokyo): 2024-03-31 → 2023, 2024-04-01 → 2024. */
export function fiscalYearOf(date: Date): number {
  const parts = tokyoYearMonth.formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  return month >= 4 ? year : year - 1;
}

/** `2024年3月31日` style date in Asia/Tokyo, Western calendar. */
export function formatDateJa(date: Date): string {
  return dateJa.format(date);
}

/** `2024-03-31`: the Tokyo calendar date, for `<time datetime>`. */
export function isoDateInTokyo(date: Date): string {
  return isoDateTokyo.format(date);
}
