// No page holds only the document's heading: a goal that fits on a page, but not below the
// heading block, starts below the heading and goes on over the page break (one goal with 10
// targets used to leave page 1 empty). The same in the booklet.
import { describe, expect, it } from "vitest";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { renderBookletPdf, renderManifestoPdf } from "./index.ts";
import { loadDemo, pdfInfo, pdfText, squeeze, writePdf } from "./test-support.ts";

/** The demo's first goal alone, with ten targets. */
function oneGoalTenTargets(): ManifestoDocument {
  const doc = loadDemo();
  const goal = doc.goals[0];
  if (!goal?.targets?.[0]) throw new Error("the demo changed");
  const target = goal.targets[0];
  goal.targets = Array.from({ length: 10 }, (_, i) => ({
    ...target,
    label: String.fromCodePoint(0x2460 + i),
    text: `${target.text}（その${i + 1}）`,
  }));
  doc.goals = [goal];
  return doc;
}

/** Every page's text holds something of a goal's row, not only the heading and column header. */
function expectNoHeaderOnlyPage(path: string, from = 1): number {
  const { pages } = pdfInfo(path);
  for (let page = from; page <= pages; page++) {
    const text = squeeze(pdfText(path, { first: page, last: page }));
    expect(text, `page ${page}`).toMatch(/◎部局目標１|その\d+|市政出前講座/u);
  }
  return pages;
}

describe("page breaks", () => {
  it("starts one goal with ten targets on page 1 under the heading", async () => {
    const path = writePdf(await renderManifestoPdf(oneGoalTenTargets()), "ten-targets.pdf");
    const pages = expectNoHeaderOnlyPage(path);
    expect(pages).toBe(2);
    expect(squeeze(pdfText(path, { first: 1, last: 1 }))).toContain("◎部局目標１");
  });

  it("does the same in the booklet", async () => {
    const path = writePdf(
      await renderBookletPdf([oneGoalTenTargets()], {
        municipalityName: "伊賀市",
        fiscalYear: 2023,
      }),
      "ten-targets-booklet.pdf",
    );
    // After the cover and the table of contents.
    expect(expectNoHeaderOnlyPage(path, 3)).toBe(4);
  });
});
