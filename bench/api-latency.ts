// Latency and throughput of the staff API under load: the real server (`tassei serve`, a
// child process) on a scratch embedded database and on a scratch PostgreSQL database, one
// signed-in session, autocannon with 50 connections against
//   - GET /healthz                 (baseline: routing, JSON and one `select 1`)
//   - GET /api/manifestos/:id      (session check, scoped read of one document)
//   - GET /api/manifestos          (the list of the year's manifestos in scope)
//   - PUT /api/manifestos/:id      (saving one goal: the whole document, a new revision)
// Each connection reads and saves its own manifesto, so saves from one connection follow
// each other's revisions; any 409 (a stale revision) is counted apart from the successes.
// Latencies are taken per response (autocannon's `response` event) for p50 / p95 / p99.
//
//   node_modules/.bin/tsx bench/api-latency.ts [--backend pglite|postgres|both]
//     [--duration 10] [--connections 50] [--manifestos 50] [--postgres-url URL] [--log-level warn]
//     [--only PUT] [--cpu-prof DIR] [--floor]
//
// --floor runs bench/floor-server.ts instead of `tassei serve`: the same app, plus a read and a
// save that do the least any implementation could (one statement; BEGIN, one INSERT, COMMIT),
// measured beside the real ones as "floor" rows: how far each real path is from what this
// stack can do at all on this machine.
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { type DatabaseTarget, openDatabase } from "../src/db/connection.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { createUser } from "../src/services/users/create-user.ts";
import { demoDocument } from "../test/support/fixtures.ts";
import { startServer } from "../test/support/server.ts";
import { type ChildServer, startFloorServer } from "./http-load.ts";
import {
  Cleanup,
  createScratchDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatNumber,
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
  percentile,
  profileEnv,
} from "./support.ts";

const USERNAME = "bench-planning";
const PASSWORD = "bench password that is long enough";
const MUNICIPALITY = "242161";
const FISCAL_YEAR = 2023;

type Backend = "pglite" | "postgres";

interface Scenario {
  name: string;
  /** What a connection sends; called once per connection with its index. */
  requests(connection: number): autocannon.Request[];
}

