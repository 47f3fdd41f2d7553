// How a search query becomes words and where the words occur in a text — one rule for the
// served search (src/services/portal/search-public-goals.ts), its highlighting
// (src/server/portal/highlight.ts) and the static export's search in the browser
// (src/server/portal/assets/portal-search.ts, bundled from this file), so the three cannot
// drift apart. Pure: no I/O, no Node-only API.

/** The longest query read; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** The most words a query is split into; the rest are ignored. */
export const MAX_WORDS = 8;

/** The words of a query as they are matched: NFKC, lower case, split on white space. */
export function searchWords(text: string): string[] {
  const words = text
    .slice(0, MAX_QUERY_LENGTH)
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

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

/**
 * Original-text ranges [start, end) of every occurrence of any word, merged. Words are matched
 * on the NFKC, lower-cased form (ＳＮＳ matches "sns"); the ranges are on the original text.
 */
export function matchRanges(original: string, words: readonly string[]): [number, number][] {
  const { text, origin } = fold(original);
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (word === "") continue;
    let at = text.indexOf(word);
    while (at !== -1) {
      const start = origin[at] ?? 0;
      // The end is the start of the next original character (a folded character may be longer).
      let end = origin[at + word.length] ?? original.length;
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
