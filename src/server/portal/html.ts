// HTML by tagged template: every interpolated value is escaped unless it is already Html
// (built by this template, or wrapped in raw() by code that vouches for it). Document text
// from municipalities is never trusted, so nothing else reaches the page unescaped.

import { numberRuns } from "../../domain/accessibility/number-runs.ts";

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// C0 controls other than tab, line feed and carriage return, DEL, C1 controls and lone
// surrogates: invisible at best, and some browsers treat them oddly in attributes.
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function escapeHtml(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, "\ufffd").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, marks). In user text
 * they can reorder what follows them — "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" —
 * and, unisolated, the page around it.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Where an interpolation lands: element text, or where markup cannot go (attribute, title). */
type Context = "text" | "plain";

/** Element text, escaped; each full-width number (「３１．６％」) in a span kept on one line. */
function escapeText(text: string): string {
  return numberRuns(text)
    .map((r) =>
      r.keepWhole ? `<span class="keep-whole">${escapeHtml(r.text)}</span>` : escapeHtml(r.text),
    )
    .join("");
}

function render(value: Interpolation, context: Context): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map((v) => render(v, context)).join("");
  const text = String(value);
  if (!HAS_BIDI_CONTROL.test(text))
    return context === "plain" ? escapeHtml(text) : escapeText(text);
  // User text with bidi controls is isolated from the page (<bdi>); where no element can
  // go — an attribute, the <title> — the controls are left out of what is shown.
  if (context === "plain") return escapeHtml(text.replace(BIDI_CONTROLS, ""));
  return `<bdi>${escapeText(text)}</bdi>`;
}

const TEXT_ONLY_ELEMENTS = ["title", "option", "textarea"];

/** The context after the template's literal text so far: inside a tag or a text-only element. */
function contextAfter(literal: string): Context {
  if (literal.lastIndexOf("<") > literal.lastIndexOf(">")) return "plain";
  const lower = literal.toLowerCase();
  for (const name of TEXT_ONLY_ELEMENTS) {
    if (lower.lastIndexOf(`<${name}`) > lower.lastIndexOf(`</${name}`)) return "plain";
  }
  return "text";
}

// Each interpolation's context depends on the template's literal text only, and a tagged
// template passes the same frozen strings array on every call from one place: worked out
// once per template, not again (over the growing literal) on every render of every page.
const CONTEXTS = new WeakMap<TemplateStringsArray, Context[]>();

function contextsOf(strings: TemplateStringsArray): Context[] {
  let contexts = CONTEXTS.get(strings);
  if (!contexts) {
    contexts = [];
    let literal = strings[0] ?? "";
    for (let i = 1; i < strings.length; i++) {
      contexts.push(contextAfter(literal));
      literal += strings[i] ?? "";
    }
    CONTEXTS.set(strings, contexts);
  }
  return contexts;
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  const contexts = contextsOf(strings);
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value, contexts[i] ?? "text") + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Markup the caller vouches for (e.g. an SVG rendered by the chart library from numbers). */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** Text with its line breaks kept as <br>, each line escaped. */
export function lines(text: string): Html {
  const parts = text.split(/\r\n|\r|\n/);
  return html`${parts.map((p, i) => (i === 0 ? html`${p}` : html`<br>${p}`))}`;
}
