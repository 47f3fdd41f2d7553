import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakIntoLines, NO_LINE_END, NO_LINE_START } from "./kinsoku.ts";

// Every character one unit wide: the tests count characters instead of points.
const monospace = (s: string) => Array.from(s).length;

function startsBadly(line: string): boolean {
  return NO_LINE_START.has(line.codePointAt(0) ?? 0);
}

function endsBadly(line: string): boolean {
  const last = Array.from(line).pop();
  return last !== undefined && NO_LINE_END.has(last.codePointAt(0) ?? 0);
}

describe("breakIntoLines", () => {
  it("fills lines to the width", () => {
    expect(breakIntoLines("あいうえおかきくけこさ", 5, monospace)).toEqual([
      "あいうえお",
      "かきくけこ",
      "さ",
    ]);
  });

  it("pushes a character to the next line rather than start a line with 。 or 、", () => {
    expect(breakIntoLines("あいうえお。かきく", 5, monospace)).toEqual(["あいうえ", "お。かきく"]);
    expect(breakIntoLines("あいうえお、かきく", 5, monospace)).toEqual(["あいうえ", "お、かきく"]);
  });

  it("keeps closing brackets, small kana and the long-vowel mark off the start of a line", () => {
    expect(breakIntoLines("あいうえお）かき", 5, monospace)).toEqual(["あいうえ", "お）かき"]);
    expect(breakIntoLines("あいうえおっと", 5, monospace)).toEqual(["あいうえ", "おっと"]);
    expect(breakIntoLines("テキストデーター", 5, monospace)).toEqual(["テキスト", "データー"]);
    expect(breakIntoLines("あいうえ「かきく」", 5, monospace)).toEqual(["あいうえ", "「かきく」"]);
  });

  it("does not end a line with an opening bracket", () => {
    const lines = breakIntoLines("あいうえ「かきくけ", 5, monospace);
    expect(lines).toEqual(["あいうえ", "「かきくけ"]);
  });

  it("keeps Latin words whole and drops the space at a break", () => {
    expect(breakIntoLines("abc YouTube def", 8, monospace)).toEqual(["abc", "YouTube", "def"]);
    expect(breakIntoLines("動画はYouTubeで", 8, monospace)).toEqual(["動画は", "YouTubeで"]);
  });

  it("breaks a Latin word longer than the line by characters", () => {
    expect(breakIntoLines("abcdefghij", 4, monospace)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("keeps the author's line feeds and blank lines", () => {
    expect(breakIntoLines("あい\n\nう\r\nえ", 5, monospace)).toEqual(["あい", "", "う", "え"]);
  });

  it("keeps characters outside the Basic Multilingual Plane whole", () => {
    expect(breakIntoLines("𠮷野家𠮷野家", 3, monospace)).toEqual(["𠮷野家", "𠮷野家"]);
  });

  it("never loses text, never overflows, and obeys kinsoku wherever a break is possible", () => {
    // Tokens between which a break is always allowed; inside them, never.
    const token = fc
      .tuple(
        fc.constantFrom("", "「", "（", "〈"),
        fc.constantFrom("漢", "字", "か", "ナ", "ab", "12"),
        fc.constantFrom("", "」", "）", "ー", "ッ", "ょ", "・"),
        fc.constantFrom("", "。", "、"),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }),
        fc.integer({ min: 6, max: 30 }),
        (tokens, width) => {
          const text = tokens.join("");
          const lines = breakIntoLines(text, width, monospace);
          expect(lines.join("")).toBe(text);
          for (const [i, line] of lines.entries()) {
            expect(monospace(line)).toBeLessThanOrEqual(width);
            if (i > 0)
              expect(startsBadly(line), `line ${i} of ${JSON.stringify(lines)}`).toBe(false);
            if (i < lines.length - 1) expect(endsBadly(line)).toBe(false);
          }
        },
      ),
    );
  });
});
