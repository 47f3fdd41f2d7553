// The manifesto API's behaviour beyond access: optimistic concurrency (409 with what
// changed), validation with JSON paths, history, text kept exactly, and error bodies that
// never show a stack trace or SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlanStructure } from "../../services/import-plan-structure.ts";
import { updateMunicipality } from "../../services/update-municipality-settings.ts";
import {
  createStaffFixture,
  documentFor,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
let editor: Session;
let planning: Session;

beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  planning = await f.signIn("planning");
});
afterAll(() => f?.close());

type Doc = { goals: { title: string; number: number }[] } & Record<string, unknown>;

async function load(s: Session, id = f.ids.A) {
  const r = await f.app.inject({ method: "GET", url: `/api/manifestos/${id}`, headers: s.headers });
  expect(r.statusCode).toBe(200);
  return r.json() as { manifesto: { revision: number; updatedAt: string }; document: Doc };
}
function save(s: Session, revision: unknown, document: unknown, id = f.ids.A) {
  return f.app.inject({
    method: "PUT",
    url: `/api/manifestos/${id}`,
    headers: s.headers,
    payload: { revision, document },
  });
}

describe("optimistic concurrency", () => {
  it("refuses a save from a stale revision with 409, the current revision and the changed paths", async () => {
    const mine = await load(editor);
    const theirs = await load(planning);
    theirs.document.goals[0] = { ...theirs.document.goals[0]!, title: "企画課が直した題" };
    const first = await save(planning, theirs.manifesto.revision, theirs.document);
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toBe(mine.manifesto.revision + 1);

    mine.document.goals[1] = { ...mine.document.goals[1]!, title: "担当者の変更" };
    const stale = await save(editor, mine.manifesto.revision, mine.document);
    expect(stale.statusCode).toBe(409);
    const error = stale.json().error;
    expect(error.code).toBe("conflict");
    expect(error.current.revision).toBe(mine.manifesto.revision + 1);
    expect(error.current.changedPaths).toEqual(["goals[0].title"]);
    expect(Date.parse(error.current.updatedAt)).not.toBeNaN();

    const now = await load(editor);
    expect(now.document.goals[0]?.title).toBe("企画課が直した題");
    expect(now.document.goals[1]?.title).not.toBe("担当者の変更");
  });

  it("lets exactly one of two concurrent saves from the same revision through", async () => {
    const base = await load(planning);
    const results = await Promise.all([
      save(planning, base.manifesto.revision, base.document),
      save(editor, base.manifesto.revision, base.document),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await load(planning)).manifesto.revision).toBe(base.manifesto.revision + 1);
  });
});

describe("validation", () => {
  it("refuses an invalid document with the import's problems keyed by JSON path", async () => {
    const current = await load(editor);
    const doc = structuredClone(current.document) as Record<string, unknown> & {
      goals: Record<string, unknown>[];
    };
    doc.goals[0] = { ...doc.goals[0], number: "one" };
    doc.surprise = true;
    const r = await save(editor, current.manifesto.revision, doc);
    expect(r.statusCode).toBe(400);
    const error = r.json().error;
    expect(error.code).toBe("validation_error");
    expect(Object.keys(error.fields)).toEqual(
      expect.arrayContaining(["goals[0].number", "surprise"]),
    );
    expect((await load(editor)).manifesto.revision).toBe(current.manifesto.revision);
  });

  it("refuses to move a manifesto to another department or year", async () => {
    const current = await load(planning);
    const other = { ...current.document, department: { name: "企画部" } };
    const r = await save(planning, current.manifesto.revision, other);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("department");
    const year = await save(planning, current.manifesto.revision, {
      ...current.document,
      fiscalYear: 2024,
    });
    expect(year.json().error.fields).toHaveProperty("fiscalYear");
  });

  it("keys request-shape problems by path too (a wrong type for revision)", async () => {
    const current = await load(editor);
    const r = await save(editor, "3", current.document);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty("revision");
  });
});

