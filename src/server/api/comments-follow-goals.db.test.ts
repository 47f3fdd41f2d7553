// Review comments are attached by goal number; when an editor reorders or removes goals and
// the numbers are renumbered, each comment stays beside its own goal (or moves to the
// manifesto as a whole when its goal is gone).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffFixture, type Session, type StaffFixture } from "./staff-test-setup.ts";

type Goal = { number: number; title: string } & Record<string, unknown>;
type Doc = { goals: Goal[] } & Record<string, unknown>;

let f: StaffFixture;
let editor: Session;
let planning: Session;

beforeAll(async () => {
  f = await createStaffFixture();
  editor = await f.signIn("editor");
  planning = await f.signIn("planning");
});
afterAll(() => f?.close());

const url = () => `/api/manifestos/${f.ids.A}`;

async function load(): Promise<{ revision: number; document: Doc }> {
  const r = await f.app.inject({ method: "GET", url: url(), headers: editor.headers });
  return { revision: r.json().manifesto.revision, document: r.json().document };
}

async function comment(goalNumber: number, body: string) {
  const r = await f.app.inject({
    method: "POST",
    url: `${url()}/comments`,
    headers: planning.headers,
    payload: { goalNumber, body },
  });
  expect(r.statusCode).toBe(201);
}

async function commentsByBody(): Promise<Record<string, number | null>> {
  const r = await f.app.inject({
    method: "GET",
    url: `${url()}/comments`,
    headers: editor.headers,
  });
  const list = r.json().comments as { body: string; goalNumber: number | null }[];
  return Object.fromEntries(list.map((c) => [c.body, c.goalNumber]));
}

async function save(document: Doc, revision: number) {
  const r = await f.app.inject({
    method: "PUT",
    url: url(),
    headers: editor.headers,
    payload: { revision, document },
  });
  expect(r.statusCode).toBe(200);
}

describe("comments follow their goal", () => {
  it("when goals are swapped and renumbered, and when one is removed", async () => {
    const start = await load();
    const [first, second, third] = start.document.goals as [Goal, Goal, Goal];
    await comment(1, `about ${first.title}`);
    await comment(2, `about ${second.title}`);
    await comment(3, `about ${third.title}`);

    const swapped = structuredClone(start.document);
    swapped.goals = [
      { ...second, number: 1 },
      { ...first, number: 2 },
      ...start.document.goals.slice(2),
    ];
    await save(swapped, start.revision);
    expect(await commentsByBody()).toMatchObject({
      [`about ${first.title}`]: 2,
      [`about ${second.title}`]: 1,
      [`about ${third.title}`]: 3,
    });

    const now = await load();
    const removed = structuredClone(now.document);
    removed.goals = removed.goals
      .filter((g) => g.title !== first.title)
      .map((g, i) => ({ ...g, number: i + 1 }));
    await save(removed, now.revision);
    expect(await commentsByBody()).toMatchObject({
      [`about ${first.title}`]: null,
      [`about ${second.title}`]: 1,
      [`about ${third.title}`]: 2,
    });
  });
});
