// The migration's rebuild of the public read model gives the rows the application writes
// itself at each publication, including for a manifesto whose evaluation is being drafted
// (its published revision is no longer the current one).
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { writeRevision } from "../../services/manifestos/write-revision.ts";
import { up } from "./0007-public-read-model.ts";

let t: TestDatabase;
let drafted: number;

function plan(department: string): ManifestoDocument {
  const doc = demoDocument() as unknown as ManifestoDocument;
  doc.department = { ...doc.department, name: department };
  for (const goal of doc.goals) {
    delete goal.evaluation;
    for (const target of goal.targets ?? []) delete target.result;
  }
  return doc;
}

const publicTargets = () =>
  t.ctx.db
    .selectFrom("public_targets")
    .selectAll()
    .orderBy("manifesto_id")
    .orderBy("goal_number")
    .orderBy("position")
    .execute();
const searchRows = () =>
  t.ctx.db
    .selectFrom("search_goals")
    .selectAll()
    .orderBy("manifesto_id")
    .orderBy("goal_number")
    .execute();

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, plan("総務部"), { published: true });
  await importManifesto(t.ctx, demoDocument(), { published: true }); // results: revision 2
  drafted = (await importManifesto(t.ctx, plan("企画部"), { published: true })).manifestoId;
  await importManifesto(t.ctx, plan("市民生活部")); // never published
  const draft = demoDocument() as unknown as ManifestoDocument;
  draft.department = { ...draft.department, name: "企画部" };
  draft.goals[0]!.title = "評価中の下書き";
  const measure = draft.goals[0]!.targets![0]!.measure;
  if (measure?.kind === "numeric") measure.target = 99;
  await t.ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("manifestos")
      .set({ state: "evaluation_draft" })
      .where("id", "=", drafted)
      .execute();
    await writeRevision(tx, "test", {
      manifestoId: drafted,
      revision: 2,
      doc: draft,
      source: "api",
      action: "manifesto.saved",
    });
  });
});
afterAll(async () => {
  await t?.destroy();
});

describe("migration 0007", () => {
  it("rebuilds public_targets and search_goals as the publications wrote them", async () => {
    const targets = await publicTargets();
    const search = await searchRows();
    expect(targets.filter((r) => r.manifesto_id === drafted).every((r) => r.revision === 1)).toBe(
      true,
    );
    expect(targets.some((r) => r.manifesto_id === drafted && r.target_value === 99)).toBe(false);
    expect(targets.some((r) => r.actual === 49.4)).toBe(true); // 総務部's published results
    expect(search.some((r) => r.body.includes("評価中の下書き"))).toBe(false);

    // As before the migration: no public_targets, search rows of every current revision.
    await sql`drop table public_targets`.execute(t.ctx.db);
    await sql`drop index manifesto_publications_revision`.execute(t.ctx.db);
    await sql`alter table search_goals drop column department_name, drop column department_name_key`.execute(
      t.ctx.db,
    );
    await sql`update search_goals set revision = revision + 100, body = 'stale'`.execute(t.ctx.db);
    await up(t.ctx.db as unknown as Kysely<unknown>);

    expect(await publicTargets()).toEqual(targets);
    expect(await searchRows()).toEqual(search);
  });
});