interface Measured {
  name: string;
  ok: number;
  conflicts: number;
  /** Answers other than 2xx and 409. */
  otherStatus: number;
  /** No answer: connection errors and autocannon's 10 s timeouts. */
  requestErrors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

interface Slot {
  id: number;
  revision: number;
  document: { goals: { title: string }[] } & Record<string, unknown>;
  saves: number;
}

/** Fifty departments' drafts of the demo (6 goals each) and the planning division's account. */
async function prepare(target: DatabaseTarget, manifestos: number): Promise<void> {
  const handle = await openDatabase(target, { purpose: "bench api-latency" });
  const ctx = { db: handle.db, actor: "bench" };
  try {
    for (let i = 1; i <= manifestos; i++) {
      const doc = demoDocument();
      doc.department = { ...(doc.department as object), name: `第${i}部（ベンチ）` };
      await importManifesto(ctx, doc);
    }
    await createUser(ctx, {
      username: USERNAME,
      password: PASSWORD,
      role: "planning",
      municipalityCode: MUNICIPALITY,
    });
  } finally {
    await handle.close();
  }
}

async function signIn(url: string): Promise<Session> {
  const r = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function loadSlots(url: string, session: Session): Promise<Slot[]> {
  const headers = { cookie: session.cookie };
  const list = (await (
    await fetch(`${url}/api/manifestos?year=${FISCAL_YEAR}`, { headers })
  ).json()) as { manifestos: { id: number }[] };
  const slots: Slot[] = [];
  for (const { id } of list.manifestos) {
    const one = (await (await fetch(`${url}/api/manifestos/${id}`, { headers })).json()) as {
      manifesto: { revision: number };
      document: Slot["document"];
    };
    slots.push({ id, revision: one.manifesto.revision, document: one.document, saves: 0 });
  }
  return slots;
}

function scenarios(session: Session, slots: Slot[], floor: boolean): Scenario[] {
  const headers = { cookie: session.cookie };
  const slotOf = (connection: number) => slots[connection % slots.length] as Slot;
  const all: Scenario[] = [
    { name: "GET /healthz (baseline)", requests: () => [{ method: "GET", path: "/healthz" }] },
    {
      name: "GET /api/manifestos/:id",
      requests: (c) => [{ method: "GET", path: `/api/manifestos/${slotOf(c).id}`, headers }],
    },
    {
      name: `GET /api/manifestos (${slots.length} rows)`,
      requests: () => [{ method: "GET", path: `/api/manifestos?year=${FISCAL_YEAR}`, headers }],
    },
    save("PUT /api/manifestos/:id (one goal)", "/api/manifestos"),
  ];
  if (!floor) return all;
  // After the real path each floor measures, so that each pair runs in the same state.
  const [healthz, getOne, list, put] = all as [Scenario, Scenario, Scenario, Scenario];
  return [
    healthz,
    getOne,
    {
      name: "GET /floor/:id (session, one statement)",
      requests: (c) => [{ method: "GET", path: `/floor/manifestos/${slotOf(c).id}`, headers }],
    },
    list,
    put,
    save("PUT /floor/:id (session, validate, BEGIN/INSERT/COMMIT)", "/floor/manifestos"),
  ];

  function save(name: string, prefix: string): Scenario {
    return {
      name,
      requests: (c) => {
        const slot = slotOf(c);
        const original = slot.document.goals[0]?.title ?? "";
        return [
          {
            method: "PUT",
            path: `${prefix}/${slot.id}`,
            headers: {
              ...headers,
              "x-csrf-token": session.csrfToken,
              "content-type": "application/json",
            },
            setupRequest: (request) => {
              slot.saves += 1;
              const goals = slot.document.goals.map((g, i) =>
                i === 0 ? { ...g, title: `${original}（${slot.saves}）` } : g,
              );
              const document = { ...slot.document, goals };
              return { ...request, body: JSON.stringify({ revision: slot.revision, document }) };
            },
            onResponse: (status, body) => {
              const answer = JSON.parse(body) as { revision?: number };
              if (status === 200 && answer.revision !== undefined) slot.revision = answer.revision;
              if (status === 409) {
                const e = JSON.parse(body) as { error: { current: { revision: number } } };
                slot.revision = e.error.current.revision;
              }
            },
          },
        ];
      },
    };
  }
}

function run(
  url: string,
  scenario: Scenario,
  options: { connections: number; duration: number },
): Promise<Measured> {
  const latencies: number[] = [];
  let conflicts = 0;
  let otherStatus = 0;
  let requestErrors = 0;
  let connection = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.duration,
        setupClient: (client) => {
          client.setRequests(scenario.requests(connection++));
        },
      },
      (err) => {
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        if (latencies.length === 0) return reject(new Error(`${scenario.name}: no successes`));
        resolve({
          name: scenario.name,
          ok: latencies.length,
          conflicts,
          otherStatus,
          requestErrors,
          seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          // Not Math.max(...latencies): over ~120,000 answers (a fast /healthz) it overflows the stack.
          max: latencies.reduce((a, b) => Math.max(a, b), 0),
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else if (status === 409) conflicts += 1;
      else otherStatus += 1;
    });
    instance.on("reqError", () => {
      requestErrors += 1;
    });
  });
}

