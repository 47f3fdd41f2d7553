// NFKC is for comparing, searching and parsing numbers only, never for what is stored:
// it turns ① into 1 and ～ into ~, which would rewrite what a municipality published.

export function nfkc(s: string): string {
  return s.normalize("NFKC");
}

/** The key two names are compared by: NFKC, surrounding white space dropped. */
export function comparisonKey(s: string): string {
  return nfkc(s).trim();
}

/**
 * Parses a number as people write it in Japanese documents: full-width digits and points,
 * thousands separators (, and ，), a leading sign. Returns undefined for anything else.
 */
export function parseJapaneseNumber(s: string): number | undefined {
  // NFKC alone would also read ① as 1, ² as 2 and ⒈ as "1.", so "①84" would become 184:
  // only digits, signs, points, separators and spaces (half- or full-width) may be folded.
  if (/[^0-9０-９+＋\-－.．,，\s]/u.test(s)) return undefined;
  const t = nfkc(s).trim().replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
