// The Japanese fonts of the official document: Noto Sans JP (Regular and Bold), a full
// TrueType font from npm, embedded by pdfkit as a subset of the glyphs actually used.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const FONT = { regular: "jp-regular", bold: "jp-bold" } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  [FONT.bold]: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
};

const require = createRequire(import.meta.url);
const fontBytes = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process (5 MB each; every PDF embeds a subset). */
export function fontData(name: FontName): Buffer {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[name]));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

/** The part of pdfkit's (untyped) embedded-font object that we read. */
export interface EmbeddedFontInfo {
  ascender: number; // in 1/1000 em
  descender: number;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}

/** Registers both weights on a pdfkit document and selects the regular one. */
export function registerJapaneseFonts(pdf: PDFKit.PDFDocument): void {
  pdf.registerFont(FONT.regular, fontData(FONT.regular));
  pdf.registerFont(FONT.bold, fontData(FONT.bold));
  pdf.font(FONT.regular);
}

/**
 * The current font's metrics and glyph table. pdfkit keeps them on `_font`, which its type
 * declarations do not describe; this is the one place that reaches in.
 */
export function currentFontInfo(pdf: PDFKit.PDFDocument): EmbeddedFontInfo {
  return (pdf as unknown as { _font: EmbeddedFontInfo })._font;
}