async function measureBackend(
  backend: Backend,
  options: {
    connections: number;
    duration: number;
    manifestos: number;
    postgresUrl: string;
    logLevel: string;
    cpuProf: string | undefined;
    only: string | undefined;
    floor: boolean;
  },
  cleanup: Cleanup,
): Promise<Measured[]> {
  let target: DatabaseTarget;
  let env: Record<string, string>;
  if (backend === "postgres") {
    const scratch = await createScratchPostgres(options.postgresUrl);
    cleanup.add(() => scratch.drop());
    target = { kind: "postgres", url: scratch.url };
    env = { DATABASE_URL: scratch.url };
  } else {
    const scratch = createScratchDir("tassei-bench-api-");
    cleanup.add(() => scratch.remove());
    target = { kind: "pglite", dataDir: scratch.dir };
    // Empty counts as unset: no DATABASE_URL of the shell reaches the floor server.
    env = { TASSEI_DATA_DIR: scratch.dir, DATABASE_URL: "" };
  }
  process.stderr.write(`${backend}: importing ${options.manifestos} manifestos …\n`);
  await prepare(target, options.manifestos);
  const serverEnv = {
    ...env,
    TASSEI_DEMO: "off",
    TASSEI_LOG_LEVEL: options.logLevel,
    // The server's CPU profile, written when it stops (bench/profile-summary.ts reads it).
    ...(options.cpuProf ? profileEnv(options.cpuProf) : {}),
  };
  const server: Pick<ChildServer, "url" | "child"> & {
    stop(): Promise<unknown>;
    stderr?: () => string;
  } = options.floor
    ? await startFloorServer("floor server", serverEnv)
    : await startServer(serverEnv);
  cleanup.add(async () => {
    await server.stop();
  });
  try {
    const session = await signIn(server.url);
    const slots = await loadSlots(server.url, session);
    if (slots.length !== options.manifestos) {
      throw new Error(`expected ${options.manifestos} manifestos, found ${slots.length}`);
    }
    // --only keeps the baseline and the requests whose name contains the word (a profile of
    // one path).
    const all = scenarios(session, slots, options.floor).filter(
      (s, i) => i === 0 || !options.only || s.name.includes(options.only),
    );
    // Warm-up, not measured: JIT, connection pools, caches.
    await run(server.url, (all[1] ?? all[0]) as Scenario, {
      connections: options.connections,
      duration: 3,
    });
    // A warm-up of saves ends with answers in flight that no one reads: the slots' revisions
    // are read again, so the measured saves do not start with a 409 each.
    const fresh = new Map((await loadSlots(server.url, session)).map((s) => [s.id, s.revision]));
    for (const slot of slots) slot.revision = fresh.get(slot.id) ?? slot.revision;
    const results: Measured[] = [];
    for (const scenario of all) {
      // A profiled server starts its profile of the load after the baseline
      // (cpu-profile-hook.mjs), so it holds the measured requests alone.
      if (options.cpuProf && scenario !== all[0]) server.child.kill("SIGUSR2");
      process.stderr.write(`${backend}: ${scenario.name} for ${options.duration} s …\n`);
      results.push(await run(server.url, scenario, options));
    }
    return results;
  } catch (e) {
    process.stderr.write(server.stderr?.() ?? "");
    throw e;
  } finally {
    await server.stop();
  }
}

function report(backend: Backend, results: Measured[]): string {
  const base = results[0] as Measured;
  const rows = results.map((r) => [
    r.name,
    r.ok / r.seconds,
    r.p50,
    r.p95,
    r.p99,
    r.max,
    r.conflicts,
    r.otherStatus,
    r.requestErrors,
    formatRatio(r.p50, base.p50),
    formatRatio(base.ok / base.seconds, r.ok / r.seconds),
  ]);
  return `${backend === "pglite" ? "PGlite (embedded)" : "PostgreSQL"}\n${formatTable(
    [
      "request",
      "ok req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "409s",
      "other status",
      "no answer",
      "p50 vs healthz",
      "healthz req/s vs this",
    ],
    rows,
  )}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backend: { type: "string", default: "both" },
      duration: { type: "string" },
      connections: { type: "string" },
      manifestos: { type: "string" },
      "postgres-url": { type: "string" },
      "log-level": { type: "string", default: "warn" },
      "cpu-prof": { type: "string" },
      only: { type: "string" },
      floor: { type: "boolean", default: false },
    },
    strict: true,
  });
  const backend = values.backend;
  if (backend !== "both" && backend !== "pglite" && backend !== "postgres") {
    throw new RangeError(`--backend must be pglite, postgres or both (got "${backend}")`);
  }
  const options = {
    duration: parseCount("duration", values.duration, 10),
    connections: parseCount("connections", values.connections, 50),
    manifestos: parseCount("manifestos", values.manifestos, 50),
    postgresUrl: values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    logLevel: values["log-level"],
    cpuProf: values["cpu-prof"],
    only: values.only,
    floor: values.floor,
  };
  const backends: Backend[] = backend === "both" ? ["pglite", "postgres"] : [backend];
  const cleanup = new Cleanup();
  const out: string[] = [];
  const load = () => os.loadavg()[0]?.toFixed(1) ?? "?";
  const loadBefore = load();
  try {
    for (const b of backends) out.push(report(b, await measureBackend(b, options, cleanup)));
  } finally {
    await cleanup.run();
  }
  process.stdout.write(
    `API latency, ${options.connections} connections × ${formatNumber(options.duration)} s per request, ` +
      `server log level ${options.logLevel}\n${machineLine()}, load average ${loadBefore} before, ` +
      `${load()} after\n\n${out.join("\n")}`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
