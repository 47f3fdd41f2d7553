// The figures docs/operations.md quotes: memory of an idle `tassei serve` on each database,
// the size of a fresh embedded data directory holding the demo, and the start after a crash
// (SIGKILL: the lock and socket are left behind, PGlite recovers its WAL) against the start
// after a clean stop (SIGTERM), on the same data directory, interleaved. Then the size of
// the directory after importing --manifestos generated documents (40 municipalities × 25
// departments = 1,000 by default; published, as a year's worth of a prefecture).
//
//   node_modules/.bin/tsx bench/operations.ts [--runs 5] [--manifestos 1000] [--postgres-url URL]
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { generateDataset } from "./generate.ts";
import {
  createScratchDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatTable,
  machineLine,
  parseCount,
  summarize,
} from "./support.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TASSEI = join(ROOT, "bin/tassei.mjs");
/** After the first 200, how long the server sits idle before its memory is read. */
const SETTLE_MS = 5_000;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function healthz(port: number): Promise<number | undefined> {
  return new Promise((done) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
      res.resume();
      done(res.statusCode);
    });
    req.once("error", () => done(undefined));
    req.end();
  });
}

interface Started {
  child: ChildProcess;
  readyMs: number;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [TASSEI, "serve"], {
    cwd: ROOT,
    env: { ...process.env, TASSEI_LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if ((await healthz(port)) === 200) return { child, readyMs: performance.now() - t0 };
    if (child.exitCode !== null) throw new Error("tassei serve exited before answering");
    await new Promise((r) => setTimeout(r, 5));
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill(signal);
  });
}

/** Resident memory of the process (tassei.mjs runs the program in its own process). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) / 1024;
}

async function idleRss(env: Record<string, string>): Promise<number> {
  const { child } = await start(env);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const mb = rssMb(child.pid ?? 0);
  await stop(child, "SIGTERM");
  return mb;
}

function sizeMb(dir: string): number {
  const du = execFileSync("du", ["-sk", dir], { encoding: "utf8" });
  return Number(du.split("\t")[0]) / 1024;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string" },
      manifestos: { type: "string" },
      "postgres-url": { type: "string" },
    },
  });
  const runs = parseCount("runs", values.runs, 5);
  const manifestos = parseCount("manifestos", values.manifestos, 1000);
  const scratch = createScratchDir("tassei-bench-operations-");
  const dataDir = join(scratch.dir, "data");
  const embedded = { TASSEI_DATA_DIR: dataDir, TASSEI_DEMO: "on", DATABASE_URL: "" };
  const pg = await createScratchPostgres(
    values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
  );
  try {
    const first = await start(embedded); // initdb, migrations, the demo
    await stop(first.child, "SIGTERM");
    const dataMb = sizeMb(dataDir);

    const rss = { embedded: [] as number[], postgres: [] as number[] };
    const after = { clean: [] as number[], crash: [] as number[] };
    const postgres = { DATABASE_URL: pg.url, TASSEI_DEMO: "on" };
    for (let i = 0; i < runs; i++) {
      rss.embedded.push(await idleRss(embedded));
      rss.postgres.push(await idleRss(postgres));
      // The start after a clean stop, then after a SIGKILL of a started server.
      const clean = await start(embedded);
      after.clean.push(clean.readyMs);
      await stop(clean.child, "SIGKILL");
      const crash = await start(embedded);
      after.crash.push(crash.readyMs);
      await stop(crash.child, "SIGTERM");
    }
    const row = (name: string, samples: number[], unit: string) => {
      const s = summarize(samples);
      return [name, unit, s.min, s.p50, s.max];
    };
    process.stdout.write(`${machineLine()}\n`);
    process.stdout.write(`fresh embedded data directory with the demo: ${dataMb.toFixed(1)} MB\n`);
    process.stdout.write(
      `${formatTable(
        ["figure", "unit", "min", "p50", "max"],
        [
          row("idle RSS, embedded", rss.embedded, "MB"),
          row("idle RSS, PostgreSQL", rss.postgres, "MB"),
          row("start after SIGTERM", after.clean, "ms"),
          row("start after SIGKILL", after.crash, "ms"),
        ],
      )}\n`,
    );
    const ratio = summarize(after.crash).p50 / summarize(after.clean).p50;
    process.stdout.write(`start after a crash vs after a clean stop (p50): ${ratio.toFixed(2)}×\n`);

    const handle = await openDatabase({ kind: "pglite", dataDir }, { purpose: "bench" });
    const departments = 25;
    const dataset = generateDataset({
      municipalities: Math.ceil(manifestos / departments),
      departments,
      years: 1,
      seed: 1,
    });
    let imported = 0;
    for (const entry of dataset) {
      if (imported >= manifestos) break;
      await importManifesto({ db: handle.db, actor: "bench" }, entry.document, {
        published: true,
      });
      imported++;
    }
    await handle.close();
    const justImported = sizeMb(dataDir);
    // A server start and stop: what the directory settles to once PostgreSQL has checkpointed.
    const settled = await start(embedded);
    await stop(settled.child, "SIGTERM");
    process.stdout.write(
      `embedded data directory with the demo and ${imported} more manifestos: ` +
        `${justImported.toFixed(1)} MB right after the import, ${sizeMb(dataDir).toFixed(1)} MB after a start and stop\n`,
    );
  } finally {
    await pg.drop();
    scratch.remove();
  }
}

await main(process.argv.slice(2));
