// Who may move a manifesto where, through the API: a representative table of role × action ×
// state (the whole table is the pure test in domain/workflow.test.ts), stale revisions and
// wrong states (409 with where things stand), records out of scope (404), and that a move
// writes its transition row and audit event together or not at all.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../db/repositories/audit-events.ts";
import { listTransitions } from "../../db/repositories/workflow.ts";
import {
  type AccountName,
  createStaffFixture,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

type Place = "A" | "B" | "M2";
let f: StaffFixture;
const sessions = new Map<AccountName, Session>();
const WHO: AccountName[] = [
  "viewer",
  "editor",
  "head",
  "planning",
  "admin",
  "installation",
  "otherAdmin",
];

beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of WHO) sessions.set(who, await f.signIn(who));
});
afterAll(() => f?.close());

const headers = (who: AccountName) => sessions.get(who)?.headers ?? {};

/** Test arrangement: put a manifesto straight into a state. */
async function putInState(place: Place, state: string) {
  await f.db.ctx.db
    .updateTable("manifestos")
    .set({ state })
    .where("id", "=", f.ids[place])
    .execute();
}

async function stored(place: Place) {
  const row = await f.db.ctx.db
    .selectFrom("manifestos")
    .select(["state", "current_revision"])
    .where("id", "=", f.ids[place])
    .executeTakeFirstOrThrow();
  return { state: row.state, revision: row.current_revision };
}

const MOVE_EVENTS = /^manifesto\.(submitted|approved|returned|published|evaluation_opened)$/;

/** The transition rows and the audit events of moves (a return's comment has its own). */
async function traces(place: Place) {
  const transitions = await listTransitions(f.db.ctx.db, f.ids[place]);
  const audit = await listAuditEvents(f.db.ctx.db, f.ids[place]);
  return {
    transitions: transitions.length,
    audit: audit.filter((e) => MOVE_EVENTS.test(e.action)).length,
  };
}

/** Resolves every open thread, through the API. */
async function resolveAll(place: Place) {
  const url = `/api/manifestos/${f.ids[place]}/comments`;
  const list = (await f.app.inject({ method: "GET", url, headers: headers("planning") })).json()
    .comments as { id: number; parentId: number | null; resolvedAt: string | null }[];
  for (const c of list.filter((c) => c.parentId === null && c.resolvedAt === null)) {
    const r = await f.app.inject({
      method: "POST",
      url: `${url}/${c.id}/resolve`,
      headers: headers("planning"),
    });
    expect(r.statusCode).toBe(200);
  }
}

async function move(
  who: AccountName,
  place: Place,
  payload: { action: string; revision?: number; comment?: string; confirmWarnings?: number },
) {
  const revision = payload.revision ?? (await stored(place)).revision;
  return f.app.inject({
    method: "POST",
    url: `/api/manifestos/${f.ids[place]}/transitions`,
    headers: headers(who),
    payload: { ...payload, revision },
  });
}

// [who, place, state, action, status, state after]
const TABLE: [AccountName, Place, string, string, number, string][] = [
  ["editor", "A", "draft", "submit", 200, "submitted"],
  ["editor", "A", "submitted", "approve", 403, "submitted"],
  ["editor", "A", "draft", "return", 403, "draft"],
  ["editor", "A", "approved", "publish", 403, "approved"],
  ["editor", "A", "submitted", "submit", 409, "submitted"],
  ["head", "A", "draft", "submit", 200, "head_approved"],
  ["head", "A", "submitted", "approve", 200, "head_approved"],
  ["head", "A", "submitted", "return", 200, "draft"],
  ["head", "A", "evaluation_submitted", "return", 200, "evaluation_draft"],
  ["head", "A", "head_approved", "approve", 409, "head_approved"],
  ["head", "A", "approved", "publish", 403, "approved"],
  ["planning", "A", "draft", "submit", 403, "draft"],
  ["planning", "A", "submitted", "approve", 409, "submitted"],
  ["planning", "B", "head_approved", "approve", 200, "approved"],
  ["planning", "B", "head_approved", "return", 200, "draft"],
  ["planning", "B", "approved", "return", 200, "draft"],
  ["planning", "B", "approved", "publish", 200, "published"],
  ["planning", "B", "published", "open_evaluation", 200, "evaluation_draft"],
  ["planning", "B", "evaluation_head_approved", "approve", 200, "evaluation_approved"],
  // The demo's results carry 2 warnings: publishing them needs confirmWarnings (below).
  ["planning", "B", "evaluation_approved", "publish", 400, "evaluation_approved"],
  ["planning", "B", "results_published", "open_evaluation", 409, "results_published"],
  ["planning", "B", "draft", "publish", 409, "draft"],
  ["admin", "B", "approved", "publish", 200, "published"],
  ["installation", "M2", "head_approved", "approve", 200, "approved"],
  ["viewer", "A", "draft", "submit", 403, "draft"],
  ["viewer", "B", "approved", "publish", 403, "approved"],
  ["editor", "B", "draft", "submit", 404, "draft"],
  ["head", "B", "submitted", "approve", 404, "submitted"],
  ["planning", "M2", "approved", "publish", 404, "approved"],
  ["admin", "M2", "head_approved", "approve", 404, "head_approved"],
  ["otherAdmin", "A", "approved", "publish", 404, "approved"],
];

