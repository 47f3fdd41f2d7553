// Makes a workbook saved by any spreadsheet tool readable by exceljs, and refuses one that is
// far larger than a filled-in template could be before anything is read whole.
//
// exceljs crashes on parts it does not expect where other tools put them: notes saved by
// openpyxl, Excel or WPS (`xl/comments/comment1.xml`, absolute targets such as
// `/xl/comments/comment1.xml`) end in "Cannot read properties of undefined (reading
// 'comments')". The importer needs only the cell values, so the package is rebuilt from the
// parts that hold them — the workbook, its worksheets, shared strings and styles — under the
// names exceljs looks for, and every worksheet loses the elements that point at the parts
// left out (notes, drawings, tables, hyperlinks). Only declared sizes are trusted before a
// part is inflated, and inflating never writes past the declared size.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** Limits of what a filled-in template may be; a manifesto's template is far below them. */
export const WORKBOOK_LIMITS = {
  /** Uncompressed size of one worksheet, the shared strings or the styles. */
  partBytes: 32 * 1024 * 1024,
  /** Uncompressed size of all the parts read together. */
  totalBytes: 64 * 1024 * 1024,
  /** Rows of one worksheet (the largest template sheet has about 50 × 24 + 1). */
  rows: 5_000,
  /** Worksheets in the workbook. */
  sheets: 50,
} as const;

export class WorkbookRefused extends Error {}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const KEPT_TYPES = ["worksheet", "sharedStrings", "styles"] as const;
type KeptType = (typeof KEPT_TYPES)[number];

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? "", m[2] ?? m[3] ?? "");
  }
  return out;
}

function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    out.push({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    });
  }
  return out;
}

/** A part name from a relationship target, relative to the folder of the part that refers. */
function resolve(folder: string, target: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(target);
    } catch {
      return target;
    }
  })();
  const parts = decoded.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const p of decoded.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

const typeName = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** Zip entry names, matched without case and leading slash (some tools write either). */
function entryIndex(bytes: Uint8Array): Map<string, { name: string; size: number }> {
  const index = new Map<string, { name: string; size: number }>();
  unzipSync(bytes, {
    filter: (f) => {
      index.set(f.name.replace(/^\/+/, "").toLowerCase(), { name: f.name, size: f.originalSize });
      return false;
    },
  });
  return index;
}

function readParts(bytes: Uint8Array, names: Set<string>): Map<string, string> {
  const files = unzipSync(bytes, { filter: (f) => names.has(f.name) });
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Elements of a worksheet that refer to parts the rebuilt package leaves out. */
const REFERRING_BLOCKS =
  /<((?:[\w.-]+:)?(?:hyperlinks|tableParts|oleObjects|controls))\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
const REFERRING_EMPTY =
  /<(?:[\w.-]+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture|tablePart)\b[^>]*?\/>/g;
const ROW = /<(?:[\w.-]+:)?row[\s>/]/g;

function countRows(xml: string): number {
  let n = 0;
  ROW.lastIndex = 0;
  while (ROW.exec(xml)) n++;
  return n;
}

/** Attribute text is kept as read (entities and all); only a quote could break out. */
const quoteSafe = (s: string) => s.replace(/"/g, "&quot;");

const relsXml = (rels: readonly { id: string; type: string; target: string }[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  rels
    .map(
      (r) => `<Relationship Id="${quoteSafe(r.id)}" Type="${REL}/${r.type}" Target="${r.target}"/>`,
    )
    .join("") +
  "</Relationships>";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * The workbook reduced to what the importer reads, under the part names exceljs expects.
 * Throws WorkbookRefused (a message for a person) when the file is too large to be a template,
 * or is not a workbook at all; a zip that cannot be read throws fflate's own error.
 */
export function readableWorkbook(bytes: Uint8Array): Uint8Array {
  const index = entryIndex(bytes);
  const find = (name: string) => index.get(name.toLowerCase());
  const rootRels = find("_rels/.rels");
  const rootXml = rootRels ? readParts(bytes, new Set([rootRels.name])).get(rootRels.name) : "";
  const officeDocument = relationships(rootXml ?? "").find(
    (r) => typeName(r.type) === "officeDocument",
  );
  const workbookName = officeDocument ? resolve("", officeDocument.target) : "xl/workbook.xml";
  const workbook = find(workbookName);
  const folder = workbookName.slice(0, workbookName.lastIndexOf("/") + 1);
  const workbookRels = find(`${folder}_rels/${workbookName.slice(folder.length)}.rels`);
  if (!workbook || !workbookRels) {
    throw new WorkbookRefused("ブック（workbook.xml）が見当たりません");
  }
  const head = readParts(bytes, new Set([workbook.name, workbookRels.name]));
  const kept: { id: string; type: KeptType; entry: { name: string; size: number } }[] = [];
  for (const r of relationships(head.get(workbookRels.name) ?? "")) {
    const type = typeName(r.type) as KeptType;
    if (r.external || !KEPT_TYPES.includes(type)) continue;
    const entry = find(resolve(folder, r.target));
    if (entry) kept.push({ id: r.id, type, entry });
  }
  const sheets = kept.filter((k) => k.type === "worksheet");
  if (sheets.length > WORKBOOK_LIMITS.sheets) {
    throw new WorkbookRefused(
      `シートが多すぎます（${sheets.length} 枚。様式として読めるのは ${WORKBOOK_LIMITS.sheets} 枚まで）`,
    );
  }
  let total = 0;
  for (const k of kept) {
    total += k.entry.size;
    if (k.entry.size > WORKBOOK_LIMITS.partBytes || total > WORKBOOK_LIMITS.totalBytes) {
      throw new WorkbookRefused(
        `ファイルの中身が大きすぎます（展開すると ${Math.ceil(k.entry.size / 1024 / 1024)} MB の部分があります）。マニフェストの様式はこれよりずっと小さいはずです`,
      );
    }
  }
  const contents = readParts(bytes, new Set(kept.map((k) => k.entry.name)));
  const out: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(
      relsXml([{ id: "rId1", type: "officeDocument", target: "xl/workbook.xml" }]),
    ),
    "xl/workbook.xml": strToU8(head.get(workbook.name) ?? ""),
  };
  const rels: { id: string; type: string; target: string }[] = [];
  let sheetNo = 0;
  for (const k of kept) {
    let xml = contents.get(k.entry.name) ?? "";
    let target = `${k.type}.xml`;
    if (k.type === "worksheet") {
      const rows = countRows(xml);
      if (rows > WORKBOOK_LIMITS.rows) {
        throw new WorkbookRefused(
          `行が多すぎるシートがあります（${rows.toLocaleString("ja-JP")} 行。様式として読めるのは 1 シート ${WORKBOOK_LIMITS.rows.toLocaleString("ja-JP")} 行まで）`,
        );
      }
      xml = xml.replace(REFERRING_BLOCKS, "").replace(REFERRING_EMPTY, "");
      target = `worksheets/sheet${++sheetNo}.xml`;
    }
    out[`xl/${target}`] = strToU8(xml);
    rels.push({ id: k.id, type: k.type, target });
  }
  out["xl/_rels/workbook.xml.rels"] = strToU8(relsXml(rels));
  // Stored, not deflated: it is read once, at once, by the next line of the caller.
  return zipSync(out, { level: 0 });
}
