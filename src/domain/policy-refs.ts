// 関連の施策・基本事業No: codes of the comprehensive plan (政策-施策-基本事業), written `7-1-①`.
// Published documents write them in many ways (`７－１－①`, `7-1-①･②`, `7-3・①`, lists with
// `、`). These functions read those forms for matching only; stored text is never rewritten.
import { nfkc } from "./text.ts";

// ①–⑳, ㉑–㉟, ㊱–㊿: the circled numbers a plan uses for 基本事業.
const CIRCLED = "\u2460-\u2473\u3251-\u325F\u32B1-\u32BF";
const PART = `(?:\\d+|[${CIRCLED}])`;
// A code: the 政策 number, then any number of levels joined by hyphens.
const CODE = `\\d+(?:-${PART})*`;
// The middle dots legacy documents use for "and": ・ (U+30FB), ･ (U+FF65), · (U+00B7).
const DOTS = "\u30FB\uFF65\u00B7";

const HYPHENS = /[\uFF0D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF70\u30FC]/g;

/**
 * Writes the variants people type in the form this module reads: half-width digits and `-`.
 * Circled numbers are left as they are; NFKC would turn ① into 1 and lose what was written.
 */
function toReadableForm(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(HYPHENS, "-")
    .replace(/\s*([-\u30FB\uFF65\u00B7])\s*/gu, "$1")
    .trim();
}

const codeAtStart = new RegExp(`^${CODE}`, "u");
const dotThenCode = new RegExp(`^[${DOTS}](${CODE}-${PART})`, "u");
const dotThenPart = new RegExp(`^[${DOTS}]?(${PART})`, "u");
// What may stand between two codes of a list: `、`, commas, spaces, or one middle dot.
const betweenCodes = new RegExp(`^(?:[、，,､;；/／\\s]+|[${DOTS}])`, "u");
const circledOnly = new RegExp(`^[${CIRCLED}]$`, "u");

function isCircled(part: string): boolean {
  return circledOnly.test(part);
}

/**
 * Reads the codes a text names, in order, without duplicates: `7-1-①･②` → ["7-1-①","7-1-②"],
 * `7-3・①` → ["7-3-①"], `７－１－①、7-2-③` → ["7-1-①","7-2-③"]. A text that is not entirely
 * codes and separators gives [] (a guess would let a typo pass as a reference).
 */
export function parsePolicyRefs(text: string): string[] {
  let rest = toReadableForm(text);
  const codes: string[] = [];
  while (rest !== "") {
    const code = codeAtStart.exec(rest)?.[0];
    if (code === undefined) return [];
    codes.push(code);
    rest = rest.slice(code.length);
    let parts = code.split("-");
    // `･②` after `7-1-①` is its sibling 7-1-②; `・①` after `7-3` names its child 7-3-① alone.
    for (;;) {
      if (dotThenCode.test(rest)) break; // `・7-2-③`: a new code, read by the outer loop
      const next = dotThenPart.exec(rest);
      const part = next?.[1];
      if (next === null || part === undefined) break;
      if (next[0] === part && !isCircled(part)) break; // `①2` is not a list
      const last = parts.at(-1) ?? "";
      const child = !isCircled(last) && isCircled(part);
      parts = [...parts.slice(0, -1), ...(child ? [last] : []), part];
      if (child) codes.pop();
      codes.push(parts.join("-"));
      rest = rest.slice(next[0].length);
    }
    if (rest === "") break;
    const separator = betweenCodes.exec(rest);
    if (separator === null) return [];
    rest = rest.slice(separator[0].length);
  }
  return [...new Set(codes)];
}

/**
 * The key two codes are compared by: NFKC (① → 1), half-width hyphens, no spaces, no leading
 * zeros. `7-1-①`, `７－１－１` and `07-1-1` all give "7-1-1".
 */
export function policyRefKey(code: string): string {
  return nfkc(code)
    .replace(HYPHENS, "-")
    .replace(/\s+/g, "")
    .split("-")
    .map((part) => (/^\d+$/.test(part) ? String(Number(part)) : part))
    .join("-");
}

/** The levels of a code as numbers, for ordering: `7-1-①` → [7, 1, 1]; [] when not a code. */
export function splitPolicyRefKey(code: string): number[] {
  const key = policyRefKey(code);
  if (!/^\d+(-\d+)*$/.test(key)) return [];
  return key.split("-").map(Number);
}

/** Orders codes as the plan does: 7-2 before 7-10, a 施策 before its 基本事業. */
export function comparePolicyRefs(a: string, b: string): number {
  const x = splitPolicyRefKey(a);
  const y = splitPolicyRefKey(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length || policyRefKey(a).localeCompare(policyRefKey(b));
}