describe("role × action × state through the API", () => {
  for (const [who, place, state, action, status, after] of TABLE) {
    it(`${who}, ${place} ${state}, ${action} → ${status}`, async () => {
      await putInState(place, state);
      const before = await traces(place);
      const r = await move(who, place, { action, comment: "理由を書きました。" });
      expect(r.statusCode).toBe(status);
      expect((await stored(place)).state).toBe(after);
      const added = status === 200 ? 1 : 0;
      expect(await traces(place)).toEqual({
        transitions: before.transitions + added,
        audit: before.audit + added,
      });
      if (status === 404) expect(r.body).not.toMatch(/総務部|企画部|津市/);
      if (status === 409) {
        expect(r.json().error).toMatchObject({ code: "conflict", current: { state } });
      }
    });
  }
});

describe("publishing results with assessment warnings", () => {
  it("needs the number of warnings confirmed; a wrong number is refused too", async () => {
    await putInState("B", "evaluation_approved");
    const before = await traces("B");
    const wrong = await move("planning", "B", { action: "publish", confirmWarnings: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      confirmWarnings: "警告2件を確認したことを示してください",
    });
    expect(await traces("B")).toEqual(before);
    const ok = await move("planning", "B", { action: "publish", confirmWarnings: 2 });
    expect([ok.statusCode, (await stored("B")).state]).toEqual([200, "results_published"]);
  });
});

