// The booklet binds the newest published revision: a published plan whose evaluation is
// being drafted stays in the booklet, with the published text, not the draft's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import {
  createStaff,
  MUNICIPALITY,
  openEvaluationOf,
  planDocument,
  resultsDocument,
  saveDraft,
} from "../server/portal/publication-test-support.ts";
import { booklettedDocuments } from "./build-booklet.ts";
import { importManifesto } from "./import-manifesto.ts";

const DRAFT_REASON = "評価の下書きにだけある理由";
let t: TestDatabase;
let id: number;

beforeAll(async () => {
  t = await createTestDatabase();
  id = (await importManifesto(t.ctx, planDocument(), { published: true })).manifestoId;
});
afterAll(() => t?.destroy());

describe("the booklet's contents", () => {
  it("keep the published plan while its evaluation is drafted; a proof shows the draft", async () => {
    const staff = await createStaff(t);
    await openEvaluationOf(t, staff, id);
    // (What an evaluation's draft may write: results, evaluations, reasons, progress.)
    const draft = resultsDocument();
    draft.goals[0]!.evaluation = { ...draft.goals[0]!.evaluation!, reason: DRAFT_REASON };
    await saveDraft(t, staff.head, id, draft);

    const request = { municipalityCode: MUNICIPALITY, fiscalYear: 2023 };
    const published = await booklettedDocuments(t.ctx, request);
    expect(published).toHaveLength(1);
    expect(published[0]?.goals[0]?.title).toBe(planDocument().goals[0]?.title);
    expect(published[0]?.goals[0]?.evaluation).toBeUndefined();

    const proof = await booklettedDocuments(t.ctx, { ...request, includeUnpublished: true });
    expect(proof[0]?.goals[0]?.evaluation?.reason).toBe(DRAFT_REASON);
  });
});
