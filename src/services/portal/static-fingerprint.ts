// What decides whether an exported file changed. The portal renders a PDF or a workbook anew
// on each request, and each carries the moment it was made (the PDF's creation date and file
// identifier, the workbook's created/modified dates and its zip entries' times): compared
// byte for byte, every export would carry every download across again. The fingerprint
// leaves those moments out, and nothing else.
import crypto from "node:crypto";
import { strFromU8, unzipSync } from "fflate";

const PDF_MOMENTS: [RegExp, string][] = [
  [/\(D:\d{14}(?:Z|[+-]\d{2}'?\d{2}'?)?\)/g, "(D:)"],
  [/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*<\/xmp:\1>/g, "<xmp:$1/>"],
  [/\/ID \[<[0-9a-fA-F]+> <[0-9a-fA-F]+>\]/g, "/ID []"],
];

const CORE_MOMENTS = /<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g;

function hashOf(parts: (string | Uint8Array)[]): string {
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

function workbookFingerprint(bytes: Buffer): string {
  const entries = unzipSync(bytes);
  const parts: (string | Uint8Array)[] = [];
  for (const name of Object.keys(entries).sort()) {
    const content = entries[name] ?? new Uint8Array();
    parts.push(
      `\0${name}\0`,
      name === "docProps/core.xml" ? strFromU8(content).replace(CORE_MOMENTS, "") : content,
    );
  }
  return hashOf(parts);
}

export function staticFileFingerprint(file: string, body: Buffer): string {
  if (file.endsWith(".pdf")) {
    // latin1 maps each byte to one character and back, so binary streams pass through.
    let text = body.toString("latin1");
    for (const [pattern, replacement] of PDF_MOMENTS) text = text.replace(pattern, replacement);
    return hashOf([Buffer.from(text, "latin1")]);
  }
  if (file.endsWith(".xlsx")) {
    try {
      return workbookFingerprint(body);
    } catch {
      // Not a zip after all: compare the bytes.
    }
  }
  return hashOf([body]);
}
