// A municipality's second scale is printed in the legend of its PDFs from the plan on: before
// any goal has a score, a plan-phase document carries no scale of its own (the export adds it
// only once one is used), and the legend came from the document alone (issue 17's leftover).
// The official PDF and the booklet, read back with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { extensionFixture } from "../../test/support/fixtures.ts";
import { pdfText, squeeze, writePdf } from "../reports/pdf/test-support.ts";
import { buildBooklet } from "./build-booklet.ts";
import { exportManifestoPdf } from "./export-manifesto-pdf.ts";
import { importManifesto } from "./import-manifesto.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";

const plan = extensionFixture("prefecture");
const { scoreScale, ...planWithoutScale } = plan;
for (const goal of planWithoutScale.goals) delete goal.evaluation;
const code = plan.municipality.code;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, planWithoutScale);
});
afterAll(async () => {
  await t.destroy();
});

/** The PDF's text, white space removed; the file stays in .test-artifacts/pdf for a person. */
const textOf = (pdf: Buffer) => squeeze(pdfText(writePdf(pdf, "score-legend-setting.pdf")));

const selector = { municipalityCode: code, fiscalYear: plan.fiscalYear, department: "環境生活部" };

describe("the second scale's legend of a plan", () => {
  it("is printed once the municipality has a second scale, in the PDF and the booklet", async () => {
    expect(scoreScale?.name).toBe("達成度");
    expect(textOf(await exportManifestoPdf(t.ctx, selector))).not.toContain("第二の評価");

    await updateMunicipality(t.ctx, { code, scoreScale });
    expect(textOf(await exportManifestoPdf(t.ctx, selector))).toContain("第二の評価：達成度");
    const booklet = await buildBooklet(t.ctx, {
      municipalityCode: code,
      fiscalYear: plan.fiscalYear,
      includeUnpublished: true,
    });
    expect(textOf(booklet.pdf)).toContain("第二の評価：達成度");
  });
});
