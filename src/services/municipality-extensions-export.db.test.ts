// A municipality's second scale and own vocabularies (its settings, issue 17) in exports: a
// document relying on them without carrying them is exported with them, so that the export
// says what its score and tags mean and is accepted anywhere; a document using neither
// exports byte for byte as imported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { extensionFixture } from "../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../domain/manifesto/schema.ts";
import { validateManifesto } from "../domain/manifesto/validate.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { exportOpenDataCsv } from "./export-open-data-csv.ts";
import { importManifesto } from "./import-manifesto.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";

const SCORE = { name: "達成度", range: { min: 0, max: 10 } };
const CITY_PLAN = {
  id: "city-plan",
  name: "総合計画",
  tags: [{ id: "3-2", label: "3-2 観光・魅力発信" }],
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, extensionFixture("city"));
  await updateMunicipality(t.ctx, {
    code: "272051",
    scoreScale: SCORE,
    tagVocabularies: [
      CITY_PLAN,
      { id: "unused", name: "使わない語彙", tags: [{ id: "x", label: "X" }] },
    ],
  });
});
afterAll(async () => {
  await t.destroy();
});

const exported = (department: string) =>
  exportManifesto(t.ctx, { municipalityCode: "272051", fiscalYear: 2023, department });

describe("exports of a municipality with a second scale and its own vocabularies", () => {
  it("leave a document that uses neither byte for byte as imported", async () => {
    const doc = extensionFixture("city");
    expect(JSON.stringify(await exported(doc.department.name), null, 2)).toBe(
      JSON.stringify(doc, null, 2),
    );
  });

  it("carry the scale and the vocabularies a document uses, and are valid on their own", async () => {
    const doc: ManifestoDocument = extensionFixture("city");
    doc.department = { ...doc.department, name: "市民部" };
    const goal = doc.goals[0];
    if (!goal?.evaluation) throw new Error("the fixture's goal 1 has no evaluation");
    goal.tags = ["city-plan:3-2", "sdg:11"];
    goal.evaluation.score = 7;
    await importManifesto(t.ctx, structuredClone(doc));
    const out = await exported("市民部");
    expect(out.scoreScale).toEqual(SCORE);
    expect(out.tagVocabularies).toEqual([CITY_PLAN]);
    // Read by a Tassei that knows nothing of the municipality's settings.
    const alone = validateManifesto(out);
    expect(alone.ok ? [] : alone.problems).toEqual([]);
    // The open-data CSV names the score by the municipality's scale too.
    const { csv } = await exportOpenDataCsv(t.ctx, {
      municipalityCode: "272051",
      fiscalYear: 2023,
    });
    const rows = csv.split("\n").filter((l) => l.includes("市民部"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toContain(",達成度,7,");
  });
});
