// Full-width digits (「３１．６％」) are ideographs to a browser's line breaker, which may break
// between any two of them; half-width numbers it keeps whole by itself. So the pieces of a
// document's text that are full-width numbers, with their point, separators and a per cent
// sign, are found here, and the staff app and the portal keep each on one line (WCAG 1.4.10
// at 320 CSS px, issue #18 item 10). Only finding: what is shown stays the text as written.

/** A number written with at least one full-width digit, with its separators and a % sign. */
const FULL_WIDTH_NUMBER = /[0-9０-９][0-9０-９.,:．，：]*[0-9０-９][%％]?|[０-９][%％]?/g;

export interface TextRun {
  text: string;
  /** True for a full-width number that must not be broken across lines. */
  keepWhole: boolean;
}

/** The text in order, cut into plain runs and full-width numbers; joined it is the text. */
export function numberRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(FULL_WIDTH_NUMBER)) {
    // A number of half-width digits only is left to the browser, which keeps it whole.
    if (!/[０-９]/.test(m[0]) || m[0].length < 2) continue;
    const start = m.index ?? 0;
    if (start > at) runs.push({ text: text.slice(at, start), keepWhole: false });
    runs.push({ text: m[0], keepWhole: true });
    at = start + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), keepWhole: false });
  return runs;
}
