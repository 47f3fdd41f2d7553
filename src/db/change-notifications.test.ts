// The listening connection on a PostgreSQL server goes away (played by a TCP proxy between
// the app and the real server on 127.0.0.1:5432): the loss is reported, the connection comes
// back on its own, and the page cache, which may have missed a change meanwhile, is emptied.
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, type ScratchPostgres } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { startTcpProxy, type TcpProxy } from "../../test/support/tcp-proxy.ts";
import { buildApp } from "../server/app.ts";
import { CACHE_HEADER } from "../server/portal/page-cache-hooks.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import {
  listenForPublicChanges,
  type PublicChange,
  type PublicChangeFeed,
} from "./change-notifications.ts";
import { type DatabaseHandle, openDatabase } from "./connection.ts";
import { PUBLIC_CHANGE_CHANNEL } from "./repositories/public-changes.ts";

let scratch: ScratchPostgres;
let proxy: TcpProxy;
let database: DatabaseHandle;
let feed: PublicChangeFeed;
let app: FastifyInstance;
const heard: PublicChange[] = [];
const page = `/242161/2023/${encodeURIComponent("総務部")}`;

beforeAll(async () => {
  scratch = await createScratchPostgres();
  const url = new URL(scratch.url);
  proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
  url.host = `127.0.0.1:${proxy.port}`;
  database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
  await importManifesto({ db: database.db, actor: "test" }, demoDocument(), { published: true });
  feed = await listenForPublicChanges(database, { retryMinMs: 50, retryMaxMs: 200 });
  feed.onPublicChange((c) => heard.push(c));
  app = await buildApp({
    database,
    logLevel: "silent",
    pageCache: { maxEntries: 10, maxBytes: 2 ** 20, changes: feed },
  });
});
afterAll(async () => {
  await app?.close();
  await feed?.close();
  await database?.close();
  await proxy?.close();
  await scratch?.drop();
});

/** Straight to the server, not through the proxy: another process's commit. */
async function notifyFromElsewhere(payload: string): Promise<void> {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    await client.query("select pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, payload]);
  } finally {
    await client.end();
  }
}

/** Waits (at most 10 s) until `heard` holds a change matching `wanted`. */
async function hear(wanted: PublicChange): Promise<void> {
  const until = Date.now() + 10_000;
  while (!heard.some((c) => JSON.stringify(c) === JSON.stringify(wanted))) {
    if (Date.now() > until) throw new Error(`not heard: ${JSON.stringify(wanted)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("listening for public changes on a PostgreSQL server", () => {
  it("hears other processes' commits", async () => {
    expect(feed.live).toBe(true);
    await notifyFromElsewhere("242161");
    await hear({ kind: "changed", municipalityCode: "242161" });
  });

  it("reports the lost connection, comes back by itself, and the cache starts empty", async () => {
    await app.inject(page);
    expect((await app.inject(page)).headers[CACHE_HEADER]).toBe("hit");
    heard.length = 0;
    proxy.cut();
    await hear({ kind: "connection_lost" });
    expect(feed.live).toBe(false);
    // Committed while nobody listened: never heard; hence the empty cache afterwards.
    await notifyFromElsewhere("missed");
    proxy.restore();
    await hear({ kind: "reconnected" });
    expect(feed.live).toBe(true);
    expect(heard).not.toContainEqual({ kind: "changed", municipalityCode: "missed" });
    // The pool's connections were cut too: the first query may fail before it reconnects.
    let r = await app.inject(page);
    for (let i = 0; r.statusCode !== 200 && i < 20; i++) r = await app.inject(page);
    expect(r.statusCode).toBe(200);
    expect(r.headers[CACHE_HEADER]).toBe("miss");
    expect((await app.inject(page)).headers[CACHE_HEADER]).toBe("hit");
    await notifyFromElsewhere("242161");
    await hear({ kind: "changed", municipalityCode: "242161" });
    expect((await app.inject(page)).headers[CACHE_HEADER]).toBe("miss");
  });

  it("stops listening when closed", async () => {
    await feed.close();
    expect(feed.live).toBe(false);
  });
});
