// Characters none of the embedded fonts can draw (fonts.ts: Noto Sans JP, then its fallbacks). Nothing is substituted silently: either the
// render fails with every such character and where it is, or (when the caller asks for a
// PDF anyway) each is drawn as the geta mark 〓, the customary sign in Japanese print for a
// character that could not be set, and listed in the result.
import { ValidationError } from "../../errors.ts";

/** The geta mark, drawn in place of a character the font lacks. */
export const GETA = "〓";

export type MissingGlyphPolicy = "error" | "substitute";

export interface MissingGlyph {
  /** The character as written (an emoji, a rare ideograph outside the font …). */
  character: string;
  codePoint: string; // "U+1F600"
  /** JSON path of the field in the manifesto, e.g. `goals[0].evaluation.reason`. */
  path: string;
  /** The department, so that a booklet's report says whose document it is. */
  department: string;
}

export type HasGlyph = (codePoint: number) => boolean;
/** Whether the font that draws `base` has its own form for base + variation selector. */
export type HasVariation = (base: number, selector: number) => boolean;

/** Ideographic (U+E0100–E01EF) and standard (U+FE00–FE0F) variation selectors. */
function isSelector(codePoint: number): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** Code points that draw nothing and need no glyph: line breaks and tabs are layout. */
function needsNoGlyph(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x09;
}

function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Collects missing characters while the document's printed text is gathered, and gives back
 * each text ready to draw (with 〓 in place of missing characters).
 */
export class GlyphChecker {
  readonly missing: MissingGlyph[] = [];

  constructor(
    private readonly hasGlyph: HasGlyph,
    private readonly department: string,
    private readonly hasVariation: HasVariation = () => false,
  ) {}

  /**
   * The text to draw for the field at `path`. A variation selector (葛󠄀 = 葛 + U+E0100) is
   * kept where the font has that form, else dropped so that the base character is drawn.
   */
  printable(text: string, path: string): string {
    let out = "";
    let changed = false;
    let base: number | undefined;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (isSelector(cp)) {
        if (base !== undefined && this.hasVariation(base, cp)) out += ch;
        else changed = true;
        base = undefined;
        continue;
      }
      base = cp;
      if (needsNoGlyph(cp) || this.hasGlyph(cp)) {
        out += ch;
        continue;
      }
      changed = true;
      base = undefined;
      out += GETA;
      this.missing.push({
        character: ch,
        codePoint: formatCodePoint(cp),
        path,
        department: this.department,
      });
    }
    return changed ? out : text;
  }
}

/** The error a render with policy "error" fails with: one problem per missing character. */
export function missingGlyphsError(missing: readonly MissingGlyph[]): ValidationError {
  const chars = [...new Set(missing.map((m) => `${m.character}（${m.codePoint}）`))];
  return new ValidationError(
    `PDFのフォントにない文字があります: ${chars.join("、")}。別の文字に置き換えてください。`,
    missing.map((m) => ({
      path: m.path,
      message: `${m.department}: 「${m.character}」（${m.codePoint}）はPDFのフォントにないため印刷できません`,
    })),
  );
}
