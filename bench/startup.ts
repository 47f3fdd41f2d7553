// Start-up of `tassei serve` on an existing embedded database: from spawning the process to
// the first 200 from /healthz. The baseline, in the same run and interleaved with it: a bare
// `node -e` HTTP server's spawn-to-first-200, the floor of any Node process start. A second
// reference, `tsx -e` with the same bare server, shows what loading TypeScript through tsx
// costs before any of Tassei's own code runs. The first start of a fresh directory (initdb,
// migrations, demo load) is measured once.
//
//   node_modules/.bin/tsx bench/startup.ts [--runs 5]
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureServerBuild } from "../scripts/build-server.mjs";
import {
  createScratchDir,
  formatNumber,
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
  summarize,
} from "./support.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TSX_CLI = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const DIST = join(ROOT, "dist/server/main.mjs");
const BARE_SERVER =
  "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')";
const START_TIMEOUT_MS = 60_000;
const POLL_EVERY_MS = 5;

interface Candidate {
  name: string;
  args: string[];
  env: Record<string, string>;
}

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

/** One GET; the status, or undefined while nothing listens yet. */
function probe(port: number, path: string): Promise<number | undefined> {
  return new Promise((resolveStatus) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.resume();
      resolveStatus(res.statusCode);
    });
    req.once("error", () => resolveStatus(undefined));
    req.end();
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once("exit", () => resolveExit()));
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = waitForExit(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Milliseconds from spawn to the first 200; the process is stopped (SIGTERM) after. */
async function timeToFirst200(candidate: Candidate, path: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, candidate.args, {
    cwd: ROOT,
    env: { ...process.env, ...candidate.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  try {
    for (;;) {
      const status = await probe(port, path);
      if (status === 200) return performance.now() - start;
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${candidate.name} exited before answering:\n${stderr}`);
      }
      if (performance.now() - start > START_TIMEOUT_MS) {
        throw new Error(`${candidate.name} did not answer within ${START_TIMEOUT_MS} ms`);
      }
      await new Promise((r) => setTimeout(r, POLL_EVERY_MS));
    }
  } finally {
    await stop(child);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string" } } });
  const runs = parseCount("runs", values.runs, 5);
  // As `npm start` does: build the server when missing or stale.
  await ensureServerBuild();
  const scratch = createScratchDir("tassei-bench-startup-");
  process.once("SIGINT", () => {
    scratch.remove();
    process.exit(130);
  });
  const env = {
    TASSEI_DATA_DIR: join(scratch.dir, "data"),
    TASSEI_DEMO: "on",
    TASSEI_LOG_LEVEL: "warn",
    DATABASE_URL: "",
  };
  // What `npm start` and the installed command run: the production build (issue 15).
  const tassei: Candidate = { name: "tassei serve (dist/server)", args: [DIST, "serve"], env };
  // The same build with PostgreSQL's usual 128MB of shared buffers (the default before issue
  // 15's second pass): what setting them up at every start costs.
  const tassei128: Candidate = {
    name: "tassei serve (dist/server), shared buffers 128MB",
    args: [DIST, "serve"],
    env: { ...env, TASSEI_PGLITE_SHARED_BUFFERS_MB: "128" },
  };
  const tsxTassei: Candidate = {
    name: "tassei serve (sources through tsx)",
    args: [TSX_CLI, "src/cli/main.ts", "serve"],
    env,
  };
  const node: Candidate = { name: "node -e (bare http)", args: ["-e", BARE_SERVER], env: {} };
  const tsx: Candidate = {
    name: "tsx -e (bare http)",
    args: [TSX_CLI, "-e", BARE_SERVER],
    env: {},
  };

  process.stdout.write(`start-up benchmark, ${runs} runs each (${machineLine()})\n`);
  try {
    process.stderr.write("first start: fresh directory, initdb + migrations + demo…\n");
    const first = await timeToFirst200(tassei, "/healthz");
    const samples = new Map<string, number[]>([
      [node.name, []],
      [tsx.name, []],
      [tassei.name, []],
      [tassei128.name, []],
      [tsxTassei.name, []],
    ]);
    // Interleaved, so a noisy moment falls on every candidate alike.
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`run ${i + 1}/${runs}\n`);
      samples.get(node.name)?.push(await timeToFirst200(node, "/"));
      samples.get(tsx.name)?.push(await timeToFirst200(tsx, "/"));
      samples.get(tassei.name)?.push(await timeToFirst200(tassei, "/healthz"));
      samples.get(tassei128.name)?.push(await timeToFirst200(tassei128, "/healthz"));
      samples.get(tsxTassei.name)?.push(await timeToFirst200(tsxTassei, "/healthz"));
    }
    const nodeMedian = summarize(samples.get(node.name) ?? []).p50;
    const rows = [...samples].map(([name, ms]) => {
      const s = summarize(ms);
      return [name, s.min, s.p50, s.max, formatRatio(s.p50, nodeMedian)];
    });
    rows.push(["tassei serve, first start", first, first, first, formatRatio(first, nodeMedian)]);
    process.stdout.write(
      formatTable(["spawn → first 200", "min ms", "median ms", "max ms", "median vs node"], rows),
    );
    for (const [name, ms] of samples) {
      process.stdout.write(`  ${name}: ${ms.map((m) => formatNumber(m)).join(", ")} ms\n`);
    }
    process.stdout.write(
      `tassei serve (dist/server) on an existing database: median ${formatNumber(summarize(samples.get(tassei.name) ?? []).p50)} ms\n`,
    );
  } finally {
    scratch.remove();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
