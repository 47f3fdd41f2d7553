// What citizens see is the newest publication: while the evaluation of a published plan is
// being drafted, the plan stays on the public pages, and nothing of the draft shows.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { writeRevision } from "../../services/manifestos/write-revision.ts";
import { portalApp } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;
const page = `/242161/2023/${encodeURIComponent("総務部")}`;

/** The demo as a plan: no results, no evaluations. */
function plan(): ManifestoDocument {
  const doc = demoDocument() as unknown as ManifestoDocument;
  for (const goal of doc.goals) {
    delete goal.evaluation;
    for (const target of goal.targets ?? []) delete target.result;
  }
  return doc;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const { manifestoId } = await importManifesto(t.ctx, plan(), { published: true });
  // Planning opens the evaluation; the department drafts results and a new title.
  const draft = demoDocument() as unknown as ManifestoDocument;
  draft.goals[0]!.title = "評価中の下書きの題名";
  await t.ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("manifestos")
      .set({ state: "evaluation_draft" })
      .where("id", "=", manifestoId)
      .execute();
    await writeRevision(tx, "test", {
      manifestoId,
      revision: 2,
      doc: draft,
      source: "api",
      action: "manifesto.saved",
    });
  });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

describe("the public pages during the evaluation phase", () => {
  it("still show the published plan, and nothing of the draft", async () => {
    const r = await app.inject(page);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("伝わる広報と市民の市政参画の促進");
    expect(r.body).not.toContain("評価中の下書きの題名");
    expect(r.body).not.toContain("49.4");
  });

  it("download the published revision, not the draft", async () => {
    const json = await app.inject(`${page}/manifesto.json`);
    expect(json.statusCode).toBe(200);
    const doc = json.json() as ManifestoDocument;
    expect(doc.goals[0]?.title).toBe("伝わる広報と市民の市政参画の促進");
    expect(doc.goals[0]?.evaluation).toBeUndefined();
  });

  it("keep the draft out of search", async () => {
    const r = await app.inject(`/242161/search?q=${encodeURIComponent("評価中の下書き")}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain("評価中の下書きの題名");
  });
});
