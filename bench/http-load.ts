// Shared by the HTTP benchmarks (portal-page.ts, portal-processes.ts, api-latency.ts --floor):
// servers as child
// processes (`tassei serve`, and a bare node:http server as the floor), and autocannon runs
// summarised as req/s and latency percentiles. The servers run in processes of their own so
// that the load generator (autocannon, in the benchmark's process) does not share their
// event loop; on a 2-core machine they still share the CPU.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const START_TIMEOUT_MS = 90_000;

export interface ChildServer {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
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

/** One GET: the status and body, or undefined while nothing listens yet. */
export function get(url: string): Promise<{ status: number; body: Buffer } | undefined> {
  return new Promise((resolveGet) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolveGet({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.once("error", () => resolveGet(undefined));
    req.end();
  });
}

async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    // Request logs (one JSON line each, as in production) go nowhere.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const started = performance.now();
  for (;;) {
    if ((await get(`${url}${readyPath}`))?.status === 200) return { name, url, child, stop };
    if (child.exitCode !== null) throw new Error(`${name} exited before answering:\n${stderr}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`${name} did not answer within ${START_TIMEOUT_MS} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `tassei serve` as an operator runs it, with `env` (database, page cache, log level). */
export function startTassei(name: string, env: Record<string, string>): Promise<ChildServer> {
  return startChild(name, ["--import", "tsx", "src/cli/main.ts", "serve"], env, "/healthz");
}

/** bench/floor-server.ts: the app as `tassei serve` builds it, plus the least-work routes. */
export function startFloorServer(name: string, env: Record<string, string>): Promise<ChildServer> {
  return startChild(name, ["--import", "tsx", "bench/floor-server.ts"], env, "/healthz");
}

/** The floor: node:http answering every request with `file`'s bytes, read once. */
export function startBareServer(file: string, contentType: string): Promise<ChildServer> {
  const program = `
    const body = require("node:fs").readFileSync(process.env.BENCH_BODY);
    require("node:http").createServer((q, s) => {
      s.writeHead(200, { "content-type": process.env.BENCH_TYPE, "content-length": body.length });
      s.end(body);
    }).listen(Number(process.env.PORT), "127.0.0.1");`;
  return startChild(
    "bare node:http",
    ["-e", program],
    { BENCH_BODY: file, BENCH_TYPE: contentType },
    "/",
  );
}

export interface LoadResult {
  /** 2xx responses per second over the run. */
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  /** Response bytes per second, MB. */
  mbPerSec: number;
}

export async function load(
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const r = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    reqPerSec: r["2xx"] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    mbPerSec: r.throughput.average / 2 ** 20,
  };
}
