// The portal's addresses, in one place so that links and routes agree. A department is
// named by its own code when it has one (stable across renames), else by its name.

import { BIDI_CONTROLS } from "./html.ts";

export const STYLESHEET_PATH = "/assets/portal.css";
/** The static export's search, run in the browser (the served portal searches on the server). */
export const SEARCH_SCRIPT_PATH = "/assets/portal-search.js";

export function departmentSlug(d: { departmentCode: string | null; departmentName: string }) {
  return d.departmentCode !== null && d.departmentCode !== "" ? d.departmentCode : d.departmentName;
}

const seg = encodeURIComponent;

export const urls = {
  home: () => "/",
  accessibility: () => "/accessibility",
  search: () => "/search",
  municipality: (code: string) => `/${seg(code)}`,
  municipalitySearch: (code: string) => `/${seg(code)}/search`,
  year: (code: string, year: number) => `/${seg(code)}/${year}`,
  openData: (code: string, year: number) => `/${seg(code)}/${year}/opendata.csv`,
  manifesto: (code: string, year: number, slug: string) => `/${seg(code)}/${year}/${seg(slug)}`,
  download: (code: string, year: number, slug: string, ext: "json" | "xlsx" | "pdf") =>
    `/${seg(code)}/${year}/${seg(slug)}/manifesto.${ext}`,
  department: (code: string, slug: string) => `/${seg(code)}/departments/${seg(slug)}`,
  indicators: (code: string) => `/${seg(code)}/indicators`,
  goals: (code: string) => `/${seg(code)}/goals`,
  searchIndex: (code: string) => `/${seg(code)}/search-index.json`,
  indicator: (code: string, id: number) => `/${seg(code)}/indicators/${id}`,
};

/**
 * The same name for a link's `download` attribute: a static web server serving the export
 * sends no Content-Disposition, and the browser would save `manifesto.json`.
 */
export const downloadName = (fileName: string): string => fileName.replace(BIDI_CONTROLS, "");

/** `242161-2023-総務部.json`: a file name for Content-Disposition. */
export function contentDisposition(fileName: string): string {
  // Bidi controls would let a name read as another ("report\u202Efdp.exe"): left out.
  const name = fileName.replace(BIDI_CONTROLS, "");
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
