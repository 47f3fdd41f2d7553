// Japanese line breaking (禁則処理) by measured width, independent of pdfkit: pdfkit wraps at
// spaces, which Japanese text has none of, and knows nothing of kinsoku.
//
// The rule set is the common "standard" one of JIS X 4051 as used in office documents:
// closing brackets, punctuation, the middle dot, the long-vowel mark and small kana never
// begin a line; opening brackets never end one. A violation is fixed by pushing characters
// to the next line (追い出し), never by squeezing, so every line stays within the width.

/** Characters that must not begin a line (行頭禁則). */
export const NO_LINE_START = new Set(
  [
    ..."。、，．,.）)」』】〉》〕］]｝}〙〗”’",
    ..."・･：；:;！？!?‼⁇⁈⁉％%‰℃°′″",
    ..."ー－‐゠–～〜…‥",
    ..."ヽヾゝゞ々〻",
    ..."ぁぃぅぇぉっゃゅょゎゕゖ",
    ..."ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
    ..."ｧｨｩｪｫｯｬｭｮｰ",
  ].map((c) => c.codePointAt(0) as number),
);

/** Characters that must not end a line (行末禁則). */
export const NO_LINE_END = new Set(
  [..."（(「『【〈《〔［[｛{〘〖“‘"].map((c) => c.codePointAt(0) as number),
);

export type WidthOf = (text: string) => number;

/**
 * A unit is what may not be split by a line break: one CJK character, or a run of Latin
 * letters/digits (a word such as `YouTube` or `0595-22-9601`), or one space.
 */
function splitIntoUnits(paragraph: string): string[] {
  // Word characters that read as Latin: ASCII and full-width alphanumerics stay together
  // only for ASCII; full-width digits are set one per em in Japanese text and may break.
  const units = paragraph.match(/[A-Za-z0-9@#$&*+/=_\-.,:%'"()[\]<>!?]+|\s|./gsu);
  return units ?? [];
}

function firstCodePoint(s: string): number {
  return s.codePointAt(0) ?? 0;
}

function lastCodePoint(s: string): number {
  const chars = Array.from(s);
  return chars.length === 0 ? 0 : (chars[chars.length - 1]?.codePointAt(0) ?? 0);
}

/** A Latin word wider than a whole line must be broken somewhere: by characters. */
function breakLongUnits(units: string[], maxWidth: number, widthOf: WidthOf): string[] {
  const out: string[] = [];
  for (const unit of units) {
    if (unit.length > 1 && widthOf(unit) > maxWidth) out.push(...Array.from(unit));
    else out.push(unit);
  }
  return out;
}

/**
 * Whether a line may end after `units[end - 1]` and the next begin at `units[end]`.
 * A Latin run like `(令和` is one unit only when ASCII, so its edges are checked as text.
 */
function isAllowedBreak(units: readonly string[], end: number): boolean {
  const before = units[end - 1];
  const after = units[end];
  if (before === undefined || after === undefined) return true;
  if (NO_LINE_START.has(firstCodePoint(after))) return false;
  if (NO_LINE_END.has(lastCodePoint(before))) return false;
  return true;
}

/** One paragraph (no line feeds) into lines no wider than `maxWidth`. */
function breakParagraph(paragraph: string, maxWidth: number, widthOf: WidthOf): string[] {
  const units = breakLongUnits(splitIntoUnits(paragraph), maxWidth, widthOf);
  const widths = units.map((u) => widthOf(u));
  const lines: string[] = [];
  let start = 0;
  while (start < units.length) {
    // A line never starts with a (Latin) space left over from the break.
    if (units[start] === " " && lines.length > 0) {
      start++;
      continue;
    }
    let end = start;
    let width = 0;
    while (end < units.length && width + (widths[end] ?? 0) <= maxWidth) {
      width += widths[end] ?? 0;
      end++;
    }
    if (end === start) end = start + 1; // a single unit wider than the line: set it alone
    if (end < units.length) {
      // Push characters to the next line until the break is allowed; if the whole line
      // would move, break where it was: an overlong run of prohibited characters is rare
      // and must not loop forever.
      let candidate = end;
      while (candidate > start + 1 && !isAllowedBreak(units, candidate)) candidate--;
      if (isAllowedBreak(units, candidate)) end = candidate;
    }
    lines.push(units.slice(start, end).join("").replace(/ +$/u, ""));
    start = end;
  }
  return lines;
}

/**
 * Text into lines no wider than `maxWidth` (as measured by `widthOf`), with Japanese line
 * breaking. Line feeds in the text are kept as line breaks; an empty paragraph gives one
 * empty line so that blank lines the author typed survive.
 */
export function breakIntoLines(text: string, maxWidth: number, widthOf: WidthOf): string[] {
  const paragraphs = text.replace(/\r\n?/gu, "\n").replace(/\t/gu, " ").split("\n");
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === "") lines.push("");
    else lines.push(...breakParagraph(paragraph, maxWidth, widthOf));
  }
  return lines;
}
