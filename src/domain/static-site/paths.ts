// Where a portal address lands in a static export, and links rewritten relative to the page
// that holds them, so that the files work from any static web server under any path prefix
// (/, /manifesto/, /sub/dir/) — and from a folder opened in a browser.
//
// A page (`/242161/2023/総務部`) becomes a folder with index.html in it; a file with an
// extension (`…/manifesto.pdf`, `/assets/portal.css`) stays a file. Links name index.html
// itself: some static servers (and file://) do not serve a folder's index.

const FILE_EXTENSIONS = /\.(css|js|json|csv|pdf|xlsx)$/;

/** The address's path segments, decoded; a segment that cannot be a file name stays encoded. */
function segmentsOf(urlPath: string): string[] {
  return urlPath
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(s);
      } catch {
        return s;
      }
      // A slash, a backslash or a dot-name inside one segment would leave its folder.
      return /[/\\\0]/.test(decoded) || decoded === "." || decoded === ".." ? s : decoded;
    });
}

export function isPageAddress(urlPath: string): boolean {
  const last = segmentsOf(urlPath).at(-1);
  return last === undefined || !FILE_EXTENSIONS.test(last);
}

/** The file (relative to the export's root, `/`-separated) that holds an address's content. */
export function exportFileFor(urlPath: string): string {
  const segments = segmentsOf(urlPath);
  return isPageAddress(urlPath) ? [...segments, "index.html"].join("/") : segments.join("/");
}

/** The link from one exported file to another, both relative to the export's root. */
export function relativeLink(fromFile: string, toFile: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) {
    common += 1;
  }
  const up = from.slice(common).map(() => "..");
  const rest = to.slice(common).map((s) => encodeURIComponent(s));
  return [...up, ...rest].join("/");
}

/** Splits `/a/b?x=1#y` into its path and what follows it. */
function splitAddress(address: string): { path: string; tail: string } {
  const at = address.search(/[?#]/);
  return at === -1
    ? { path: address, tail: "" }
    : { path: address.slice(0, at), tail: address.slice(at) };
}

// Attributes that carry an address in the portal's markup: links, forms, the stylesheet and
// the script, and data-*-href for the search script's index and root.
const ADDRESS_ATTRIBUTE = /(\s(?:href|src|action|data-[a-z-]+-href)=")(\/[^"]*)"/g;

/**
 * The portal's own addresses in a page, rewritten relative to `fromFile`. Addresses that do
 * not start with one slash (fragments, other sites) are left as they are.
 */
export function rewriteLinks(html: string, fromFile: string): string {
  return html.replace(ADDRESS_ATTRIBUTE, (whole, before: string, address: string) => {
    if (address.startsWith("//")) return whole;
    const { path, tail } = splitAddress(address);
    return `${before}${relativeLink(fromFile, exportFileFor(path))}${tail}"`;
  });
}

/** The portal's own addresses a page links to (paths only, queries dropped), in order. */
export function linkedAddresses(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(ADDRESS_ATTRIBUTE)) {
    const address = (m[2] ?? "").replace(/&amp;/g, "&");
    if (address.startsWith("//")) continue;
    found.add(splitAddress(address).path || "/");
  }
  return [...found];
}
