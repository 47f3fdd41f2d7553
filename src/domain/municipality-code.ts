// 全国地方公共団体コード: five digits and a check digit. The check digit is the last digit of
// 11 minus (the weighted sum of the five digits, weights 6,5,4,3,2, modulo 11).
// Iga 24216 → 2·6+4·5+2·4+1·3+6·2 = 55, 55 mod 11 = 0, 11 − 0 = 11 → 1 → 242161.

const WEIGHTS = [6, 5, 4, 3, 2] as const;

export function municipalityCheckDigit(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new RangeError("expected five digits");
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstFive[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}
