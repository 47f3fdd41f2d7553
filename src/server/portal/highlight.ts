// Marks the words of a search in a text as written. Words are matched on the NFKC, lower-
// cased form (ＳＮＳ matches "sns"), then the marks are placed on the original characters.
import { type Html, html } from "./html.ts";

interface Folded {
  text: string;
  /** For each code unit of the folded text, the index in the original where it came from. */
  origin: number[];
}

function fold(original: string): Folded {
  let text = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = ch.normalize("NFKC").toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(i);
    text += f;
    i += ch.length;
  }
  origin.push(original.length);
  return { text, origin };
}

/** Original-text ranges [start, end) of every occurrence of any word, merged. */
export function matchRanges(original: string, words: readonly string[]): [number, number][] {
  const { text, origin } = fold(original);
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (word === "") continue;
    let at = text.indexOf(word);
    while (at !== -1) {
      const start = origin[at] ?? 0;
      const endIndex = at + word.length;
      // The end is the start of the next original character (a folded character may be longer).
      let end = origin[endIndex] ?? original.length;
      if (end <= start) end = start + 1;
      ranges.push([start, end]);
      at = text.indexOf(word, at + Math.max(word.length, 1));
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function highlight(original: string, words: readonly string[]): Html {
  const ranges = matchRanges(original, words);
  const parts: Html[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(html`${original.slice(at, start)}<mark>${original.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${original.slice(at)}`);
  return html`${parts}`;
}

export function containsAny(original: string, words: readonly string[]): boolean {
  return matchRanges(original, words).length > 0;
}
