// The municipality setting that chooses which fields its official PDF prints (migration
// 0015): set once, every PDF of its documents follows it; an invalid one is refused with
// the field named; without one, the seed's six-column table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { extensionFixture } from "../../test/support/fixtures.ts";
import { ValidationError } from "../errors.ts";
import { pdfText, squeeze, writePdf } from "../reports/pdf/test-support.ts";
import { exportManifestoPdf } from "./export-manifesto-pdf.ts";
import { importManifesto } from "./import-manifesto.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, extensionFixture("prefecture"));
});
afterAll(async () => {
  await t.destroy();
});

/** The PDF's text, white space removed; the file stays in .test-artifacts/pdf for a person. */
const textOf = (pdf: Buffer) => squeeze(pdfText(writePdf(pdf, "pdf-layout-setting.pdf")));

const selector = { municipalityCode: "240001", fiscalYear: 2024, department: "環境生活部" };

describe("the print layout setting", () => {
  it("prints the seed's table until a layout is chosen, then the 工程表", async () => {
    const before = textOf(await exportManifestoPdf(t.ctx, selector));
    expect(before).toContain("組織使命達成に向けての目標");
    expect(before).not.toContain("廃棄物・リサイクル課");

    const { municipality: m } = await updateMunicipality(t.ctx, {
      code: "240001",
      pdfLayout: { preset: "koteihyo" },
    });
    expect(m.pdfLayout).toEqual({ preset: "koteihyo" });
    const after = textOf(await exportManifestoPdf(t.ctx, selector));
    expect(after).not.toContain("組織使命達成に向けての目標");
    expect(after).toContain("廃棄物・リサイクル課");
    expect(after).toContain("今年度の目標・指標");
    expect(after).toContain("達成度6");

    await updateMunicipality(t.ctx, { code: "240001", pdfLayout: null });
    expect(textOf(await exportManifestoPdf(t.ctx, selector))).toContain(
      "組織使命達成に向けての目標",
    );
  });

  it("refuses a layout naming a field that does not exist, and keeps the one before", async () => {
    await updateMunicipality(t.ctx, { code: "240001", pdfLayout: { preset: "results-table" } });
    const error = await updateMunicipality(t.ctx, {
      code: "240001",
      pdfLayout: { columns: [{ title: "目標", width: 1, fields: ["title", "salary"] }] },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)[0]).toMatch(/^pdfLayout/);
    const text = textOf(await exportManifestoPdf(t.ctx, selector));
    expect(text).toContain("成果");
    expect(text).not.toContain("今年度の目標・指標");
  });
});
