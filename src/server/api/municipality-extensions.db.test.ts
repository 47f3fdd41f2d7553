// The municipality's second score scale and own tag vocabularies (issue 17) through the staff
// API: only its administrators change them; bad input is refused naming the field, with
// nothing written; a saved setting is audited in the same transaction, offered to the editor
// and accepted in a document that does not carry it itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountName,
  createStaffFixture,
  M1,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const sessions = {} as Record<AccountName, Session>;

beforeAll(async () => {
  f = await createStaffFixture();
  for (const name of ["editor", "planning", "admin", "otherAdmin"] as const) {
    sessions[name] = await f.signIn(name);
  }
});
afterAll(() => f?.close());

const db = () => f.db.ctx.db;
const base = `/api/admin/municipalities/${M1}`;
const SCORE = { name: "達成度", range: { min: 0, max: 10, step: 1 } };
const VOCABULARIES = [
  {
    id: "city-plan",
    name: "総合計画 施策",
    tags: [
      { id: "1-1", label: "1-1 子育て支援" },
      { id: "7-1", label: "7-1 行政経営" },
    ],
  },
];

function problems(r: { json(): { error: { fields?: Record<string, string> } } }) {
  return Object.entries(r.json().error.fields ?? {}).map(([path, message]) => ({ path, message }));
}

async function snapshot() {
  return JSON.stringify({
    m: await db()
      .selectFrom("municipalities")
      .select(["code", "score_scale", "tag_vocabularies"])
      .orderBy("code")
      .execute(),
    audit: await db()
      .selectFrom("audit_events")
      .select(({ fn }) => fn.countAll().as("n"))
      .executeTakeFirst(),
  });
}

describe("who may set the second scale and the vocabularies", () => {
  it.each([
    ["editor", 403],
    ["planning", 403],
    ["otherAdmin", 404],
  ] as const)("%s → %d, and nothing changes", async (who, status) => {
    const before = await snapshot();
    const r = await f.call(sessions[who], "PATCH", base, {
      scoreScale: SCORE,
      tagVocabularies: VOCABULARIES,
    });
    expect(r.statusCode).toBe(status);
    expect(await snapshot()).toBe(before);
  });
});

