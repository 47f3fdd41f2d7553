// HTML by tagged template: every interpolated value is escaped unless it is already Html
// (built by this template, or wrapped in raw() by code that vouches for it). Document text
// from municipalities is never trusted, so nothing else reaches the page unescaped.

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

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
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
