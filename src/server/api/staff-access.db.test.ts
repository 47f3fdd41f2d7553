// Every role against every route, over two municipalities and two departments: what each
// may read and write, and that records outside a user's scope read as not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountName,
  createStaffFixture,
  documentFor,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

type Place = "A" | "B" | "M2";
type Who = AccountName | "anonymous";
const WHO: Who[] = [
  "anonymous",
  "viewer",
  "editor",
  "head",
  "planning",
  "admin",
  "installation",
  "otherAdmin",
];
const PLACES: Place[] = ["A", "B", "M2"];

/** What each caller may see: M1 department A is the department roles' own. */
const SEES: Record<Who, Place[]> = {
  anonymous: [],
  viewer: ["A", "B"],
  editor: ["A"],
  head: ["A"],
  planning: ["A", "B"],
  admin: ["A", "B"],
  installation: ["A", "B", "M2"],
  otherAdmin: ["M2"],
};
const WRITES: Record<Who, Place[]> = {
  anonymous: [],
  viewer: [],
  editor: ["A"],
  head: ["A"],
  planning: ["A", "B"],
  admin: ["A", "B"],
  installation: ["A", "B", "M2"],
  otherAdmin: ["M2"],
};

function readStatus(who: Who, place: Place): number {
  if (who === "anonymous") return 401;
  return SEES[who].includes(place) ? 200 : 404;
}
function writeStatus(who: Who, place: Place): number {
  if (who === "anonymous") return 401;
  if (!SEES[who].includes(place)) return 404;
  return WRITES[who].includes(place) ? 200 : 403;
}
function importStatus(who: Who, place: Place): number {
  if (who === "anonymous") return 401;
  return WRITES[who].includes(place) ? 200 : 403;
}

let f: StaffFixture;
const sessions = new Map<Who, Session | undefined>();

beforeAll(async () => {
  f = await createStaffFixture();
  sessions.set("anonymous", undefined);
  for (const who of WHO) if (who !== "anonymous") sessions.set(who, await f.signIn(who));
});
afterAll(() => f?.close());

const headersOf = (who: Who) => sessions.get(who)?.headers ?? {};

async function currentRevision(place: Place): Promise<{ revision: number; document: unknown }> {
  const r = await f.app.inject({
    method: "GET",
    url: `/api/manifestos/${f.ids[place]}`,
    headers: headersOf("installation"),
  });
  const body = r.json();
  return { revision: body.manifesto.revision, document: body.document };
}

describe("GET /api/manifestos lists exactly what the caller may see", () => {
  for (const who of WHO) {
    it(who, async () => {
      const r = await f.app.inject({
        method: "GET",
        url: "/api/manifestos?year=2023",
        headers: headersOf(who),
      });
      if (who === "anonymous") {
        expect(r.statusCode).toBe(401);
        return;
      }
      expect(r.statusCode).toBe(200);
      const ids = (r.json().manifestos as { id: number }[]).map((m) => m.id).sort();
      expect(ids).toEqual(SEES[who].map((p) => f.ids[p]).sort());
    });
  }
});

describe("reading one manifesto and its history", () => {
  for (const who of WHO) {
    for (const place of PLACES) {
      it(`${who} → ${place}: ${readStatus(who, place)}`, async () => {
        for (const suffix of ["", "/history"]) {
          const r = await f.app.inject({
            method: "GET",
            url: `/api/manifestos/${f.ids[place]}${suffix}`,
            headers: headersOf(who),
          });
          expect([suffix, r.statusCode]).toEqual([suffix, readStatus(who, place)]);
          if (r.statusCode === 404) expect(r.body).not.toContain("総務部");
        }
      });
    }
  }
});

describe("saving a manifesto (PUT)", () => {
  for (const who of WHO) {
    for (const place of PLACES) {
      it(`${who} → ${place}: ${writeStatus(who, place)}`, async () => {
        const before = await currentRevision(place);
        const r = await f.app.inject({
          method: "PUT",
          url: `/api/manifestos/${f.ids[place]}`,
          headers: headersOf(who),
          payload: { revision: before.revision, document: before.document },
        });
        expect(r.statusCode).toBe(writeStatus(who, place));
        const after = await currentRevision(place);
        expect(after.revision).toBe(before.revision + (r.statusCode === 200 ? 1 : 0));
      });
    }
  }
});

describe("importing a document (POST /api/manifestos/import)", () => {
  for (const who of WHO) {
    for (const place of PLACES) {
      it(`${who} → ${place}: ${importStatus(who, place)}`, async () => {
        const before = await currentRevision(place);
        const r = await f.app.inject({
          method: "POST",
          url: "/api/manifestos/import",
          headers: headersOf(who),
          payload: documentFor(place),
        });
        expect(r.statusCode).toBe(importStatus(who, place));
        const after = await currentRevision(place);
        expect(after.revision).toBe(before.revision + (r.statusCode === 200 ? 1 : 0));
      });
    }
  }

  it("an import that would create another municipality's manifesto is refused to a municipal admin", async () => {
    const doc = documentFor("M2");
    doc.fiscalYear = 2024;
    const r = await f.app.inject({
      method: "POST",
      url: "/api/manifestos/import",
      headers: headersOf("admin"),
      payload: doc,
    });
    expect(r.statusCode).toBe(403);
  });
});

describe("the allowed actions come with the manifesto", () => {
  it("an editor may edit and submit a draft of their department but not approve or publish it", async () => {
    const r = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.A}`,
      headers: headersOf("editor"),
    });
    expect(r.json().allowed).toEqual({
      read: true,
      edit: true,
      submit: true,
      approve: false,
      return: false,
      publish: false,
      evaluate: false,
      openEvaluation: false,
      correct: false,
      comment: true,
    });
  });

  it("a viewer only reads", async () => {
    const r = await f.app.inject({
      method: "GET",
      url: `/api/manifestos/${f.ids.B}`,
      headers: headersOf("viewer"),
    });
    expect(Object.entries(r.json().allowed).filter(([, v]) => v)).toEqual([["read", true]]);
  });
});
