// Measuring text with the embedded font, and turning text blocks into positioned lines.
// Widths are summed per character from a cache: laying out a booklet measures hundreds of
// thousands of characters, and asking pdfkit for each string's width would shape it anew.

import type { TextBlock } from "./content.ts";
import { FONT, type FontName, fontFor, isVariationSelector } from "./fonts.ts";
import { breakIntoLines } from "./kinsoku.ts";

/** One line ready to draw, positioned relative to the top-left of its cell's text area. */
export interface PlacedLine {
  text: string;
  font: FontName;
  size: number;
  x: number;
  top: number; // top of the line box
  height: number; // line pitch
  /** Index of the text block the line belongs to (tagging: one element per block). */
  block?: number;
}

/** Body size and line pitch of the table, in points. */
export interface TypeScale {
  bodySize: number;
  lineFactor: number; // line pitch = size × lineFactor
}

// Latin kerning and ligatures can make a shaped string a little narrower or wider than the
// sum of its characters; this keeps every line inside its cell either way.
const WIDTH_SLACK = 0.75;

export class TextMeasurer {
  private readonly unitWidths = new Map<FontName, Map<string, number>>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** Width at `size` points: the sum of the characters' advance widths. */
  width(text: string, font: FontName, size: number): number {
    let cache = this.unitWidths.get(font);
    if (!cache) {
      cache = new Map();
      this.unitWidths.set(font, cache);
    }
    let total = 0;
    let selected: FontName | null = null;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        const cp = ch.codePointAt(0) as number;
        // A variation selector changes the glyph of its base, not the advance.
        const drawnWith = isVariationSelector(cp) ? null : (fontFor(font, cp) ?? font);
        if (drawnWith === null) w = 0;
        else {
          if (selected !== drawnWith) {
            this.pdf.font(drawnWith).fontSize(1000);
            selected = drawnWith;
          }
          w = this.pdf.widthOfString(ch) / 1000;
        }
        cache.set(ch, w);
      }
      total += w;
    }
    return total * size;
  }

  /** Lines of `text` within `maxWidth`, with Japanese line breaking. */
  lines(text: string, font: FontName, size: number, maxWidth: number): string[] {
    return breakIntoLines(text, maxWidth - WIDTH_SLACK, (s) => this.width(s, font, size));
  }

  /** Blocks stacked top to bottom in a text area `width` wide. */
  placeBlocks(blocks: readonly TextBlock[], width: number, type: TypeScale): PlacedLine[] {
    const placed: PlacedLine[] = [];
    let top = 0;
    for (const [index, block] of blocks.entries()) {
      const size = type.bodySize * (block.scale ?? 1);
      const font = block.bold ? FONT.bold : FONT.regular;
      const pitch = size * type.lineFactor;
      top += (block.gapBefore ?? 0) * type.bodySize * type.lineFactor;
      for (const text of this.lines(block.text, font, size, width)) {
        const x =
          block.align === "center" ? Math.max(0, (width - this.width(text, font, size)) / 2) : 0;
        placed.push({ text, font, size, x, top, height: pitch, block: index });
        top += pitch;
      }
    }
    return placed;
  }
}

/** Height taken by placed lines (0 when there are none). */
export function placedHeight(lines: readonly PlacedLine[]): number {
  const last = lines[lines.length - 1];
  return last ? last.top + last.height : 0;
}
