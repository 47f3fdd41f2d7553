// Cached public pages across `tassei serve` processes. On a PostgreSQL server two processes
// share the database: a correction published through process A reaches the page process B
// has cached (its NOTIFY, on commit). The embedded database allows one process: there the
// correction goes through that process's own staff API and its next read shows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { type RunningServer, startServer } from "../../test/support/server.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import { createUser } from "../services/users/create-user.ts";

const PASSWORD = "correct horse battery staple";
const PAGE = `/242161/2023/${encodeURIComponent("総務部")}`;
const PUBLISHED_TITLE = "伝わる広報と市民の市政参画の促進";
const CORRECTED_TITLE = "別のプロセスで訂正した目標の題名";

let t: TestDatabase;
let manifestoId: number;
const servers: RunningServer[] = [];
let writer: RunningServer;
let reader: RunningServer;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ manifestoId } = await importManifesto(t.ctx, demoDocument(), { published: true }));
  await createUser(t.ctx, {
    username: "planner",
    password: PASSWORD,
    role: "planning",
    municipalityCode: "242161",
  });
  await t.close();
  const env = { ...t.env, TASSEI_DEMO: "off", TASSEI_PAGE_CACHE: "on" };
  const count = TEST_BACKEND === "postgres" ? 2 : 1;
  for (let i = 0; i < count; i++) servers.push(await startServer(env));
  writer = servers[0] as RunningServer;
  reader = servers[servers.length - 1] as RunningServer;
});
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  await t.destroy();
});

async function read(server: RunningServer) {
  const r = await fetch(`${server.url}${PAGE}`);
  return { status: r.status, cache: r.headers.get("x-tassei-cache"), body: await r.text() };
}

/** A correction after publication through the staff API, signed in as planning. */
async function correctThrough(server: RunningServer): Promise<void> {
  const signIn = await fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "planner", password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const document = demoDocument();
  (document.goals[0] as { title: string }).title = CORRECTED_TITLE;
  const r = await fetch(`${server.url}/api/manifestos/${manifestoId}/corrections`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ revision: 1, document, changeNote: "目標1の題名を訂正" }),
  });
  expect(r.status, await r.clone().text()).toBe(200);
}

describe(`cached public pages with ${TEST_BACKEND === "postgres" ? "two processes on one PostgreSQL database" : "one process on the embedded database"}`, () => {
  it("show a correction published through the staff API on the next reads", async () => {
    const first = await read(reader);
    expect(first.status).toBe(200);
    expect(first.body).toContain(PUBLISHED_TITLE);
    const cached = await read(reader);
    expect(cached.cache).toBe("hit");
    expect(cached.body).toBe(first.body);

    await correctThrough(writer);

    if (TEST_BACKEND === "pglite") {
      // One process: the commit's notification is heard before the API answers.
      const after = await read(reader);
      expect(after.cache).toBe("miss");
      expect(after.body).toContain(CORRECTED_TITLE);
      return;
    }
    // Another process: the notification travels through the server; wait for it, bounded.
    const until = Date.now() + 10_000;
    let after = await read(reader);
    while (!after.body.includes(CORRECTED_TITLE) && Date.now() < until) {
      expect(after.cache).toBe("hit");
      await new Promise((r) => setTimeout(r, 25));
      after = await read(reader);
    }
    expect(after.body, "process B still shows the page it cached").toContain(CORRECTED_TITLE);
    expect((await read(reader)).cache).toBe("hit");
    expect((await read(writer)).body).toContain(CORRECTED_TITLE);
  });
});
