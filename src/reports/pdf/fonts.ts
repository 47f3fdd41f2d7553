// The Japanese fonts of the official document: Noto Sans JP (Regular and Bold), a full
// TrueType font from npm, embedded by pdfkit as a subset of the glyphs actually used.
//
// Noto Sans JP as Google Fonts ships it lacks a few characters municipal documents use (≒,
// the Latin letters and symbols of JIS X 0213 …). Each character is drawn with the first font
// of a chain that has it: Noto Sans JP, then BIZ UDPGothic (all of JIS X 0213 but ⦅⦆), then
// Noto Sans Math. All three come from npm and are embedded only as far as they are used.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const FONT = {
  regular: "jp-regular",
  bold: "jp-bold",
  fallbackRegular: "jp-fallback-regular",
  fallbackBold: "jp-fallback-bold",
  symbols: "symbols",
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  [FONT.bold]: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
  [FONT.fallbackRegular]: "@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf",
  [FONT.fallbackBold]: "@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf",
  [FONT.symbols]: "@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff",
};

/** Where a character missing from a font is looked for next, in order. */
const CHAIN: Record<FontName, readonly FontName[]> = {
  [FONT.regular]: [FONT.regular, FONT.fallbackRegular, FONT.symbols],
  [FONT.bold]: [FONT.bold, FONT.fallbackBold, FONT.symbols],
  [FONT.fallbackRegular]: [FONT.fallbackRegular, FONT.symbols],
  [FONT.fallbackBold]: [FONT.fallbackBold, FONT.symbols],
  [FONT.symbols]: [FONT.symbols],
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

/** Registers every font of the chains on a pdfkit document and selects the regular one. */
export function registerJapaneseFonts(pdf: PDFKit.PDFDocument): void {
  for (const name of Object.values(FONT)) pdf.registerFont(name, fontData(name));
  pdf.font(FONT.regular);
}

/**
 * The current font's metrics and glyph table. pdfkit keeps them on `_font`, which its type
 * declarations do not describe; this is the one place that reaches in.
 */
export function currentFontInfo(pdf: PDFKit.PDFDocument): EmbeddedFontInfo {
  return (pdf as unknown as { _font: EmbeddedFontInfo })._font;
}

// ---- Which font draws which character -----------------------------------------------------

/** The parts of a fontkit font (untyped here) that the chain reads. */
interface GlyphTable {
  hasGlyphForCodePoint(codePoint: number): boolean;
  _cmapProcessor: {
    uvs: null | {
      varSelectors: {
        toArray(): {
          varSelector: number;
          defaultUVS?: { startUnicodeValue: number; additionalCount: number }[] | null;
          nonDefaultUVS?: { unicodeValue: number }[] | null;
        }[];
      };
    };
  };
}

const tables = new Map<FontName, GlyphTable>();
function glyphTable(name: FontName): GlyphTable {
  let table = tables.get(name);
  if (!table) {
    // fontkit is pdfkit's own font reader; it ships no type declarations.
    const fontkit = require("fontkit") as { create(bytes: Buffer): GlyphTable };
    table = fontkit.create(fontData(name));
    tables.set(name, table);
  }
  return table;
}

const chosen = new Map<FontName, Map<number, FontName | null>>();

/** The font of `font`'s chain that draws `codePoint`, or null when none has it. */
export function fontFor(font: FontName, codePoint: number): FontName | null {
  let cache = chosen.get(font);
  if (!cache) {
    cache = new Map();
    chosen.set(font, cache);
  }
  let pick = cache.get(codePoint);
  if (pick === undefined) {
    pick = CHAIN[font].find((f) => glyphTable(f).hasGlyphForCodePoint(codePoint)) ?? null;
    cache.set(codePoint, pick);
  }
  return pick;
}

/** Ideographic (U+E0100–E01EF) and standard (U+FE00–FE0F) variation selectors. */
export function isVariationSelector(codePoint: number): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** Whether `font` has its own form for the sequence base + selector (cmap format 14). */
export function hasVariation(font: FontName, base: number, selector: number): boolean {
  const uvs = glyphTable(font)._cmapProcessor.uvs;
  const entry = uvs?.varSelectors.toArray().find((s) => s.varSelector === selector);
  if (!entry) return false;
  return (
    (entry.defaultUVS ?? []).some(
      (r) => base >= r.startUnicodeValue && base <= r.startUnicodeValue + r.additionalCount,
    ) || (entry.nonDefaultUVS ?? []).some((r) => r.unicodeValue === base)
  );
}

/**
 * `text` cut into runs that one font draws each. A variation selector stays with its base
 * character. Characters no font has stay in the first font's run (the glyph checker has
 * already replaced them before text gets here).
 */
export function fontRuns(text: string, font: FontName): { text: string; font: FontName }[] {
  const runs: { text: string; font: FontName }[] = [];
  let current: { text: string; font: FontName } | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const f = current && isVariationSelector(cp) ? current.font : (fontFor(font, cp) ?? font);
    if (current && current.font === f) current.text += ch;
    else {
      current = { text: ch, font: f };
      runs.push(current);
    }
  }
  return runs;
}
