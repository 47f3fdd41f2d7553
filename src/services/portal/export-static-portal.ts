// The public site of a municipality as files, for a static web server on the internet side
// (the one-way publication of an LGWAN-side installation). Every address the pages link to
// is read from the portal itself (a PortalSource) and written where a static server finds
// it, with the portal's own links made relative (domain/static-site/paths.ts).
//
// Incremental: a manifest in the folder holds each file's fingerprint (its SHA-256, leaving
// out the moment a PDF or workbook was rendered: static-fingerprint.ts); a second export
// writes only the files whose content changed (or that went missing) and removes, and lists, the
// files the site no longer has, so that only those need carrying across.
import fs from "node:fs";
import path from "node:path";
import {
  exportFileFor,
  isPageAddress,
  linkedAddresses,
  rewriteLinks,
} from "../../domain/static-site/paths.ts";
import { AppError } from "../../errors.ts";
import { staticFileFingerprint } from "./static-fingerprint.ts";

export interface PortalResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** The portal, read address by address (absolute paths such as `/242161/2023`). */
export interface PortalSource {
  /** Where the crawl starts; everything else is found by following links. */
  startAddresses: readonly string[];
  get(address: string): Promise<PortalResponse>;
}

export const MANIFEST_FILE = "tassei-export.json";
const MANIFEST_FORMAT = "tassei.static-export/v1";
/** Far more than a municipality's site has (pages × downloads): a guard against a loop. */
const MAX_FILES = 50_000;

interface Manifest {
  format: typeof MANIFEST_FORMAT;
  municipalityCode: string;
  files: Record<string, string>;
}

export interface StaticExportResult {
  /** Files written (new or changed), relative to the folder, `/`-separated. */
  written: string[];
  /** Files of the last export that the site no longer has: removed from the folder. */
  deleted: string[];
  unchanged: number;
  /** Addresses linked from a page that the portal did not answer with 200. */
  broken: { address: string; status: number; from: string }[];
}

function readManifest(outDir: string, municipalityCode: string): Manifest | undefined {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  const m = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  if (m.format !== MANIFEST_FORMAT || m.municipalityCode !== municipalityCode) {
    throw new AppError(
      "conflict",
      `出力先 ${outDir} には別の書き出し（${m.municipalityCode ?? "不明"}）があります。空のフォルダーを指定してください。`,
    );
  }
  return m;
}

function writeAtomically(file: string, body: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, body);
  fs.renameSync(temp, file);
}

/** Removes a file and the folders it leaves empty, up to the export's root. */
function removeFile(outDir: string, relative: string): void {
  fs.rmSync(path.join(outDir, relative), { force: true });
  let dir = path.dirname(path.join(outDir, relative));
  while (dir.startsWith(outDir) && dir !== outDir && fs.readdirSync(dir).length === 0) {
    fs.rmdirSync(dir);
    dir = path.dirname(dir);
  }
}

/** Reads every address reachable from the start, each once: file name → content. */
async function crawl(source: PortalSource, broken: StaticExportResult["broken"]) {
  const files = new Map<string, Buffer>();
  const queue = source.startAddresses.map((address) => ({ address, from: "(start)" }));
  const seen = new Set(queue.map((q) => q.address));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { address, from } = next;
    const response = await source.get(address);
    if (response.status !== 200) {
      broken.push({ address, status: response.status, from });
      continue;
    }
    const file = exportFileFor(address);
    let body = response.body;
    if (response.contentType.startsWith("text/html")) {
      const page = body.toString("utf8");
      for (const linked of linkedAddresses(page)) {
        if (seen.has(linked)) continue;
        seen.add(linked);
        queue.push({ address: linked, from: address });
      }
      body = Buffer.from(rewriteLinks(page, file));
    } else if (isPageAddress(address)) {
      // A page address answered with something else would hide under index.html.
      broken.push({ address, status: response.status, from });
      continue;
    }
    files.set(file, body);
    if (files.size > MAX_FILES) {
      throw new AppError("conflict", `書き出すファイルが${MAX_FILES}を超えました。`);
    }
  }
  return files;
}

export async function exportStaticPortal(input: {
  municipalityCode: string;
  outDir: string;
  source: PortalSource;
}): Promise<StaticExportResult> {
  const outDir = path.resolve(input.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const previous = readManifest(outDir, input.municipalityCode);
  const broken: StaticExportResult["broken"] = [];
  const files = await crawl(input.source, broken);

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    municipalityCode: input.municipalityCode,
    files: {},
  };
  const written: string[] = [];
  let unchanged = 0;
  for (const [file, body] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = staticFileFingerprint(file, body);
    manifest.files[file] = hash;
    const target = path.join(outDir, file);
    if (previous?.files[file] === hash && fs.existsSync(target)) {
      unchanged += 1;
      continue;
    }
    writeAtomically(target, body);
    written.push(file);
  }
  const deleted = Object.keys(previous?.files ?? {})
    .filter((f) => !files.has(f))
    .sort();
  for (const f of deleted) removeFile(outDir, f);
  // Last, so that an export that stopped half-way is done again in full next time.
  writeAtomically(
    path.join(outDir, MANIFEST_FILE),
    Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  );
  return { written, deleted, unchanged, broken };
}
