// exceljs hands each part's XML to JSZip as a string, and JSZip encodes strings to UTF-8 in
// blocks of 16,384 UTF-16 units: a character outside the BMP (𠮷, 😀) whose surrogate pair
// straddles a block edge is written as two U+FFFD, silently. Which character is hit depends on
// where it falls in the part, so any export could lose one. Giving JSZip the UTF-8 bytes
// instead (what exceljs itself does in browsers) encodes each part whole.
import JSZip from "jszip";

type FileMethod = (this: JSZip, name: unknown, data?: unknown, options?: unknown) => unknown;

const PATCHED = Symbol.for("tassei.jszip-utf8");
const proto = JSZip.prototype as unknown as Record<string | symbol, unknown> & { file: FileMethod };

if (!proto[PATCHED]) {
  const original = proto.file;
  proto.file = function file(this: JSZip, ...args: unknown[]) {
    const [name, data, options] = args;
    const opts = (options ?? {}) as { base64?: boolean; binary?: boolean };
    if (typeof data === "string" && !opts.base64 && !opts.binary) {
      return original.call(this, name, Buffer.from(data, "utf8"), options);
    }
    // Called as a getter (one argument) or with bytes: as it was.
    return original.apply(this, args as Parameters<FileMethod>);
  };
  proto[PATCHED] = true;
}
