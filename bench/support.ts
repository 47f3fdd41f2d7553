// Shared by the benchmarks: statistics over timings, rates and ratios, a plain-text table,
// progress lines on stderr, option parsing, and scratch databases that are removed after.
// Benchmarks print figures, not verdicts: the machine is noisy, so each figure comes with
// a baseline measured in the same process and the ratio between them.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile (0–100) of the samples, interpolating linearly between the two
 * nearest ranks (the common "type 7" definition), so p50 of [1, 2, 3, 4] is 2.5.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError("no samples");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not within 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - below);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("no samples");
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const s of samples) {
    if (s < min) min = s;
    if (s > max) max = s;
    sum += s;
  }
  return {
    count: samples.length,
    min,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max,
    mean: sum / samples.length,
  };
}

/** Items per second; a zero duration has no meaningful rate. */
export function ratePerSecond(items: number, milliseconds: number): number {
  if (!(milliseconds > 0)) return Number.NaN;
  return (items * 1000) / milliseconds;
}

/** `measured / baseline` as "×1.23", the way every benchmark states its result. */
export function formatRatio(measured: number, baseline: number): string {
  if (!(baseline > 0) || !Number.isFinite(measured)) return "—";
  const r = measured / baseline;
  return `×${r >= 10 ? r.toFixed(1) : r.toFixed(2)}`;
}

/** Three significant figures are all a noisy machine's figures are worth. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "—";
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toLocaleString("en-US");
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export function timeSync<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

/** Columns padded to their widest cell; numbers right-aligned, text left-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = rows.map((r) => header.map((_, i) => r[i] ?? ""));
  const text = cells.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)));
  const widths = header.map((h, i) =>
    Math.max(h.length, ...text.map((r) => (r[i] as string).length)),
  );
  const line = (r: readonly string[], numeric: readonly boolean[]) =>
    r
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return numeric[i] ? c.padStart(w) : c.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const out = [line(header, []), widths.map((w) => "-".repeat(w)).join("  ")];
  cells.forEach((r, i) => {
    out.push(
      line(
        text[i] as string[],
        r.map((c) => typeof c === "number"),
      ),
    );
  });
  return `${out.join("\n")}\n`;
}

/** A whole number ≥ min from a command-line option, or a message naming the option. */
export function parseCount(name: string, value: string | undefined, fallback: number, min = 1) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`--${name} must be a whole number ≥ ${min} (got "${value}")`);
  }
  return n;
}

/**
 * A line on stderr at most every `everyMs`, so a long run shows it is alive and how fast it
 * goes, with the process's peak memory (the generator streams; memory must stay flat).
 */
export class Progress {
  private lastReport: number;
  private readonly start = performance.now();
  peakRssMb = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly everyMs = 3000,
  ) {
    this.lastReport = this.start;
  }

  tick(done: number): void {
    const now = performance.now();
    if (now - this.lastReport < this.everyMs) return;
    this.lastReport = now;
    this.sampleMemory();
    const rate = ratePerSecond(done, now - this.start);
    process.stderr.write(
      `  ${this.label}: ${done}/${this.total} (${formatNumber(rate)}/s, ` +
        `${((now - this.start) / 1000).toFixed(0)} s, rss ${this.peakRssMb.toFixed(0)} MB)\n`,
    );
  }

  sampleMemory(): void {
    this.peakRssMb = Math.max(this.peakRssMb, process.memoryUsage().rss / 2 ** 20);
  }
}

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export interface ScratchPostgres {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the server of `adminUrl`, named `<prefix>_<random>`; the URL
 * points at it, and drop() removes it even with connections still open.
 */
export async function createScratchPostgres(
  adminUrl: string,
  prefix = "tassei_bench",
): Promise<ScratchPostgres> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export interface ScratchDir {
  dir: string;
  remove(): void;
}

export function createScratchDir(prefix = "tassei-bench-"): ScratchDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `cleanups` (last registered first) on exit and on Ctrl-C, each once. */
export class Cleanup {
  private readonly tasks: (() => void | Promise<void>)[] = [];
  private running: Promise<void> | undefined;
  private readonly onInterrupt = () => {
    void this.run().finally(() => process.exit(130));
  };
  // An exception thrown in a callback (a load generator's, say) ends the process without
  // any `finally`: the servers and scratch databases the bench started would be left
  // behind. So it is reported, the cleanup runs, and the process ends with status 1. Another
  // one while the tasks run is reported too, and waits for them.
  private readonly onFatal = (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    void this.run().finally(() => process.exit(1));
  };

  constructor() {
    process.once("SIGINT", this.onInterrupt);
    process.on("uncaughtException", this.onFatal);
    process.on("unhandledRejection", this.onFatal);
  }

  add(task: () => void | Promise<void>): void {
    this.tasks.push(task);
  }

  /** Runs the tasks once, the last added first; every caller waits until they have ended. */
  run(): Promise<void> {
    this.running ??= this.runTasks();
    return this.running;
  }

  private async runTasks(): Promise<void> {
    process.removeListener("SIGINT", this.onInterrupt);
    try {
      for (const task of this.tasks.reverse()) {
        try {
          await task();
        } catch (e) {
          process.stderr.write(`cleanup failed: ${e instanceof Error ? e.message : String(e)}\n`);
        }
      }
    } finally {
      process.removeListener("uncaughtException", this.onFatal);
      process.removeListener("unhandledRejection", this.onFatal);
    }
  }
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `node ${process.version}, ${os.availableParallelism()} × ${cpu}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The environment that makes a child Node process write its CPU profile into `dir` on exit. */
export function profileEnv(dir: string): Record<string, string> {
  const hook = new URL("./cpu-profile-hook.mjs", import.meta.url).pathname;
  return { NODE_OPTIONS: `--import ${hook}`, BENCH_CPU_PROF_DIR: dir };
}
