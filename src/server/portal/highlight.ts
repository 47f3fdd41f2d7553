// Marks the words of a search in a text as written: where matchRanges (src/domain/search)
// finds them, marks on the original characters.
import { matchRanges } from "../../domain/search/words.ts";
import { type Html, html } from "./html.ts";

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
