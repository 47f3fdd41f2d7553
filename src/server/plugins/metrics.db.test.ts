import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { registerMetrics } from "./metrics.ts";

let t: TestDatabase;
let app: FastifyInstance;
let guarded: FastifyInstance;
// A real pool, never connected: its counters are all zero.
const pool = new pg.Pool({ connectionString: "postgres://127.0.0.1:1/none" });

beforeAll(async () => {
  t = await createTestDatabase();
  // The plugin on its own (buildApp registers it with the configured options).
  app = Fastify();
  registerMetrics(app, { database: t.handle, pool, version: "9.9.9-test" });
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/things/:id", async () => ({ ok: true }));
  guarded = Fastify();
  registerMetrics(guarded, { database: t.handle, token: "s3cret-token" });
});
afterAll(async () => {
  await app?.close();
  await guarded?.close();
  await pool.end();
  await t.destroy();
});

function line(text: string, prefix: string): string | undefined {
  return text.split("\n").find((l) => l.startsWith(prefix));
}

describe("GET /metrics", () => {
  it("counts requests by route pattern, never by raw URL, with latencies", async () => {
    for (const id of ["1", "2", "3"]) await app.inject(`/things/${id}?q=${id}`);
    await app.inject("/healthz");
    await app.inject("/no/such/page");
    const r = await app.inject("/metrics");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("text/plain");
    const text = r.body;
    expect(
      line(text, 'tassei_http_requests_total{method="GET",route="/things/:id",status="200"}'),
    ).toMatch(/ 3$/);
    expect(
      line(text, 'tassei_http_requests_total{method="GET",route="/healthz",status="200"}'),
    ).toMatch(/ 1$/);
    expect(
      line(text, 'tassei_http_requests_total{method="GET",route="unmatched",status="404"}'),
    ).toMatch(/ 1$/);
    expect(text).not.toContain("/things/1");
    expect(text).not.toContain("/no/such/page");
    expect(
      line(text, 'tassei_http_request_duration_seconds_count{method="GET",route="/things/:id"}'),
    ).toMatch(/ 3$/);
    expect(text).toContain(
      'tassei_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/things/:id"}',
    );
  });

  it("reports the build, the database and the process", async () => {
    const text = (await app.inject("/metrics")).body;
    expect(line(text, "tassei_build_info{")).toBe(
      `tassei_build_info{version="9.9.9-test",node="${process.version}"} 1`,
    );
    expect(line(text, `tassei_database_up{backend="${t.handle.kind}"}`)).toMatch(/ 1$/);
    expect(line(text, `tassei_database_ping_seconds{backend="${t.handle.kind}"}`)).toMatch(/ \d/);
    for (const state of ["total", "idle", "waiting"]) {
      expect(line(text, `tassei_database_pool_connections{state="${state}"}`)).toMatch(/ 0$/);
    }
    expect(text).toContain("tassei_process_resident_memory_bytes");
    expect(text).toContain("tassei_nodejs_eventloop_lag_seconds");
  });

  it("answers only the bearer of the token when one is configured", async () => {
    expect((await guarded.inject("/metrics")).statusCode).toBe(401);
    const wrong = await guarded.inject({
      url: "/metrics",
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await guarded.inject({
      url: "/metrics",
      headers: { authorization: "Bearer s3cret-token" },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("tassei_build_info");
    // the version defaults to package.json's
    expect(right.body).toMatch(/tassei_build_info\{version="\d+\.\d+\.\d+"/);
  });
});
