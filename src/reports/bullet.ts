// The bullet the printed form puts before each item of a list (現在の状態, 手段, a target
// without a label), shared by the PDF and the Excel form. Items that already start with a
// marker of their own (「・経常収支比率…」, ①, ※, （1）…) are printed as written, so a clerk's
// marker never gets a second one.
const MARKER = /^[・･●○◆◇■□※\u3000\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf（(［[]/u;

export function bullet(text: string): string {
  return MARKER.test(text) ? text : `・${text}`;
}
