// Characters the embedded font cannot draw. Nothing is substituted silently: either the
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
  ) {}

  /** The text to draw for the field at `path`. */
  printable(text: string, path: string): string {
    let out = "";
    let changed = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (needsNoGlyph(cp) || this.hasGlyph(cp)) {
        out += ch;
        continue;
      }
      changed = true;
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
