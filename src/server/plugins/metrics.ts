// GET /metrics in the Prometheus text format: requests by route, latency, the database
// and the build. Routes are labelled by their pattern (`/api/manifestos/:id`), never the
// raw URL, so that the number of series stays bounded whatever clients request. The
// registry is this app's own: two apps in one process (tests) never share counters.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseHandle } from "../../db/connection.ts";
import { PACKAGE_ROOT } from "../../package-root.ts";

/** What pg.Pool tells about its connections (a pg.Pool satisfies it). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface MetricsDeps {
  database: DatabaseHandle;
  /** The connection pool, for PostgreSQL: connections total, idle and waited for. */
  pool?: PoolStats;
  /** Defaults to package.json's version. */
  version?: string;
  /**
   * When set, /metrics answers only `Authorization: Bearer <token>` (TASSEI_METRICS_TOKEN);
   * unset, only requests from this machine that no proxy forwarded.
   */
  token?: string;
}

/** Requests whose URL matched no route share one label. */
export const UNMATCHED_ROUTE = "unmatched";
const PING_TIMEOUT_MS = 2000;

function packageVersion(): string {
  try {
    const file = path.join(PACKAGE_ROOT, "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function pingSeconds(database: DatabaseHandle): Promise<number | undefined> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1`.execute(database.db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS);
      }),
    ]);
    return (performance.now() - started) / 1000;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export function registerMetrics(app: FastifyInstance, deps: MetricsDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tassei_" });

  const requests = new Counter({
    name: "tassei_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status code",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "tassei_http_request_duration_seconds",
    help: "Time from receiving a request to answering it, by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "tassei_build_info",
    help: "The running build: Tassei's version and Node's",
    labelNames: ["version", "node"] as const,
    registers: [registry],
  }).set({ version: deps.version ?? packageVersion(), node: process.version }, 1);

  const database = deps.database;
  const ping = new Gauge({
    name: "tassei_database_ping_seconds",
    help: "Round trip of `select 1` at the last successful scrape",
    labelNames: ["backend"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "tassei_database_up",
    help: "1 when the database answered `select 1` within 2 s at the scrape, else 0",
    labelNames: ["backend"] as const,
    registers: [registry],
    async collect() {
      const seconds = await pingSeconds(database);
      this.set({ backend: database.kind }, seconds === undefined ? 0 : 1);
      if (seconds !== undefined) ping.set({ backend: database.kind }, seconds);
    },
  });
  const pool = deps.pool;
  if (pool) {
    new Gauge({
      name: "tassei_database_pool_connections",
      help: "Database pool: connections open (total), idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const method = request.method;
    requests.inc({ method, route, status: String(reply.statusCode) });
    duration.observe({ method, route }, reply.elapsedTime / 1000);
  });

  app.get("/metrics", async (request, reply) => {
    // Without a token, only this machine may read them: a connection from the loopback that
    // no proxy forwarded (a proxy on the same host connects from there too). To everyone
    // else /metrics is not there.
    if (deps.token === undefined && !isLocalRequest(request)) {
      return reply
        .status(404)
        .send({ error: { code: "not_found", message: "no route GET /metrics" } });
    }
    if (deps.token !== undefined) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (given === undefined || !sameSecret(given, deps.token)) {
        return reply
          .status(401)
          .header("www-authenticate", "Bearer")
          .send({ error: { code: "unauthenticated", message: "a metrics token is required" } });
      }
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
  return registry;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLocalRequest(request: FastifyRequest): boolean {
  const h = request.headers;
  if (h["x-forwarded-for"] !== undefined || h.forwarded !== undefined) return false;
  if (h["x-real-ip"] !== undefined) return false;
  return LOOPBACK.test(request.raw.socket.remoteAddress ?? "");
}