describe("refusals that write nothing", () => {
  it("a stale revision is 409 with the current state and revision", async () => {
    await putInState("A", "draft");
    const { revision } = await stored("A");
    const before = await traces("A");
    const r = await move("editor", "A", { action: "submit", revision: revision - 1 || 99 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.current).toEqual({ state: "draft", revision });
    expect(await stored("A")).toEqual({ state: "draft", revision });
    expect(await traces("A")).toEqual(before);
  });

  it("a return with no comment, and none open, is 400 and leaves the state", async () => {
    await resolveAll("B");
    await putInState("B", "head_approved");
    const before = await traces("B");
    const r = await move("planning", "B", { action: "return", comment: "   " });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("comment");
    expect((await stored("B")).state).toBe("head_approved");
    expect(await traces("B")).toEqual(before);
  });

  it("a return may rest on an open comment instead", async () => {
    await putInState("B", "head_approved");
    const posted = await f.app.inject({
      method: "POST",
      url: `/api/manifestos/${f.ids.B}/comments`,
      headers: headers("planning"),
      payload: { goalNumber: 3, body: "手段が目標に対応していません。" },
    });
    expect(posted.statusCode).toBe(201);
    const r = await move("planning", "B", { action: "return" });
    expect([r.statusCode, r.json().state]).toEqual([200, "draft"]);
  });

  it("a move whose audit event cannot be written leaves no state change and no transition", async () => {
    // The audit insert is the last write of a move: failing it proves the state change and
    // the transition row before it are rolled back with it.
    const db = f.db.ctx.db;
    await sql`
      create function refuse_publish_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'manifesto.published' then raise exception 'audit refused'; end if;
        return new;
      end $$
    `.execute(db);
    await sql`
      create trigger refuse_publish_audit before insert on audit_events
      for each row execute function refuse_publish_audit()
    `.execute(db);
    try {
      await putInState("B", "approved");
      const before = await traces("B");
      const r = await move("planning", "B", { action: "publish" });
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain("audit refused");
      expect((await stored("B")).state).toBe("approved");
      expect(await traces("B")).toEqual(before);
    } finally {
      await sql`drop trigger refuse_publish_audit on audit_events`.execute(db);
      await sql`drop function refuse_publish_audit()`.execute(db);
    }
    const r = await move("planning", "B", { action: "publish" });
    expect(r.statusCode).toBe(200);
  });

  it("an unknown action or a missing revision is 400", async () => {
    for (const payload of [
      { action: "archive", revision: 1 },
      { action: "submit" },
      { action: "submit", revision: 1, extra: true },
    ]) {
      const r = await f.app.inject({
        method: "POST",
        url: `/api/manifestos/${f.ids.A}/transitions`,
        headers: headers("editor"),
        payload,
      });
      expect(r.statusCode).toBe(400);
    }
  });
});

describe("comments", () => {
  const url = (place: Place) => `/api/manifestos/${f.ids[place]}/comments`;

  it("are refused for a goal the manifesto does not have, an empty or too long body", async () => {
    for (const [payload, field] of [
      [{ goalNumber: 99, body: "x" }, "goalNumber"],
      [{ body: " " }, "body"],
      [{ body: "あ".repeat(4001) }, "body"],
      [{ parentId: 999_999, body: "x" }, "parentId"],
    ] as const) {
      const r = await f.app.inject({
        method: "POST",
        url: url("A"),
        headers: headers("head"),
        payload,
      });
      expect([field, r.statusCode]).toEqual([field, 400]);
      expect(r.json().error.fields).toHaveProperty(field);
    }
  });

  it("a body of exactly 4,000 characters is kept whole", async () => {
    const body = "あ".repeat(4000);
    const r = await f.app.inject({
      method: "POST",
      url: url("A"),
      headers: headers("head"),
      payload: { body },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().comment.body).toBe(body);
  });

  it("a viewer reads them but cannot write; out of scope they do not exist", async () => {
    expect(
      (await f.app.inject({ method: "GET", url: url("A"), headers: headers("viewer") })).statusCode,
    ).toBe(200);
    const write = await f.app.inject({
      method: "POST",
      url: url("A"),
      headers: headers("viewer"),
      payload: { body: "閲覧者のコメント" },
    });
    expect(write.statusCode).toBe(403);
    for (const [who, place] of [
      ["editor", "B"],
      ["otherAdmin", "A"],
      ["planning", "M2"],
    ] as const) {
      const read = await f.app.inject({ method: "GET", url: url(place), headers: headers(who) });
      expect([who, place, read.statusCode]).toEqual([who, place, 404]);
    }
  });

  it("a thread is resolved at its first comment, not at an answer", async () => {
    const root = (
      await f.app.inject({
        method: "POST",
        url: url("A"),
        headers: headers("head"),
        payload: { goalNumber: 1, body: "目標1の現状を補ってください。" },
      })
    ).json().comment;
    const answer = (
      await f.app.inject({
        method: "POST",
        url: url("A"),
        headers: headers("editor"),
        payload: { parentId: root.id, body: "補いました。" },
      })
    ).json().comment;
    expect(answer.goalNumber).toBe(1);
    const atAnswer = await f.app.inject({
      method: "POST",
      url: `${url("A")}/${answer.id}/resolve`,
      headers: headers("head"),
    });
    expect(atAnswer.statusCode).toBe(400);
    const atRoot = await f.app.inject({
      method: "POST",
      url: `${url("A")}/${root.id}/resolve`,
      headers: headers("head"),
    });
    expect(atRoot.statusCode).toBe(200);
    const elsewhere = await f.app.inject({
      method: "POST",
      url: `${url("B")}/${root.id}/resolve`,
      headers: headers("planning"),
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe("the allowed actions come with the manifesto", () => {
  it("the head sees approve and return on a submission; planning sees neither yet", async () => {
    await putInState("A", "submitted");
    const allowedOf = async (who: AccountName) =>
      (
        await f.app.inject({
          method: "GET",
          url: `/api/manifestos/${f.ids.A}`,
          headers: headers(who),
        })
      ).json().allowed;
    expect(await allowedOf("head")).toMatchObject({ approve: true, return: true, edit: false });
    expect(await allowedOf("planning")).toMatchObject({
      approve: false,
      return: false,
      edit: false,
    });
  });
});
