import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { ValidationError } from "../errors.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { importManifesto } from "./import-manifesto.ts";
import { getPlanStructure, importPlanStructure } from "./import-plan-structure.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

const suita = {
  name: "達成度",
  levels: [
    { level: 3, label: "A 達成", meaning: "achieved" },
    { level: 2, label: "B 一部達成", meaning: "partial" },
    { level: 1, label: "C 未達成", meaning: "not_achieved" },
  ],
};

/** A document of municipality 272051 (Suita) with no scale of its own. */
function suitaDocument(level: number) {
  const doc = demoDocument();
  doc.municipality = { code: "272051", name: "吹田市", prefecture: "大阪府" };
  delete doc.evaluationScale;
  delete doc.documentTitle;
  delete doc.documentSubtitle;
  doc.goals = doc.goals.slice(0, 1);
  (doc.goals[0] as { evaluation: { level: number } }).evaluation.level = level;
  return doc;
}

describe("municipality settings", () => {
  it("needs a name to create a municipality, and names the field", async () => {
    const error = await updateMunicipality(t.ctx, { code: "272051" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { path: "name", message: "is required to create a municipality" },
    ]);
  });

  it("refuses a scale with duplicate levels or an unknown meaning", async () => {
    const bad = {
      name: "x",
      levels: [
        { level: 1, label: "a", meaning: "achieved" },
        { level: 1, label: "b", meaning: "great" },
      ],
    };
    const error = await updateMunicipality(t.ctx, {
      code: "272051",
      name: "吹田市",
      evaluationScale: bad,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).problems.map((p) => p.path);
    expect(paths).toContain("evaluationScale.levels[1].meaning");
    expect(await t.ctx.db.selectFrom("municipalities").selectAll().execute()).toEqual([]);
  });

  it("applies the municipality's scale, title and subtitle to documents that have none", async () => {
    await updateMunicipality(t.ctx, {
      code: "272051",
      name: "吹田市",
      documentTitle: "部長マニフェスト",
      documentSubtitle: "",
      evaluationScale: suita,
    });
    // level 5 is on the default scale but not on Suita's
    const refused = await importManifesto(t.ctx, suitaDocument(5)).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems[0]?.path).toBe("goals[0].evaluation.level");
    await importManifesto(t.ctx, suitaDocument(2));
    const exported = await exportManifesto(t.ctx, {
      municipalityCode: "272051",
      fiscalYear: 2023,
      department: "総務部",
    });
    expect(exported.evaluationScale).toEqual(suita);
    expect(exported.documentTitle).toBe("部長マニフェスト");
    expect(exported.documentSubtitle).toBe("");
    expect(exported.goals[0]?.evaluation?.level).toBe(2);
  });
});

describe("plan structure", () => {
  it("imports from CSV and JSON, replacing the previous one", async () => {
    await importManifesto(t.ctx, demoDocument());
    const csv =
      "\uFEFFcode,title,parent\r\n7-1,市民参画,\r\n7-1-①,広聴広報の充実,7-1\r\n7-1-②,情報発信,7-1\r\n";
    expect(
      await importPlanStructure(t.ctx, { municipalityCode: "242161", content: csv, format: "csv" }),
    ).toEqual({ items: 3 });
    expect(await getPlanStructure(t.ctx, "242161")).toEqual([
      { code: "7-1", title: "市民参画" },
      { code: "7-1-①", title: "広聴広報の充実", parent: "7-1" },
      { code: "7-1-②", title: "情報発信", parent: "7-1" },
    ]);
    const json = JSON.stringify({ items: [{ code: "7-3-①", title: "人材育成" }] });
    await importPlanStructure(t.ctx, { municipalityCode: "242161", content: json, format: "json" });
    expect(await getPlanStructure(t.ctx, "242161")).toEqual([{ code: "7-3-①", title: "人材育成" }]);
  });

  it("refuses a broken plan file with the line and column, keeping the old plan", async () => {
    const csv = "code,title\n7-1-①,\n";
    const error = await importPlanStructure(t.ctx, {
      municipalityCode: "242161",
      content: csv,
      format: "csv",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]?.path).toContain("line 2");
    expect(await getPlanStructure(t.ctx, "242161")).toEqual([{ code: "7-3-①", title: "人材育成" }]);
  });

  it("is refused for a municipality that does not exist", async () => {
    const error = await importPlanStructure(t.ctx, {
      municipalityCode: "011002",
      content: "[]",
      format: "json",
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "not_found" });
  });
});
