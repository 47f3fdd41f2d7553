// The PostgreSQL server goes away while the app runs: requests fail cleanly with 503, and
// succeed again once it is back, without restarting the app. The outage is played by a
// TCP proxy between the app and the real server on 127.0.0.1:5432.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, type ScratchPostgres } from "../../test/support/database.ts";
import { startTcpProxy, type TcpProxy } from "../../test/support/tcp-proxy.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { buildApp } from "./app.ts";

let scratch: ScratchPostgres;
let proxy: TcpProxy;
let database: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  scratch = await createScratchPostgres();
  const url = new URL(scratch.url);
  proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
  url.host = `127.0.0.1:${proxy.port}`;
  database = await openDatabase({
    kind: "postgres",
    url: url.toString(),
    poolSize: 2,
    timeouts: { connectMs: 1000, queryMs: 1500, idleInTransactionMs: 10_000 },
  });
  app = await buildApp({ database, logLevel: "silent" });
  // A route that reads the database, as every page and API route does.
  app.get("/probe", async () => {
    const rows = await database.db.selectFrom("municipalities").select("code").execute();
    return { municipalities: rows.length };
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await proxy?.close();
  await scratch?.drop();
});

describe("a PostgreSQL outage while the app runs", () => {
  it("answers 503 during the outage and 200 again after it", async () => {
    expect((await app.inject("/probe")).statusCode).toBe(200);
    proxy.cut();
    for (const url of ["/probe", "/probe", "/healthz"]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(503);
      expect(r.body).not.toMatch(/ECONN|terminated|at .*\.ts/);
    }
    const failed = await app.inject("/probe");
    expect(failed.json()).toMatchObject({ error: { code: "database_unavailable" } });
    expect(failed.headers["retry-after"]).toBe("5");
    proxy.restore();
    const back = await app.inject("/probe");
    expect(back.statusCode).toBe(200);
    expect((await app.inject("/healthz")).statusCode).toBe(200);
  });

  it("answers 503 when the network goes silent (packets dropped), not after the outage", async () => {
    expect((await app.inject("/probe")).statusCode).toBe(200);
    proxy.drop();
    // Held by nothing but the pool's time limits (1 s to connect, 1.5 s + 2 s a query).
    for (const url of ["/probe", "/probe", "/healthz"]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(503);
      expect(r.headers["retry-after"], url).toBe("5");
    }
    proxy.restore();
    expect((await app.inject("/probe")).statusCode).toBe(200);
    expect((await app.inject("/healthz")).statusCode).toBe(200);
  });
});
