import { afterEach, describe, expect, it, vi } from "vitest";
import {
  eraOfYear,
  fiscalYearOf,
  formatDateJa,
  formatFiscalYear,
  formatFiscalYearEraOnly,
  isoDateInTokyo,
} from "./era.ts";

describe("formatFiscalYear", () => {
  it.each([
    [2023, "2023（令和5）年度"],
    [2024, "2024（令和6）年度"],
    [2020, "2020（令和2）年度"],
    // FY2019 began in Heisei 31 (April) but Reiwa began on 1 May: public bodies say 令和元年度.
    [2019, "2019（令和元）年度"],
    [2018, "2018（平成30）年度"],
    [1990, "1990（平成2）年度"],
    // Heisei began on 8 January 1989, before FY1989 began.
    [1989, "1989（平成元）年度"],
    [1988, "1988（昭和63）年度"],
  ])("%i → %s", (year, expected) => {
    expect(formatFiscalYear(year)).toBe(expected);
  });

  it("has a short era-only form", () => {
    expect(formatFiscalYearEraOnly(2023)).toBe("令和5年度");
    expect(formatFiscalYearEraOnly(2019)).toBe("令和元年度");
  });
});

describe("eraOfYear", () => {
  it("names the era and the year within it", () => {
    expect(eraOfYear(2023)).toEqual({ era: "令和", year: "5" });
    expect(eraOfYear(2019)).toEqual({ era: "令和", year: "元" });
  });

  it.each([[1872], [10_000], [2023.5], [Number.NaN]])("refuses %d", (year) => {
    expect(() => eraOfYear(year)).toThrow(RangeError);
  });
});

describe("fiscalYearOf (Asia/Tokyo)", () => {
  it.each([
    ["2024-03-31T23:59:00+09:00", 2023],
    // 15:00 UTC on 31 March is 00:00 on 1 April in Tokyo: the new fiscal year has begun.
    ["2024-03-31T15:00:00Z", 2024],
    ["2024-03-31T14:59:59Z", 2023],
    ["2024-04-01T00:00:00+09:00", 2024],
    ["2024-01-15T12:00:00+09:00", 2023],
    ["2023-12-31T15:30:00Z", 2023],
    ["2024-12-31T23:59:59+09:00", 2024],
  ])("%s → %i", (iso, expected) => {
    expect(fiscalYearOf(new Date(iso))).toBe(expected);
  });
});

describe("formatDateJa", () => {
  it("writes the Tokyo date, not the UTC one", () => {
    expect(formatDateJa(new Date("2024-03-31T15:00:00Z"))).toBe("2024年4月1日");
  });
});

describe("formatters are built once per process (issue 15: a page formats many dates)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("formats dates, years and fiscal years without building an Intl.DateTimeFormat per call", () => {
    const built = vi.spyOn(Intl, "DateTimeFormat");
    const when = new Date("2024-03-31T15:00:00Z");
    for (let i = 0; i < 3; i++) {
      expect(formatDateJa(when)).toBe("2024年4月1日");
      expect(isoDateInTokyo(when)).toBe("2024-04-01");
      expect(fiscalYearOf(when)).toBe(2024);
      expect(formatFiscalYear(2019)).toBe("2019（令和元）年度");
    }
    expect(built).not.toHaveBeenCalled();
  });

  it("hands out a copy of a remembered era year, so a caller cannot change it for the next", () => {
    const first = eraOfYear(2023);
    first.year = "changed";
    expect(eraOfYear(2023)).toEqual({ era: "令和", year: "5" });
  });
});
