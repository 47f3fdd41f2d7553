// One against two `tassei serve` processes on one PostgreSQL database (a scratch database,
// the demo loaded by the first process), serving the demo manifesto's public page from their
// page caches. Baseline, in the same run: one process under `--connections` connections.
// Then both processes, each under half the connections from its own autocannon instance
// (both in this process, in parallel), their req/s summed. The CPU time each process used
// during each phase is printed too: on a 2-core machine the load generator takes its share,
// so two server processes cannot get two cores.
//
//   node_modules/.bin/tsx bench/portal-processes.ts [--connections 50] [--seconds 10]
//     [--page-cache on|off] [--log-level info] [--postgres-url URL]
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { type ChildServer, get, type LoadResult, load, startTassei } from "./http-load.ts";
import {
  Cleanup,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatNumber,
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
} from "./support.ts";

const PAGE = `/242161/2023/${encodeURIComponent("総務部")}`;
const WARM_UP_SECONDS = 2;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds a process has used (Linux /proc), or NaN elsewhere. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Runs `work` and returns its result with the CPU seconds each process used meanwhile. */
async function withCpu<T>(servers: ChildServer[], work: () => Promise<T>) {
  const before = servers.map((s) => cpuSecondsOf(s.child.pid));
  const self = process.cpuUsage();
  const value = await work();
  const own = process.cpuUsage(self);
  return {
    value,
    servers: servers.map((s, i) => cpuSecondsOf(s.child.pid) - (before[i] ?? 0)),
    loadGenerator: (own.user + own.system) / 1e6,
  };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      connections: { type: "string" },
      seconds: { type: "string" },
      "page-cache": { type: "string" },
      "log-level": { type: "string" },
      "postgres-url": { type: "string" },
    },
  });
  const connections = parseCount("connections", values.connections, 50, 2);
  const seconds = parseCount("seconds", values.seconds, 10);
  const pageCache = values["page-cache"] ?? "on";
  if (pageCache !== "on" && pageCache !== "off") throw new RangeError("--page-cache is on or off");
  const logLevel = values["log-level"] ?? "info";
  const adminUrl = values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;

  const cleanup = new Cleanup();
  try {
    const scratch = await createScratchPostgres(adminUrl);
    cleanup.add(() => scratch.drop());
    const env = {
      DATABASE_URL: scratch.url,
      TASSEI_PAGE_CACHE: pageCache,
      TASSEI_LOG_LEVEL: logLevel,
    };
    process.stdout.write(
      `portal on 1 vs 2 processes: GET ${PAGE}, ${connections} connections in all, ${seconds} s, ` +
        `page cache ${pageCache}, log level ${logLevel}, database ${scratch.name} (${machineLine()})\n`,
    );
    // One after the other: the first loads the demo into the empty database.
    const a = await startTassei("process A", { ...env, TASSEI_DEMO: "on" });
    cleanup.add(() => a.stop());
    const b = await startTassei("process B", { ...env, TASSEI_DEMO: "off" });
    cleanup.add(() => b.stop());
    const pages = await Promise.all([a, b].map((s) => get(`${s.url}${PAGE}`)));
    if (
      pages.some((p) => p?.status !== 200) ||
      !pages[0]?.body.equals(pages[1]?.body ?? Buffer.alloc(0))
    ) {
      throw new Error("the two processes do not answer the same page");
    }
    process.stdout.write(`page: ${formatNumber(pages[0]?.body.length ?? 0)} bytes of HTML\n`);
    process.stderr.write(`warm-up ${WARM_UP_SECONDS} s each…\n`);
    for (const s of [a, b]) {
      await load(`${s.url}${PAGE}`, { connections, seconds: WARM_UP_SECONDS });
    }

    process.stderr.write(`one process, ${connections} connections, ${seconds} s…\n`);
    const one = await withCpu([a, b], () => load(`${a.url}${PAGE}`, { connections, seconds }));
    const half = Math.floor(connections / 2);
    process.stderr.write(
      `two processes, ${half} + ${connections - half} connections, ${seconds} s…\n`,
    );
    const two = await withCpu([a, b], () =>
      Promise.all([
        load(`${a.url}${PAGE}`, { connections: half, seconds }),
        load(`${b.url}${PAGE}`, { connections: connections - half, seconds }),
      ]),
    );

    const total = (rs: LoadResult[]) => rs.reduce((sum, r) => sum + r.reqPerSec, 0);
    const oneRate = one.value.reqPerSec;
    const cpu = (s: number) => `${s.toFixed(1)} s`;
    const rows = [
      [
        "1 process (A)",
        oneRate,
        one.value.p50,
        one.value.p99,
        one.value.failures,
        formatRatio(oneRate, oneRate),
        cpu(one.servers[0] ?? Number.NaN),
        cpu(one.servers[1] ?? Number.NaN),
        cpu(one.loadGenerator),
      ],
      ...two.value.map((r, i) => [
        `2 processes: ${i === 0 ? "A" : "B"}`,
        r.reqPerSec,
        r.p50,
        r.p99,
        r.failures,
        "",
        "",
        "",
        "",
      ]),
      [
        "2 processes: sum",
        total(two.value),
        "",
        "",
        two.value.reduce((sum, r) => sum + r.failures, 0),
        formatRatio(total(two.value), oneRate),
        cpu(two.servers[0] ?? Number.NaN),
        cpu(two.servers[1] ?? Number.NaN),
        cpu(two.loadGenerator),
      ],
    ];
    process.stdout.write(
      formatTable(
        [
          "run",
          "req/s",
          "p50 ms",
          "p99 ms",
          "failures",
          "vs 1 process",
          "CPU A",
          "CPU B",
          "CPU autocannon",
        ],
        rows,
      ),
    );
    process.stdout.write(
      `CPU: seconds of CPU time used during the ${seconds} s run; the machine has ` +
        `${seconds * os.availableParallelism()} s to give.\n`,
    );
  } finally {
    await cleanup.run();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
