// The probe exhausted memory through the revision history: a 21.7 MB document saved 24
// times made GET /history answer 1 GB. Now a document has a size limit, the history comes a
// page at a time from changes stored when each revision was written, autosaves by one person
// coalesce into their working revision (without weakening the 409 for anyone else), and a
// manifesto takes a bounded number of comments.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_MAX_BYTES } from "../../domain/manifesto/validate.ts";
import { COMMENTS_PER_MANIFESTO_MAX } from "../../services/workflow/add-comment.ts";
import { createStaffFixture, type Session, type StaffFixture } from "../api/staff-test-setup.ts";

let f: StaffFixture;
let editor: Session;
let head: Session;
beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  head = await f.signIn("head");
});
afterAll(() => f?.close());

type Doc = Record<string, unknown> & { goals: Record<string, unknown>[] };
interface HistoryAnswer {
  revisions: {
    revision: number;
    saves: number;
    createdBy: string;
    changes: { path: string; old: unknown; new: unknown }[];
  }[];
  earlier: number | null;
}

async function load(id = f.ids.A) {
  const r = await f.call(editor, "GET", `/api/manifestos/${id}`);
  return r.json() as { manifesto: { revision: number }; document: Doc };
}
const save = (who: Session, revision: number, document: unknown, id = f.ids.A) =>
  f.call(who, "PUT", `/api/manifestos/${id}`, { revision, document });
async function history(query = "", id = f.ids.A): Promise<HistoryAnswer> {
  const r = await f.call(editor, "GET", `/api/manifestos/${id}/history${query}`);
  expect(r.statusCode).toBe(200);
  return r.json();
}
/** Makes the working revision older than the autosave window, as time passing would. */
const ageRevisions = (minutes: number) =>
  sql`update manifesto_revisions set created_at = created_at - make_interval(mins => ${minutes})`.execute(
    f.db.ctx.db,
  );

describe("the size of a document", () => {
  it("is limited: a document over the limit is refused naming the whole ($), before anything is stored", async () => {
    const current = await load();
    const doc = structuredClone(current.document);
    for (const goal of doc.goals) {
      goal.means = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(2000, "a"));
      goal.currentState = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(2000, "b"));
    }
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeGreaterThan(DOCUMENT_MAX_BYTES);
    const r = await save(editor, current.manifesto.revision, doc);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.$).toMatch(/at most 512 KB/);
    expect((await load()).manifesto.revision).toBe(current.manifesto.revision);
  });
});

describe("autosaves", () => {
  it("by one person within the window replace their working revision; the number still moves on, so others get 409", async () => {
    await ageRevisions(60);
    const start = await load();
    let revision = start.manifesto.revision;
    const doc = structuredClone(start.document);
    for (let i = 1; i <= 5; i++) {
      doc.goals[0]!.title = `自動保存 ${i}`;
      const r = await save(editor, revision, doc);
      expect(r.statusCode).toBe(200);
      expect(r.json().revision).toBe(revision + 1);
      revision = r.json().revision;
    }
    const h = await history();
    const last = h.revisions.at(-1);
    expect(last).toMatchObject({ revision, saves: 5 });
    // One revision for five saves, its changes against the revision before the first.
    expect(h.revisions.filter((r) => r.revision > start.manifesto.revision)).toHaveLength(1);
    expect(last?.changes).toEqual([
      { path: "goals[0].title", old: start.document.goals[0]!.title, new: "自動保存 5" },
    ]);

    // Someone else who loaded before the autosaves is refused, as before coalescing.
    const stale = await save(head, start.manifesto.revision, start.document);
    expect(stale.statusCode).toBe(409);
    const stale2 = await save(head, revision - 1, start.document);
    expect(stale2.statusCode).toBe(409);

    // Another person's save is a revision of its own, and the editor's next save follows it.
    doc.goals[1]!.title = "部局長の修正";
    const byHead = await save(head, revision, doc);
    expect(byHead.statusCode).toBe(200);
    doc.goals[2]!.title = "担当者の続き";
    const next = await save(editor, byHead.json().revision, doc);
    expect(next.statusCode).toBe(200);
    const after = await history();
    expect(after.revisions.slice(-3).map((r) => [r.revision, r.saves])).toEqual([
      [revision, 5],
      [byHead.json().revision, 1],
      [next.json().revision, 1],
    ]);
  });

  it("after the window begin a new working revision", async () => {
    const current = await load();
    const doc = structuredClone(current.document);
    doc.goals[0]!.title = "窓の中";
    const first = await save(editor, current.manifesto.revision, doc);
    await ageRevisions(11);
    doc.goals[0]!.title = "窓の外";
    const second = await save(editor, first.json().revision, doc);
    expect(second.statusCode).toBe(200);
    const h = await history();
    expect(h.revisions.slice(-2).map((r) => r.revision)).toEqual([
      first.json().revision,
      second.json().revision,
    ]);
  });
});