describe("history", () => {
  it("lists each revision with who saved it and the changed paths old → new", async () => {
    const current = await load(editor);
    const doc = structuredClone(current.document);
    const oldTitle = doc.goals[2]!.title;
    doc.goals[2]!.title = "履歴のための題";
    expect((await save(editor, current.manifesto.revision, doc)).statusCode).toBe(200);
    const r = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}/history`,
      headers: editor.headers,
    });
    expect(r.statusCode).toBe(200);
    const revisions = r.json().revisions as {
      revision: number;
      createdBy: string;
      createdByName: string | null;
      changes: { path: string; old: unknown; new: unknown }[];
    }[];
    expect(revisions[0]).toMatchObject({ revision: 1, createdBy: "test", changes: [] });
    const last = revisions.at(-1);
    expect(last).toMatchObject({
      revision: current.manifesto.revision + 1,
      createdByName: "editor",
    });
    expect(last?.createdBy).toMatch(/^user:\d+$/);
    expect(last?.changes).toEqual([
      { path: "goals[2].title", old: oldTitle, new: "履歴のための題" },
    ]);
  });
});

describe("text is kept exactly", () => {
  const nasty = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "&lt;b&gt; ' \" \\ \u3000①",
  ];

  it("round-trips markup through save and load unchanged, as JSON", async () => {
    const current = await load(editor);
    const doc = structuredClone(current.document);
    nasty.forEach((text, i) => {
      doc.goals[i]!.title = text;
    });
    expect((await save(editor, current.manifesto.revision, doc)).statusCode).toBe(200);
    const r = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}`,
      headers: editor.headers,
    });
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(
      r
        .json()
        .document.goals.slice(0, 3)
        .map((g: { title: string }) => g.title),
    ).toEqual(nasty);
    // JSON, not HTML: the text travels as it is, escaping is the renderer's job.
    expect(r.body).toContain(JSON.stringify(nasty[0]));
  });

  it("round-trips through import too", async () => {
    const doc = documentFor("A") as { goals: { title: string }[] };
    doc.goals[0]!.title = nasty[1]!;
    const r = await f.app.inject({
      method: "POST",
      url: "/api/manifestos/import",
      headers: editor.headers,
      payload: doc,
    });
    expect(r.statusCode).toBe(200);
    expect((await load(editor)).document.goals[0]?.title).toBe(nasty[1]);
  });
});

describe("error bodies show no stack trace or SQL", () => {
  const leaks = /at [\w.<>]+ \(|node_modules|\bselect\b|\binsert\b|\bwhere\b|\.ts:\d+/i;

  it("for malformed JSON, a huge body, a bad id and a bad query", async () => {
    const responses = [
      await f.app.inject({
        method: "PUT",
        url: `/api/manifestos/${f.ids.A}`,
        headers: { ...editor.headers, "content-type": "application/json" },
        payload: '{"revision": 1, "document": {',
      }),
      await f.app.inject({
        method: "POST",
        url: "/api/session",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "x", password: "y".repeat(100_000) }),
      }),
      await f.app.inject({
        method: "GET",
        url: "/api/manifestos/1%27%20or%201=1",
        headers: editor.headers,
      }),
      await f.app.inject({
        method: "GET",
        url: "/api/manifestos/99999999999",
        headers: editor.headers,
      }),
      await f.app.inject({
        method: "GET",
        url: "/api/manifestos?year=abc",
        headers: editor.headers,
      }),
      await f.app.inject({
        method: "POST",
        url: "/api/manifestos/import",
        headers: editor.headers,
        payload: [],
      }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([400, 413, 400, 400, 400, 400]);
    for (const r of responses) {
      const body = r.json();
      expect(typeof body.error.code).toBe("string");
      expect(typeof body.error.message).toBe("string");
      expect(r.body).not.toMatch(leaks);
    }
  });
});

describe("what the editor is offered beside the document", () => {
  it("gives the municipality's scale and plan structure, not written into the document", async () => {
    const before = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}`,
      headers: editor.headers,
    });
    expect(before.json().context).toEqual({
      evaluationScale: null,
      planItems: [],
      levelRules: null,
      lastYear: null,
      scoreScale: null,
      tagVocabularies: [],
    });

    const M1 = "242161";
    const scale = {
      name: "名張式 2 段階",
      levels: [
        { level: 2, label: "Ａ 達成", meaning: "achieved" },
        { level: 1, label: "Ｂ 未達成", meaning: "not_achieved" },
      ],
    };
    const levelRules = {
      rules: [
        { when: "all_met", level: 2 },
        { when: "any_not_met", level: 1 },
      ],
    };
    await updateMunicipality(f.db.ctx, { code: M1, evaluationScale: scale, levelRules });
    await importPlanStructure(f.db.ctx, {
      municipalityCode: M1,
      format: "csv",
      content: "code,title\n7-1-①,広報広聴の充実\n",
    });
    const after = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}`,
      headers: editor.headers,
    });
    const body = after.json();
    expect(body.context.evaluationScale).toEqual(scale);
    expect(body.context.levelRules).toEqual(levelRules);
    expect(body.context.planItems).toEqual([{ code: "7-1-①", title: "広報広聴の充実" }]);
    expect(body.document.evaluationScale).toEqual(before.json().document.evaluationScale);
  });
});
