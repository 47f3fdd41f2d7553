// For the tests only: real PDFs written to disk and read back with poppler (pdftotext,
// pdfinfo, pdffonts, pdftoppm), the way a reader's viewer would see them.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const ARTIFACTS = join(ROOT, ".test-artifacts", "pdf");

export function loadDemo(): ManifestoDocument {
  const path = join(ROOT, "demo/iga-2023-somu.manifesto.json");
  return JSON.parse(readFileSync(path, "utf8")) as ManifestoDocument;
}

// Under the git-ignored artefacts, with fixed names: each run overwrites the last, and the
// PDFs stay there for a person to open.
const PDFS = join(ARTIFACTS, "pdfs");

export function writePdf(pdf: Buffer, name: string): string {
  mkdirSync(PDFS, { recursive: true });
  const path = join(PDFS, name);
  writeFileSync(path, pdf);
  return path;
}

export interface TextOptions {
  mode?: "raw" | "layout";
  first?: number;
  last?: number;
  /** Crop box in points (pdftotext's pixels at its default 72 dpi). */
  crop?: { x: number; y: number; width: number; height: number };
}

export function pdfText(path: string, options: TextOptions = {}): string {
  const args = [`-${options.mode ?? "raw"}`, "-enc", "UTF-8"];
  if (options.first) args.push("-f", String(options.first));
  if (options.last) args.push("-l", String(options.last));
  if (options.crop) {
    const c = options.crop;
    args.push("-x", String(Math.round(c.x)), "-y", String(Math.round(c.y)));
    args.push("-W", String(Math.round(c.width)), "-H", String(Math.round(c.height)));
  }
  return execFileSync("pdftotext", [...args, path, "-"], { encoding: "utf8" });
}

export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const out = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Rows of `pdffonts`: font name, whether embedded, whether subset. */
export function pdfFonts(path: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" }).split("\n").slice(2);
  return lines
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object-id: the yes/no flags are 5th–3rd from the end.
      const n = cols.length;
      return {
        name: cols[0] ?? "",
        embedded: cols[n - 5] === "yes",
        subset: cols[n - 4] === "yes",
      };
    });
}

/** Renders one page to `.test-artifacts/pdf/<name>.png` and returns the file's path. */
export function renderPng(path: string, page: number, name: string, dpi = 60): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, name);
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    "-png",
    path,
    base,
  ]);
  return `${base}.png`;
}

/** Text with every kind of white space removed, for comparing wrapped text. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/gu, "");
}

/**
 * Finds `needles` in `haystack` one after another; returns the position after the last, or
 * throws naming the first that is missing or out of order.
 */
export function expectInOrder(haystack: string, needles: readonly string[], from = 0): number {
  let at = from;
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) {
      const anywhere = haystack.indexOf(needle) >= 0;
      throw new Error(`${anywhere ? "out of order" : "missing"}: ${needle}`);
    }
    at = found + needle.length;
  }
  return at;
}
