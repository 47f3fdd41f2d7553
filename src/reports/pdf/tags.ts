// The PDF's logical structure (tagged PDF): what each piece of drawn content is — heading,
// paragraph, table cell — in reading order, and what is page furniture (borders, repeated
// column headers, page numbers) marked as an artifact that assistive technology skips.
// The structure tree's order is the order elements are added, not the order of drawing:
// an element may be created first and filled with content later (the legend is drawn
// before the title, but is read after it).
import type { PlacedLine } from "./measure.ts";

export type Struct = PDFKit.PDFStructureElement;

/** A new element of `type` appended to `parent`; fill it with `fill` (drawing closures). */
export function child(
  pdf: PDFKit.PDFDocument,
  parent: Struct,
  type: string,
  options: { scope?: "Row" | "Column"; title?: string } = {},
): Struct {
  const element = pdf.struct(type, options as Parameters<PDFKit.PDFDocument["struct"]>[1]);
  parent.add(element);
  return element;
}

/** Draws `draw` as content of `element` (which must already be in the tree). */
export function fill(element: Struct, draw: () => void): void {
  element.add(draw);
}

/** Draws `draw` as an artifact: borders and fills, repeated headers, page numbers. */
export function artifact(
  pdf: PDFKit.PDFDocument,
  draw: () => void,
  type: "Layout" | "Pagination" = "Layout",
): void {
  pdf.markContent("Artifact", { type });
  draw();
  pdf.endMarkedContent();
}

/**
 * What a block of a cell is: a paragraph (P), the goal number as the goal's heading (H2), the
 * ▼ as decoration, or, in a cell of one paragraph, the cell's own content ("Cell": every
 * element costs about 100 uncompressed bytes, and a booklet has thousands).
 */
export type BlockRole = "Cell" | "P" | "H2" | "Artifact";

/**
 * The content of one table cell, which may be drawn in several fragments over page breaks:
 * each paragraph is one element, continued on the next page by the same element.
 */
export class CellTags {
  private readonly blocks = new Map<number, Struct>();

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    readonly cell: Struct,
    private readonly roleOf: (block: number) => BlockRole = () => "Cell",
  ) {}

  draw(lines: readonly PlacedLine[], drawGroup: (lines: readonly PlacedLine[]) => void): void {
    let from = 0;
    while (from < lines.length) {
      const block = lines[from]?.block ?? 0;
      const role = this.roleOf(block);
      // Consecutive blocks of the cell's own text are one run of content.
      const sameRun = (line: PlacedLine | undefined) =>
        role === "Cell" ? this.roleOf(line?.block ?? 0) === "Cell" : (line?.block ?? 0) === block;
      let to = from + 1;
      while (to < lines.length && sameRun(lines[to])) to++;
      const group = lines.slice(from, to);
      if (role === "Artifact") artifact(this.pdf, () => drawGroup(group));
      else if (role === "Cell") fill(this.cell, () => drawGroup(group));
      else {
        let element = this.blocks.get(block);
        if (!element) {
          element = child(this.pdf, this.cell, role);
          this.blocks.set(block, element);
        }
        fill(element, () => drawGroup(group));
      }
      from = to;
    }
  }
}
