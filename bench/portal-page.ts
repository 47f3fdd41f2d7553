// The demo manifesto's public page under load: `tassei serve` on the embedded database (with
// the demo, as on a first start) with its page cache, then with TASSEI_PAGE_CACHE=off, and
// the baseline in the same run: a bare node:http server answering the very same bytes from
// memory, the floor of any Node HTTP server on this machine. autocannon runs in this
// process; each server runs in its own, one after the other (the embedded database allows
// one process at a time).
//
// With --backend postgres the servers use a scratch database on the PostgreSQL server of
// --postgres-url (BENCH_POSTGRES_URL), with the demo loaded the same way.
//
//   node_modules/.bin/tsx bench/portal-page.ts [--connections 50] [--seconds 10] [--log-level info]
//     [--cpu-prof DIR] [--backend pglite|postgres] [--postgres-url URL] [--floor]
//
// --floor adds bench/floor-server.ts with the page cache off, answering the page's one
// statement and then the page's bytes from memory: the uncached page without its rendering,
// the least any uncached page could cost while still asking the database what is published.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type ChildServer,
  get,
  type LoadResult,
  load,
  startBareServer,
  startFloorServer,
  startTassei,
} from "./http-load.ts";
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
  profileEnv,
} from "./support.ts";

const PAGE = `/242161/2023/${encodeURIComponent("総務部")}`;
const WARM_UP_SECONDS = 2;
const loadLine = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
let profiling = false;

async function measure(
  server: ChildServer,
  options: { connections: number; seconds: number },
  path = PAGE,
): Promise<LoadResult> {
  process.stderr.write(
    `${server.name}: warm-up ${WARM_UP_SECONDS} s, then ${options.seconds} s…\n`,
  );
  await load(`${server.url}${path}`, {
    connections: options.connections,
    seconds: WARM_UP_SECONDS,
  });
  // A profiled server (--cpu-prof) starts its profile of the load here (cpu-profile-hook.mjs).
  if (profiling && server.name.endsWith("=off")) server.child.kill("SIGUSR2");
  return load(`${server.url}${path}`, options);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      connections: { type: "string" },
      seconds: { type: "string" },
      "log-level": { type: "string" },
      "cpu-prof": { type: "string" },
      backend: { type: "string", default: "pglite" },
      "postgres-url": { type: "string" },
      floor: { type: "boolean", default: false },
    },
  });
  const options = {
    connections: parseCount("connections", values.connections, 50),
    seconds: parseCount("seconds", values.seconds, 10),
  };
  const logLevel = values["log-level"] ?? "info";
  profiling = values["cpu-prof"] !== undefined;
  const cleanup = new Cleanup();
  const scratch = createScratchDir("tassei-bench-portal-");
  cleanup.add(() => scratch.remove());
  const backend = values.backend;
  if (backend !== "pglite" && backend !== "postgres") {
    throw new RangeError(`--backend must be pglite or postgres (got "${backend}")`);
  }
  let databaseUrl = "";
  if (backend === "postgres") {
    const db = await createScratchPostgres(
      values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    );
    cleanup.add(() => db.drop());
    databaseUrl = db.url;
  }
  const env = {
    TASSEI_DATA_DIR: join(scratch.dir, "data"),
    TASSEI_DEMO: "on",
    TASSEI_LOG_LEVEL: logLevel,
    DATABASE_URL: databaseUrl,
  };
  process.stdout.write(
    `portal page benchmark (${backend}): GET ${PAGE}, ${options.connections} connections, ${options.seconds} s each, ` +
      `log level ${logLevel} (${machineLine()}, load average ${loadLine()})\n`,
  );
  try {
    const results: [string, LoadResult][] = [];
    const cached = await startTassei("tassei serve, page cache on", {
      ...env,
      TASSEI_PAGE_CACHE: "on",
    });
    cleanup.add(() => cached.stop());
    const page = await get(`${cached.url}${PAGE}`);
    if (page?.status !== 200) throw new Error(`the demo page answered ${page?.status}`);
    const bodyFile = join(scratch.dir, "page.html");
    writeFileSync(bodyFile, page.body);
    process.stdout.write(`page: ${formatNumber(page.body.length)} bytes of HTML\n`);
    results.push([cached.name, await measure(cached, options)]);
    await cached.stop();

    const bare = await startBareServer(bodyFile, "text/html; charset=utf-8");
    cleanup.add(() => bare.stop());
    const same = await get(`${bare.url}${PAGE}`);
    if (!same?.body.equals(page.body))
      throw new Error("the bare server does not answer the same bytes");
    results.push([`${bare.name} (baseline, same bytes)`, await measure(bare, options)]);
    await bare.stop();

    const uncached = await startTassei("tassei serve, TASSEI_PAGE_CACHE=off", {
      ...env,
      TASSEI_PAGE_CACHE: "off",
      // The uncached server's CPU profile, written when it stops (bench/profile-summary.ts).
      ...(values["cpu-prof"] ? profileEnv(values["cpu-prof"]) : {}),
    });
    cleanup.add(() => uncached.stop());
    results.push([uncached.name, await measure(uncached, options)]);
    await uncached.stop();

    if (values.floor) {
      const floorServer = await startFloorServer(
        "floor server (page statement, bytes from memory)",
        { ...env, TASSEI_PAGE_CACHE: "off" },
      );
      cleanup.add(() => floorServer.stop());
      const answered = await get(`${floorServer.url}/floor/page${PAGE}`);
      if (!answered?.body.equals(page.body))
        throw new Error("the floor server does not answer the page's bytes");
      results.push([floorServer.name, await measure(floorServer, options, `/floor/page${PAGE}`)]);
      await floorServer.stop();
    }

    const floor = results[1]?.[1].reqPerSec ?? Number.NaN;
    const cachedRate = results[0]?.[1].reqPerSec ?? Number.NaN;
    process.stdout.write(
      formatTable(
        [
          "server",
          "req/s",
          "p50 ms",
          "p99 ms",
          "MB/s",
          "failures",
          "req/s vs bare",
          "req/s vs cache on",
        ],
        results.map(([name, r]) => [
          name,
          r.reqPerSec,
          r.p50,
          r.p99,
          r.mbPerSec,
          r.failures,
          formatRatio(r.reqPerSec, floor),
          formatRatio(r.reqPerSec, cachedRate),
        ]),
      ),
    );
    process.stdout.write(`load average at the end: ${loadLine()}\n`);
  } finally {
    await cleanup.run();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