describe("a working revision that something refers to", () => {
  it("is kept when someone commented on it: the next save begins a new one", async () => {
    await ageRevisions(60);
    const current = await load();
    const doc = structuredClone(current.document);
    doc.goals[0]!.title = "コメント前";
    const first = await save(editor, current.manifesto.revision, doc);
    expect(first.statusCode).toBe(200);
    const comment = await f.call(head, "POST", `/api/manifestos/${f.ids.A}/comments`, {
      body: "ここを確認してください",
    });
    expect(comment.statusCode).toBe(201);
    doc.goals[0]!.title = "コメント後";
    const second = await save(editor, first.json().revision, doc);
    expect(second.statusCode).toBe(200);
    const h = await history();
    expect(h.revisions.slice(-2).map((r) => [r.revision, r.saves])).toEqual([
      [first.json().revision, 1],
      [second.json().revision, 1],
    ]);
  });
});

describe("the history", () => {
  it("comes a page at a time, newest page first, and the pages together hold every revision once", async () => {
    // Two people taking turns: nothing coalesces.
    let current = await load();
    const doc = structuredClone(current.document);
    for (let i = 0; i < 24; i++) {
      doc.goals[0]!.title = `交代 ${i}`;
      const r = await save(i % 2 ? head : editor, current.manifesto.revision, doc);
      expect(r.statusCode).toBe(200);
      current = await load();
    }
    const stored = (
      await f.db.ctx.db
        .selectFrom("manifesto_revisions")
        .select("revision")
        .where("manifesto_id", "=", f.ids.A)
        .orderBy("revision")
        .execute()
    ).map((r) => r.revision);
    expect(stored.length).toBeGreaterThan(25);
    const pages: HistoryAnswer[] = [await history()];
    expect(pages[0]?.revisions).toHaveLength(20);
    while (pages.at(-1)?.earlier != null) {
      pages.push(await history(`?before=${pages.at(-1)?.earlier}`));
    }
    const all = pages.reverse().flatMap((p) => p.revisions.map((r) => r.revision));
    expect(all).toEqual(stored);
    const small = await history("?limit=3");
    expect(small.revisions.map((r) => r.revision)).toEqual(stored.slice(-3));
    const tooMany = await f.call(editor, "GET", `/api/manifestos/${f.ids.A}/history?limit=500`);
    expect(tooMany.statusCode).toBe(400);
  });

  it("reads the changes stored when each revision was written", async () => {
    const latest = (await load()).manifesto.revision;
    const stored = await f.db.ctx.db
      .selectFrom("manifesto_revisions")
      .select(["revision", "changes"])
      .where("manifesto_id", "=", f.ids.A)
      .where("revision", "=", latest)
      .executeTakeFirstOrThrow();
    const expected = [{ path: "goals[0].title", old: "交代 22", new: "交代 23" }];
    expect(stored.changes).toEqual(expected);
    // What the history shows is what was stored, not a fresh comparison of documents.
    await sql`update manifesto_revisions set changes = ${JSON.stringify([{ path: "x", old: 1, new: 2 }])}::jsonb
      where manifesto_id = ${f.ids.A} and revision = ${latest}`.execute(f.db.ctx.db);
    expect((await history("?limit=1")).revisions[0]?.changes).toEqual([
      { path: "x", old: 1, new: 2 },
    ]);
    // A revision written before changes were stored is compared when read.
    await sql`update manifesto_revisions set changes = null
      where manifesto_id = ${f.ids.A} and revision = ${latest}`.execute(f.db.ctx.db);
    expect((await history("?limit=1")).revisions[0]?.changes).toEqual(expected);
  });
});

describe("comments", () => {
  it("are limited per manifesto", async () => {
    const authorRow = await f.userId("head");
    const values = Array.from({ length: COMMENTS_PER_MANIFESTO_MAX }, (_, i) => ({
      manifesto_id: f.ids.M2,
      goal_number: null,
      parent_id: null,
      revision: 1,
      author: `user:${authorRow}`,
      body: `comment ${i}`,
    }));
    await f.db.ctx.db.insertInto("manifesto_comments").values(values).execute();
    const admin = await f.signIn("installation");
    const r = await f.call(admin, "POST", `/api/manifestos/${f.ids.M2}/comments`, {
      body: "one too many",
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain(String(COMMENTS_PER_MANIFESTO_MAX));
  });
});
