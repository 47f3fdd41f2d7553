// The PDFs are tagged: poppler reads a structure tree in reading order, with the title as H1,
// each goal's number as H2, the goal table as a Table whose first row holds TH cells with a
// column scope, the department's fields as rows with a TH label, the legend as a list; the
// page numbers, borders, the ▼ and the repeated column header are artifacts, outside it.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { renderBookletPdf, renderManifestoPdf } from "./index.ts";
import { expectInOrder, loadDemo, writePdf } from "./test-support.ts";

function structure(path: string): string {
  return execFileSync("pdfinfo", ["-struct-text", path], { encoding: "utf8" });
}

/** The demo's first goal with a means list long enough to go over two page breaks. */
function oneLongGoal(): ManifestoDocument {
  const doc = loadDemo();
  const goal = doc.goals[0];
  if (!goal) throw new Error("the demo changed");
  goal.means = Array.from(
    { length: 60 },
    (_, i) => `手段その${i + 1}を着実に実施し、進捗を確認する。`,
  );
  doc.goals = [goal];
  return doc;
}

describe("tagged PDF", () => {
  it("has the heading, the header table, the legend and the goal table in reading order", async () => {
    const path = writePdf(await renderManifestoPdf(loadDemo()), "tagged.pdf");
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const tree = structure(path);
    expectInOrder(tree, [
      "Document",
      "H1",
      '"2023（令和5）年度 部局マニフェスト"',
      '"～私たちの組織使命と目標～"',
      "Table",
      "TH:",
      "/Scope /Row",
      '"部局名"',
      "TD",
      '"総務部"',
      "Caption",
      '"業績目標の達成状況"',
      "LBody",
      '"5．先進的な取り組みを行い、成果があった"',
      "Table",
      "/Scope /Column",
      '"組織使命"',
      '"理由"',
      "TD",
      "H2",
      '"◎部局目標１"',
      '"伝わる広報と市民の市政参画の促進"',
      "H2",
      '"◎部局目標２"',
    ]);
    // Six header cells, once; furniture is not read.
    expect(tree.match(/\/Scope \/Column/gu)).toHaveLength(6);
    expect(tree).not.toContain("▼");
    expect(tree).not.toMatch(/\d+ \/ \d+/u);
  });

  it("keeps a goal split over pages as one row, without the repeated header or （続き）", async () => {
    const path = writePdf(await renderManifestoPdf(oneLongGoal()), "tagged-long.pdf");
    const pages = Number(
      /^Pages:\s+(\d+)$/mu.exec(execFileSync("pdfinfo", [path], { encoding: "utf8" }))?.[1],
    );
    expect(pages).toBeGreaterThanOrEqual(3);
    const tree = structure(path);
    expect(tree.match(/\/Scope \/Column/gu)).toHaveLength(6);
    expect(tree).not.toContain("（続き）");
    // Header row, then the single goal row.
    expect(tree.match(/^ {4}TR$/gmu)).toHaveLength(2 + 4);
    expectInOrder(tree, ["・手段その1を", "・手段その30を", "・手段その60を"]);
  });

  it("tags the booklet: cover title, contents, one section per department", async () => {
    const docs = [loadDemo(), loadDemo()];
    const path = writePdf(
      await renderBookletPdf(docs, { municipalityName: "伊賀市", fiscalYear: 2023 }),
      "tagged-booklet.pdf",
    );
    const tree = structure(path);
    expectInOrder(tree, [
      "H1",
      '"部局マニフェスト"',
      "TOC",
      "TOCI",
      '"総務部',
      "Sect",
      "H1",
      "Sect",
    ]);
    expect(tree).not.toMatch(/\d+ \/ \d+/u);
  });
});
