import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { listRevisions } from "../db/repositories/manifestos.ts";
import { ValidationError } from "../errors.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { importManifesto } from "./import-manifesto.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

async function tableCounts() {
  const tables = [
    "municipalities",
    "departments",
    "manifestos",
    "manifesto_revisions",
    "goals",
    "targets",
    "indicators",
    "audit_events",
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const demoSelector = { municipalityCode: "242161", fiscalYear: 2023, department: "総務部" };

describe("import and export of the demo manifesto", () => {
  it("gives back exactly the imported document", async () => {
    const result = await importManifesto(t.ctx, demoDocument());
    expect(result).toMatchObject({ created: true, revision: 1, fiscalYear: 2023 });
    const exported = await exportManifesto(t.ctx, demoSelector);
    expect(exported).toStrictEqual(demoDocument());
    expect(JSON.stringify(exported)).toBe(JSON.stringify(demoDocument()));
  });

  it("finds the department by its NFKC-equal name", async () => {
    const exported = await exportManifesto(t.ctx, { ...demoSelector, department: " 総務部 " });
    expect(exported.department.name).toBe("総務部");
  });

  it("replaces the content on a second import, keeping the old revision", async () => {
    const changed = demoDocument();
    changed.goals[0]!.title = "伝わる広報と市民の市政参画の促進（改訂）";
    const before = await tableCounts();
    const result = await importManifesto(t.ctx, changed, { note: "title corrected" });
    expect(result).toMatchObject({ created: false, revision: 2 });
    const after = await tableCounts();
    expect(after.manifestos).toBe(before.manifestos);
    expect(after.goals).toBe(before.goals);
    expect(after.manifesto_revisions).toBe(before.manifesto_revisions! + 1);
    expect(after.audit_events).toBe(before.audit_events! + 1);
    const exported = await exportManifesto(t.ctx, demoSelector);
    expect(exported.goals[0]!.title).toBe("伝わる広報と市民の市政参画の促進（改訂）");
    const revisions = await listRevisions(t.ctx.db, result.manifestoId);
    expect(revisions.map((r) => [r.revision, r.note])).toEqual([
      [1, null],
      [2, "title corrected"],
    ]);
  });

  it("refuses a broken document whole and writes nothing", async () => {
    const before = await tableCounts();
    const broken = demoDocument();
    broken.fiscalYear = 2024; // would be a new manifesto
    (broken.goals[1] as { number: number }).number = 1;
    (broken.goals[2] as { targets: { measure: { comparator: string } }[] })
      .targets[0]!.measure.comparator = "≧";
    const error = await importManifesto(t.ctx, broken).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["goals[1].number", "goals[2].targets[0].measure.comparator"]),
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("adds the municipality's defaults to a document that has none", async () => {
    const bare = demoDocument();
    delete bare.evaluationScale;
    delete bare.documentTitle;
    delete bare.documentSubtitle;
    bare.fiscalYear = 2022;
    await importManifesto(t.ctx, bare);
    const exported = await exportManifesto(t.ctx, { ...demoSelector, fiscalYear: 2022 });
    expect(exported.evaluationScale?.levels.map((l) => l.meaning)).toEqual([
      "advanced",
      "exceeded",
      "achieved",
      "not_achieved",
      "not_attempted",
    ]);
    expect(exported.documentTitle).toBeUndefined();
    const { evaluationScale: _scale, ...rest } = exported;
    expect(rest).toStrictEqual(bare);
  });
});

describe("importing over a published manifesto", () => {
  it("is refused unless the import publishes the correction, which keeps the old revision", async () => {
    const doc = demoDocument();
    doc.fiscalYear = 2021;
    await importManifesto(t.ctx, doc, { published: true });
    const before = await tableCounts();
    const draft = demoDocument();
    draft.fiscalYear = 2021;
    draft.goals[0]!.title = "下書きの変更";
    await expect(importManifesto(t.ctx, draft)).rejects.toMatchObject({ code: "conflict" });
    expect(await tableCounts()).toEqual(before);
    const corrected = await importManifesto(t.ctx, draft, { published: true, note: "誤字の訂正" });
    expect(corrected).toMatchObject({ revision: 2, state: "results_published" });
  });
});
