// Published corrections show what changed and when: the manifesto's page lists each
// correction after publication with its date, its change note and the old → new values,
// from published revisions only.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { listPublications } from "../../db/repositories/workflow.ts";
import { formatDateJa } from "../../domain/era.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { correctPublishedManifesto } from "../../services/workflow/correct-published-manifesto.ts";
import {
  createStaff,
  currentRevision,
  openEvaluationOf,
  PAGE,
  planDocument,
  publishDraft,
  resultsDocument,
  type Staff,
  saveDraft,
} from "./publication-test-support.ts";
import { expectWellFormedPage, portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;
let staff: Staff;
let id: number;

const OLD_TEXT =
  "令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）";
const NEW_TEXT = "令和５年度市民まちづくりアンケートの広聴広報に係る満足度56％以上 <注>＆速報値";
const NOTE = "目標1の達成目標①の目標値に誤りがあったため訂正しました。";
const DRAFT_WORD = "評価下書きにだけある言葉";

function corrected(doc: ManifestoDocument): ManifestoDocument {
  const target = doc.goals[0]!.targets![0]!;
  target.text = NEW_TEXT;
  if (target.measure?.kind === "numeric") target.measure.target = 56;
  return doc;
}

async function correct(doc: ManifestoDocument, changeNote: string) {
  return correctPublishedManifesto(staff.planning, id, {
    revision: await currentRevision(t, id),
    document: doc,
    changeNote,
  });
}

async function read(): Promise<string> {
  const r = await app.inject(PAGE);
  expect(r.statusCode).toBe(200);
  return r.body;
}

beforeAll(async () => {
  t = await createTestDatabase();
  id = (await importManifesto(t.ctx, planDocument(), { published: true })).manifestoId;
  staff = await createStaff(t);
  await correct(corrected(planDocument()), NOTE);
  // The evaluation is opened and drafted: none of the draft may reach the history.
  await openEvaluationOf(t, staff, id);
  const draft = corrected(resultsDocument());
  // (What an evaluation's draft may change: results, evaluations, reasons, progress.)
  const target = draft.goals[0]!.targets![0]!;
  target.result = { ...target.result, text: DRAFT_WORD };
  await saveDraft(t, staff.head, id, draft);
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe("the history of corrections on a manifesto's page", () => {
  it("shows the correction's date, its note, and what changed from old to new", async () => {
    const body = await read();
    expectWellFormedPage(body, "総務部");
    const [, correction] = await listPublications(t.ctx.db, id);
    expect(correction?.revision).toBe(2);
    const text = visibleText(body);
    expect(text).toContain("訂正の履歴");
    expect(text).toContain(`${formatDateJa(correction!.publishedAt)} の訂正（第2版）`);
    expect(text).toContain(NOTE);
    expect(text).toContain(`目標1 の 達成目標 ① を変更 ${OLD_TEXT} → ${NEW_TEXT}`);
    expect(text).toContain("目標1 の 達成目標 ① の 目標値 を変更 55 → 56");
    // Document text is escaped, never markup.
    expect(body).toContain("&lt;注&gt;＆速報値");
    expect(body).not.toContain("<注>");
  });

  it("gives each correction an anchor, linked from the page's summary", async () => {
    const body = await read();
    expect(body).toContain('<li id="correction-2">');
    expect(body).toContain('href="#correction-2"');
    expect(body).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);
  });

  it("never shows the draft written after the publication", async () => {
    const body = await read();
    expect(body).not.toContain(DRAFT_WORD);
    expect(body).not.toContain("第3版");
    expect(body).not.toContain("49.4");
  });

  it("lists later corrections first, and not the publication of the results", async () => {
    await publishDraft(t, staff, id); // revision 3: the results, published as drafted
    const results = resultsDocument();
    corrected(results).goals[0]!.targets![0]!.text = NEW_TEXT.replace("速報値", "確定値");
    await correct(results, "速報値を確定値に改めました。");
    const text = visibleText(await read());
    const entries = [...text.matchAll(/の訂正（第(\d+)版）/g)].map((m) => Number(m[1]));
    expect(entries).toEqual([4, 2]);
    expect(text).toContain("速報値を確定値に改めました。");
    // Revision 4 is compared with the published results (revision 3), not with the plan.
    expect(text).toContain(
      `目標1 の 達成目標 ① を変更 ${NEW_TEXT} → ${NEW_TEXT.replace("速報値", "確定値")}`,
    );
    // …whose result text (written in the evaluation's draft) the correction replaced.
    expect(text).toContain(DRAFT_WORD);
  });

  it("is absent from a manifesto that was never corrected", async () => {
    const other = planDocument();
    other.department = { ...other.department, name: "企画部" };
    await importManifesto(t.ctx, other, { published: true });
    const r = await app.inject(`/242161/2023/${encodeURIComponent("企画部")}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain("訂正の履歴");
    expect(r.body).not.toContain("correction-");
  });
});
