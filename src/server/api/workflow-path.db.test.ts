// The browser scenario at API level, on one manifesto from first save to the
// correction of its published results: who moves it, what the editor sees when it comes
// back, and what each move leaves behind (a transition row and an audit event).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../db/repositories/audit-events.ts";
import { listTransitions } from "../../db/repositories/workflow.ts";
import {
  type AccountName,
  createStaffFixture,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const sessions = new Map<AccountName, Session>();
const WHO: AccountName[] = ["editor", "head", "planning", "viewer"];

beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of WHO) sessions.set(who, await f.signIn(who));
});
afterAll(() => f?.close());

const headers = (who: AccountName) => sessions.get(who)?.headers ?? {};
type Doc = Record<string, unknown> & { goals: Record<string, unknown>[] };

async function look(who: AccountName) {
  const r = await f.app.inject({
    method: "GET",
    url: `/api/manifestos/${f.ids.A}`,
    headers: headers(who),
  });
  expect(r.statusCode).toBe(200);
  const body = r.json();
  return {
    state: body.manifesto.state as string,
    revision: body.manifesto.revision as number,
    document: body.document as Doc,
    allowed: body.allowed as Record<string, boolean>,
  };
}

async function move(who: AccountName, action: string, comment?: string) {
  const { revision } = await look(who);
  return f.app.inject({
    method: "POST",
    url: `/api/manifestos/${f.ids.A}/transitions`,
    headers: headers(who),
    payload: { action, revision, ...(comment !== undefined && { comment }) },
  });
}

async function moveOk(who: AccountName, action: string, to: string, comment?: string) {
  const r = await move(who, action, comment);
  expect([action, r.statusCode, r.json().state]).toEqual([action, 200, to]);
}

async function save(who: AccountName, change: (doc: Doc) => void) {
  const { revision, document } = await look(who);
  change(document);
  return f.app.inject({
    method: "PUT",
    url: `/api/manifestos/${f.ids.A}`,
    headers: headers(who),
    payload: { revision, document },
  });
}

async function comments(who: AccountName) {
  const r = await f.app.inject({
    method: "GET",
    url: `/api/manifestos/${f.ids.A}/comments`,
    headers: headers(who),
  });
  expect(r.statusCode).toBe(200);
  return r.json().comments as {
    id: number;
    goalNumber: number | null;
    parentId: number | null;
    depth: number;
    body: string;
    authorName: string | null;
    resolvedAt: string | null;
  }[];
}

