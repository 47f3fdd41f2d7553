// The public portal while the PostgreSQL server is unreachable, refused (the server stopped)
// or silent (the network drops packets): every public address answers 503 with Retry-After
// and a Japanese page at once or within the configured time limits — never 500, never a
// request that hangs; pages already cached go on being served (published content is frozen)
// and are rendered afresh once the database is back. The outage is played by a TCP proxy
// between the app and the real server on 127.0.0.1:5432.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, type ScratchPostgres } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { startTcpProxy, type TcpProxy } from "../../../test/support/tcp-proxy.ts";
import { listenForPublicChanges, type PublicChangeFeed } from "../../db/change-notifications.ts";
import { type DatabaseHandle, type DatabaseTimeouts, openDatabase } from "../../db/connection.ts";
import { updateMunicipalitySettings } from "../../db/repositories/municipalities.ts";
import { notifyPublicChange } from "../../db/repositories/public-changes.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { buildApp } from "../app.ts";
import { CACHE_HEADER } from "./page-cache-hooks.ts";

const dept = encodeURIComponent("総務部");
const PAGE = `/242161/2023/${dept}`;
/** Every kind of public address: pages, search, downloads. */
const PUBLIC_ROUTES = [
  "/",
  PAGE,
  "/search?q=%E5%BA%83%E5%A0%B1",
  "/242161",
  "/242161/search?q=%E5%BA%83%E5%A0%B1",
  "/242161/2023",
  `/242161/departments/${dept}`,
  "/242161/indicators",
  "/242161/2023/opendata.csv",
  `${PAGE}/manifesto.json`,
  `${PAGE}/manifesto.xlsx`,
];
/** Short limits so that the silent outage is over in seconds. */
const SHORT: DatabaseTimeouts = { connectMs: 1000, queryMs: 1500, idleInTransactionMs: 10_000 };
/** Limits far beyond the test's time: only /healthz's own deadline can answer in time. */
const LONG: DatabaseTimeouts = { connectMs: 600_000, queryMs: 600_000, idleInTransactionMs: 0 };

let scratch: ScratchPostgres;
let direct: DatabaseHandle;
let proxy: TcpProxy;
const handles: DatabaseHandle[] = [];
const apps: FastifyInstance[] = [];
let changes: PublicChangeFeed;
/** Renders every request. */
let plain: FastifyInstance;
/** As `tassei serve` runs: with the page cache and its listening connection. */
let cached: FastifyInstance;
/** With limits longer than the test: shows that /healthz does not wait for them. */
let patient: FastifyInstance;

async function appOn(timeouts: DatabaseTimeouts, withCache: boolean): Promise<FastifyInstance> {
  const url = new URL(scratch.url);
  url.host = `127.0.0.1:${proxy.port}`;
  const database = await openDatabase(
    { kind: "postgres", url: url.toString(), poolSize: 4, timeouts },
    { migrate: false },
  );
  handles.push(database);
  if (withCache) {
    changes = await listenForPublicChanges(database, {
      retryMinMs: 50,
      retryMaxMs: 200,
      heartbeatMs: 1000,
    });
  }
  const app = await buildApp({
    database,
    logLevel: "silent",
    ...(withCache && { pageCache: { maxEntries: 100, maxBytes: 16 * 2 ** 20, changes } }),
  });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  scratch = await createScratchPostgres();
  direct = await openDatabase({ kind: "postgres", url: scratch.url });
  await importManifesto({ db: direct.db, actor: "test" }, demoDocument(), { published: true });
  const url = new URL(scratch.url);
  proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
  plain = await appOn(SHORT, false);
  cached = await appOn(SHORT, true);
  patient = await appOn(LONG, false);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await changes?.close();
  await proxy?.close();
  for (const h of handles) await h.close();
  await direct?.close();
  await scratch?.drop();
});

/** 200, or the home page's redirect to the only municipality. */
async function expectAllAnswered(): Promise<void> {
  for (const url of PUBLIC_ROUTES) {
    expect([200, 302], url).toContain((await plain.inject(url)).statusCode);
  }
}

/** Renames the municipality on the server itself, past the proxy, and announces it. */
async function renameMunicipality(name: string): Promise<void> {
  await direct.db.transaction().execute(async (tx) => {
    await updateMunicipalitySettings(tx, "242161", { name });
    await notifyPublicChange(tx, "242161");
  });
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within 20 s: ${what}`);
}

describe.each([
  { outage: "refused (the server stopped)", start: () => proxy.cut(), name: "伊賀市（停止後）" },
  { outage: "silent (packets dropped)", start: () => proxy.drop(), name: "伊賀市（断線後）" },
])("a PostgreSQL outage, $outage", ({ start, name }) => {
  it("answers 503 on every public address, serves cached pages, and renders afresh after", async () => {
    await expectAllAnswered();
    const before = await cached.inject(PAGE);
    expect(before.statusCode).toBe(200);
    expect((await cached.inject(PAGE)).headers[CACHE_HEADER]).toBe("hit");
    expect((await patient.inject("/healthz")).statusCode).toBe(200);

    start();
    const during = await Promise.all(PUBLIC_ROUTES.map((url) => plain.inject(url)));
    for (const [i, r] of during.entries()) {
      const url = PUBLIC_ROUTES[i];
      expect(r.statusCode, url).toBe(503);
      expect(r.headers["retry-after"], url).toBe("5");
      expect(r.headers["content-type"], url).toBe("text/html; charset=utf-8");
      expect(r.body, url).toContain("しばらくしてから、もう一度お試しください");
      expect(r.body, url).not.toMatch(/ECONN|terminated|timeout|at .*\.ts/);
    }
    const started = Date.now();
    const health = await patient.inject("/healthz");
    expect(health.statusCode).toBe(503);
    expect(health.headers["retry-after"]).toBe("5");
    // Far below the pool's 10-minute limits: /healthz keeps its own short deadline.
    expect(Date.now() - started).toBeLessThan(10_000);

    // Published content is frozen: the cached page is still served, even once the listening
    // connection is known to be lost (the heartbeat notices a silent one within 1.5 s).
    await new Promise((r) => setTimeout(r, 2000));
    expect(changes.live).toBe(false);
    const frozen = await cached.inject(PAGE);
    expect(frozen.statusCode).toBe(200);
    expect(frozen.body).toBe(before.body);

    // A change this process cannot hear while cut off; once back, pages are rendered afresh.
    await renameMunicipality(name);
    proxy.restore();
    await eventually(async () => (await cached.inject(PAGE)).body.includes(name), "fresh page");
    await expectAllAnswered();
    expect((await patient.inject("/healthz")).statusCode).toBe(200);
  });
});
