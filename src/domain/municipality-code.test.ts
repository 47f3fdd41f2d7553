import { describe, expect, it } from "vitest";
import { isValidMunicipalityCode, municipalityCheckDigit } from "./municipality-code.ts";

describe("isValidMunicipalityCode", () => {
  it.each([
    ["242161", "伊賀市"],
    ["011002", "札幌市"],
    ["131016", "千代田区"],
    ["242012", "津市"],
    ["272051", "吹田市"],
    ["232025", "岡崎市"],
    ["242021", "四日市市"],
    ["242047", "松阪市"],
    ["332143", "真庭市"],
    ["271004", "大阪市"],
  ])("%s (%s) is valid", (code) => {
    expect(isValidMunicipalityCode(code)).toBe(true);
  });

  it.each([
    ["242162"],
    ["242160"],
    ["011003"],
    ["24216"],
    ["2421611"],
    ["２４２１６１"],
    ["24216a"],
    [""],
  ])("%j is not valid", (code) => {
    expect(isValidMunicipalityCode(code)).toBe(false);
  });

  it("accepts exactly one check digit for each five digits", () => {
    for (const five of ["24216", "01100", "13101", "00000", "99999", "47382"]) {
      const valid = [...Array(10).keys()].filter((d) => isValidMunicipalityCode(`${five}${d}`));
      expect(valid).toEqual([municipalityCheckDigit(five)]);
    }
  });
});

describe("municipalityCheckDigit", () => {
  // Weighted sum with 6,5,4,3,2; 11 − (sum mod 11), last digit. Worked by hand:
  it.each([
    ["24216", 1], // 55 mod 11 = 0 → 11 → 1
    ["01100", 2], // 9 → 2
    ["13101", 6], // 27 mod 11 = 5 → 6
    ["00000", 1], // 0 → 11 → 1
    ["10000", 5], // 6 → 5
    ["00001", 9], // 2 → 9
    ["20000", 0], // 12 mod 11 = 1 → 10 → 0
  ])("%s → %i", (five, digit) => {
    expect(municipalityCheckDigit(five)).toBe(digit);
  });

  it("refuses anything but five digits", () => {
    expect(() => municipalityCheckDigit("2421")).toThrow(RangeError);
    expect(() => municipalityCheckDigit("24a16")).toThrow(RangeError);
  });
});