describe("bad input", () => {
  it("names the field of the score scale and writes nothing", async () => {
    const before = await snapshot();
    const r = await f.call(sessions.admin, "PATCH", base, {
      scoreScale: { name: "達成度", range: { min: 10, max: 0 } },
      documentTitle: "変わらないはずの文書名",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe("validation_error");
    expect(problems(r)).toEqual([
      { path: "第二の評価基準 の 最大値", message: "最小値より大きくしてください" },
    ]);
    const both = await f.call(sessions.admin, "PATCH", base, {
      scoreScale: {
        name: "達成度",
        range: { min: 0, max: 10 },
        levels: [{ level: 1, label: "A" }],
      },
    });
    expect(both.statusCode).toBe(400);
    expect(problems(both)[0]?.path).toBe("第二の評価基準");
    expect(await snapshot()).toBe(before);
  });

  it("names the vocabulary and tag at fault and writes nothing", async () => {
    const before = await snapshot();
    const r = await f.call(sessions.admin, "PATCH", base, {
      tagVocabularies: [
        { id: "sdg", name: "独自SDGs", tags: [{ id: "1", label: "1" }] },
        { id: "Plan A", name: "計画", tags: [{ id: "a b", label: "A" }] },
      ],
    });
    expect(r.statusCode).toBe(400);
    // Each field once (the schema's problems first, then the rules across vocabularies).
    expect(
      problems(r)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["語彙 1 の 語彙の識別子", "語彙 2 の タグ 1 の 識別子", "語彙 2 の 語彙の識別子"]);
    expect(await snapshot()).toBe(before);
  });
});

describe("a saved setting", () => {
  it("is audited, shown, offered to the editor and accepted in a document without its own", async () => {
    const r = await f.call(sessions.admin, "PATCH", base, {
      scoreScale: SCORE,
      tagVocabularies: VOCABULARIES,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().scoreScale).toEqual(SCORE);
    expect(r.json().tagVocabularies).toEqual(VOCABULARIES);
    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "detail"])
      .where("municipality_code", "=", M1)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("municipality.updated");
    expect((audit.detail as { changed: string[] }).changed).toEqual([
      "scoreScale",
      "tagVocabularies",
    ]);

    const detail = (await f.call(sessions.admin, "GET", `/api/manifestos/${f.ids.A}`)).json();
    expect(detail.context.scoreScale).toEqual(SCORE);
    expect(detail.context.tagVocabularies).toEqual(VOCABULARIES);

    // A document naming the municipality's tag and scored on its scale, carrying neither.
    const doc = structuredClone(detail.document);
    expect(doc.scoreScale).toBeUndefined();
    expect(doc.tagVocabularies).toBeUndefined();
    doc.goals[0].tags = ["city-plan:7-1", "sdg:16"];
    doc.goals[0].evaluation = { level: 3, reason: "達成", score: 8 };
    const saved = await f.call(sessions.admin, "PUT", `/api/manifestos/${f.ids.A}`, {
      revision: detail.manifesto.revision,
      document: doc,
    });
    expect(saved.statusCode).toBe(200);

    // Off the scale, or a tag the municipality does not have: refused, naming the field.
    doc.goals[0].evaluation.score = 11;
    doc.goals[0].tags = ["city-plan:9-9"];
    const wrong = await f.call(sessions.admin, "PUT", `/api/manifestos/${f.ids.A}`, {
      revision: saved.json().revision,
      document: doc,
    });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual([
      "goals[0].evaluation.score",
      "goals[0].tags[0]",
    ]);
  });

  it("is not taken away while a stored manifesto uses it: refused naming where, nothing changed", async () => {
    const before = await snapshot();
    const narrowed = await f.call(sessions.admin, "PATCH", base, {
      scoreScale: { ...SCORE, range: { min: 0, max: 5, step: 1 } },
      tagVocabularies: [{ ...VOCABULARIES[0], tags: [{ id: "1-1", label: "1-1 子育て支援" }] }],
    });
    expect(narrowed.statusCode).toBe(400);
    const found = problems(narrowed);
    expect(found.map((p) => p.path)).toEqual(["第二の評価基準", "タグの語彙"]);
    expect(found[0]?.message).toMatch(
      /^この変更で、保存済みのマニフェストの第二の評価が使えなくなります：\d{4}年度 .+（目標1 の 第二の評価）。/,
    );
    expect(found[1]?.message).toContain("（目標1 の タグ 1）");
    expect(await snapshot()).toBe(before);

    // Once the manifesto no longer uses them, they can go.
    const detail = (await f.call(sessions.admin, "GET", `/api/manifestos/${f.ids.A}`)).json();
    const doc = structuredClone(detail.document);
    doc.goals[0].tags = ["sdg:16"];
    delete doc.goals[0].evaluation;
    const saved = await f.call(sessions.admin, "PUT", `/api/manifestos/${f.ids.A}`, {
      revision: detail.manifesto.revision,
      document: doc,
    });
    expect(saved.statusCode).toBe(200);
  });

  it("nor an evaluation scale whose levels a stored manifesto without its own scale uses", async () => {
    const detail = (await f.call(sessions.admin, "GET", `/api/manifestos/${f.ids.A}`)).json();
    const doc = structuredClone(detail.document);
    delete doc.evaluationScale; // it relies on the municipality's scale, the default one
    doc.goals[0].evaluation = { level: 5, reason: "十分に達成" };
    const saved = await f.call(sessions.admin, "PUT", `/api/manifestos/${f.ids.A}`, {
      revision: detail.manifesto.revision,
      document: doc,
    });
    expect(saved.statusCode).toBe(200);
    const before = await snapshot();
    const threeLevels = {
      name: "3段階",
      levels: [
        { level: 3, label: "A" },
        { level: 2, label: "B" },
        { level: 1, label: "C" },
      ],
    };
    const r = await f.call(sessions.admin, "PATCH", base, { evaluationScale: threeLevels });
    expect(r.statusCode).toBe(400);
    expect(problems(r)).toEqual([
      {
        path: "評価段階",
        message: expect.stringMatching(
          /^この変更で、保存済みのマニフェストの自己評価が使えなくなります：\d{4}年度 .+（目標1 の 自己評価の段階）[、。]/,
        ),
      },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("is cleared with null", async () => {
    const r = await f.call(sessions.admin, "PATCH", base, {
      scoreScale: null,
      tagVocabularies: null,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().scoreScale).toBeNull();
    expect(r.json().tagVocabularies).toBeNull();
  });
});