describe("the review cycle of one manifesto, plan and results", () => {
  it("editor saves and submits; the head approves; planning returns with a per-goal comment", async () => {
    expect((await look("editor")).allowed).toMatchObject({ edit: true, submit: true });
    const saved = await save("editor", (d) => {
      d.goals[1] = { ...d.goals[1], title: "働き方改革の推進（案）" };
    });
    expect(saved.statusCode).toBe(200);
    await moveOk("editor", "submit", "submitted");
    // Submitted: nobody edits until it comes back.
    expect((await look("editor")).allowed).toMatchObject({ edit: false, submit: false });
    expect((await save("editor", () => {})).statusCode).toBe(403);
    await moveOk("head", "approve", "head_approved");

    const posted = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.A}/comments`,
      headers: headers("planning"),
      payload: { goalNumber: 2, body: "目標2の達成水準を数値で示してください。" },
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().comment).toMatchObject({ goalNumber: 2, parentId: null });
    await moveOk("planning", "return", "draft", "目標2をご確認ください。");
  });

  it("the editor sees the comments of the return and the draft again", async () => {
    const seen = await look("editor");
    expect(seen.state).toBe("draft");
    expect(seen.allowed.edit).toBe(true);
    const list = await comments("editor");
    expect(list.map((c) => [c.goalNumber, c.body, c.authorName])).toEqual([
      [2, "目標2の達成水準を数値で示してください。", "planning"],
      [null, "目標2をご確認ください。", "planning"],
    ]);
  });

  it("the editor answers in the thread, fixes, resolves and resubmits; it goes through to publication", async () => {
    const [thread] = await comments("editor");
    const reply = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.A}/comments`,
      headers: headers("editor"),
      payload: { parentId: thread?.id, body: "達成水準に数値目標を加えました。" },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().comment).toMatchObject({ goalNumber: 2, parentId: thread?.id });
    const threadOrder = await comments("planning");
    expect(threadOrder.map((c) => [c.parentId === null ? "thread" : "reply", c.depth])).toEqual([
      ["thread", 0],
      ["reply", 1],
      ["thread", 0],
    ]);

    expect(
      (
        await save("editor", (d) => {
          d.goals[1] = { ...d.goals[1], title: "働き方改革の推進" };
        })
      ).statusCode,
    ).toBe(200);
    for (const c of threadOrder.filter((c) => c.parentId === null)) {
      const r = await f.app.inject({
        method: "POST",
        url: `/api/manifestos/${f.ids.A}/comments/${c.id}/resolve`,
        headers: headers("editor"),
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().comment.resolvedAt).not.toBeNull();
    }

    await moveOk("editor", "submit", "submitted");
    await moveOk("head", "approve", "head_approved");
    await moveOk("planning", "approve", "approved");
    expect((await save("planning", () => {})).statusCode).toBe(403);
    await moveOk("planning", "publish", "published");
    expect((await look("viewer")).state).toBe("published");
  });

  it("planning opens the evaluation; the results go the same way to publication", async () => {
    expect((await save("editor", () => {})).statusCode).toBe(403);
    await moveOk("planning", "open_evaluation", "evaluation_draft");
    expect((await look("editor")).allowed).toMatchObject({ edit: true, evaluate: true });
    const results = await save("editor", (d) => {
      d.goals[0] = { ...d.goals[0], evaluation: { level: 4, reason: "目標をおおむね達成した。" } };
    });
    expect(results.statusCode).toBe(200);
    // A goal left 未評価 is refused with the list of what is missing; nothing moves.
    const unrated = await save("editor", (d) => {
      const { evaluation: _left, ...rest } = d.goals[1] as Record<string, unknown>;
      d.goals[1] = rest;
    });
    expect(unrated.statusCode).toBe(200);
    const refused = await move("editor", "submit");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      "goals[1].evaluation": "目標2が未評価です（自己評価を選んでください）",
    });
    expect((await look("editor")).state).toBe("evaluation_draft");
    await save("editor", (d) => {
      d.goals[1] = { ...d.goals[1], evaluation: { level: 4, reason: "上位を達成した。" } };
    });
    await moveOk("editor", "submit", "evaluation_submitted");
    await moveOk("head", "approve", "evaluation_head_approved");
    await moveOk("planning", "approve", "evaluation_approved");
    // Results with warnings are published only once their number is confirmed.
    const unconfirmed = await move("planning", "publish");
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.message).toBe(
      "評価に警告が2件あります。確認してから公表してください",
    );
    const { revision } = await look("planning");
    const confirmed = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.A}/transitions`,
      headers: headers("planning"),
      payload: { action: "publish", revision, confirmWarnings: 2 },
    });
    expect([confirmed.statusCode, confirmed.json().state]).toEqual([200, "results_published"]);
  });

  it("a correction after publication needs a change note and is published at once", async () => {
    const before = await look("planning");
    const url = `/api/manifestos/${f.ids.A}/corrections`;
    const document = structuredClone(before.document);
    document.goals[0] = { ...document.goals[0], title: "伝わる広報と市民の市政参画の推進" };

    const withoutNote = await f.app.inject({
      method: "POST",
      url,
      headers: headers("planning"),
      payload: { revision: before.revision, document, changeNote: "  " },
    });
    expect(withoutNote.statusCode).toBe(400);
    expect(withoutNote.json().error.fields).toHaveProperty("changeNote");
    const byEditor = await f.app.inject({
      method: "POST",
      url,
      headers: headers("editor"),
      payload: { revision: before.revision, document, changeNote: "誤字の訂正" },
    });
    expect(byEditor.statusCode).toBe(403);
    expect((await look("planning")).revision).toBe(before.revision);

    const corrected = await f.app.inject({
      method: "POST",
      url,
      headers: headers("planning"),
      payload: { revision: before.revision, document, changeNote: "目標1の名称の誤りを訂正" },
    });
    expect(corrected.statusCode).toBe(200);
    const after = await look("viewer");
    expect([after.state, after.revision]).toEqual(["results_published", before.revision + 1]);
    expect(after.document.goals[0]?.title).toBe("伝わる広報と市民の市政参画の推進");

    const history = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}/history`,
      headers: headers("viewer"),
    });
    expect(history.json().revisions.at(-1)).toMatchObject({
      revision: before.revision + 1,
      note: "目標1の名称の誤りを訂正",
    });
  });

  it("every move left one transition row and one audit event, in order", async () => {
    const moves = await listTransitions(f.db.ctx.db, f.ids.A);
    expect(moves.map((t) => `${t.fromState}→${t.toState}`)).toEqual([
      "draft→submitted",
      "submitted→head_approved",
      "head_approved→draft",
      "draft→submitted",
      "submitted→head_approved",
      "head_approved→approved",
      "approved→published",
      "published→evaluation_draft",
      "evaluation_draft→evaluation_submitted",
      "evaluation_submitted→evaluation_head_approved",
      "evaluation_head_approved→evaluation_approved",
      "evaluation_approved→results_published",
    ]);
    expect(moves[2]?.comment).toBe("目標2をご確認ください。");
    const audit = await listAuditEvents(f.db.ctx.db, f.ids.A);
    const workflowEvents = audit.filter((e) =>
      /^manifesto\.(submitted|approved|returned|published|evaluation_opened)$/.test(e.action),
    );
    expect(workflowEvents.map((e) => (e.detail as { to: string }).to)).toEqual(
      moves.map((t) => t.toState),
    );
    expect(audit.filter((e) => e.action === "manifesto.corrected")).toHaveLength(1);

    const r = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}/transitions`,
      headers: headers("editor"),
    });
    expect(r.json().transitions[0]).toMatchObject({ action: "submit", actorName: "editor" });
    expect(
      r
        .json()
        .publications.map((p: { state: string; changeNote: string | null }) => [
          p.state,
          p.changeNote,
        ]),
    ).toEqual([
      ["published", null],
      ["results_published", null],
      ["results_published", "目標1の名称の誤りを訂正"],
    ]);
  });
});
