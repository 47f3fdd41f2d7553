// The second scale's legend (issue 17): a document with a scoreScale prints it beside the
// level legend — right below it, in the legend column — in every layout; a document without
// one prints none. Read back with poppler's pdftotext.
import { describe, expect, it } from "vitest";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { renderManifestoPdf } from "./index.ts";
import { expectInOrder, pdfText, squeeze, writePdf } from "./test-support.ts";

async function firstPageText(
  doc: ReturnType<typeof extensionFixture>,
  name: string,
  layout?: "koteihyo",
) {
  const pdf = await renderManifestoPdf(doc, layout ? { layout: { preset: layout } } : {});
  return squeeze(pdfText(writePdf(pdf, name), { first: 1, last: 1 }));
}

describe("the second scale's legend", () => {
  it("follows the level legend with the range, in the seed's layout and the 工程表", async () => {
    for (const layout of [undefined, "koteihyo"] as const) {
      const text = await firstPageText(
        extensionFixture("prefecture"),
        `score-legend-${layout ?? "manifesto"}.pdf`,
        layout,
      );
      expectInOrder(text, [
        "進捗状況",
        "◎順調に進んだ",
        "×遅れている",
        "第二の評価：達成度",
        "0〜10の数値（刻み1）",
      ]);
    }
  });

  it("lists a scale of levels best first", async () => {
    const doc = extensionFixture("prefecture");
    doc.scoreScale = {
      name: "成果の評価",
      levels: [
        { level: 1, label: "C 成果なし" },
        { level: 3, label: "A 十分な成果" },
        { level: 2, label: "B 一部の成果" },
      ],
    };
    for (const goal of doc.goals) if (goal.evaluation) goal.evaluation.score = 2;
    const text = await firstPageText(doc, "score-legend-levels.pdf");
    expectInOrder(text, [
      "第二の評価：成果の評価",
      "3．A十分な成果",
      "2．B一部の成果",
      "1．C成果なし",
    ]);
  });

  it("is not printed for a document without a second scale", async () => {
    const text = await firstPageText(extensionFixture("city"), "score-legend-none.pdf");
    expect(text).toContain("達成状況");
    expect(text).not.toContain("第二の評価");
  });
});
