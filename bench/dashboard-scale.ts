// The planning dashboard and the public search at scale, on a PostgreSQL server: a scratch
// database loaded with generated manifestos (default 1,000 municipalities × 25 departments ×
// 5 years = 125,000 documents, through importManifesto, published), then
//   (a) getPlanningDashboard for random municipality-years,
//   (b) searchPublicManifestos for a 2-character word within one municipality and across all,
// each against the plain SQL it sends, captured and run again by psql with `\timing on`.
//
//   node_modules/.bin/tsx bench/dashboard-scale.ts [--municipalities 1000] [--departments 25]
//     [--years 5] [--concurrency 4] [--iterations 200] [--word 防災] [--seed 1]
//     [--postgres-url URL] [--reuse DATABASE_URL] [--keep] [--explain]
//
// --reuse measures an already loaded database (left in place); --keep leaves the scratch
// database behind and prints its URL, for a later --reuse.
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { type DatabaseHandle, DEFAULT_TIMEOUTS, openDatabase } from "../src/db/connection.ts";
import type { StaffUser } from "../src/domain/roles.ts";
import { staffContext } from "../src/services/auth/staff-context.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { getPlanningDashboard } from "../src/services/planning/get-dashboard.ts";
import { searchPublicManifestos } from "../src/services/portal/search-public-goals.ts";
import {
  fiscalYearsOf,
  type GeneratedMunicipality,
  generateManifesto,
  generateMunicipalities,
} from "./generate.ts";
import { Random, seedOf } from "./generate-words.ts";
import {
  type CapturedStatement,
  capturingKysely,
  psqlExplain,
  psqlGroupTimes,
} from "./psql-timing.ts";
import {
  Cleanup,
  createScratchDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatNumber,
  formatRatio,
  formatTable,
  machineLine,
  Progress,
  parseCount,
  ratePerSecond,
  summarize,
} from "./support.ts";

interface Dataset {
  municipalities: GeneratedMunicipality[];
  departments: number;
  years: number[];
  seed: number;
}

/**
 * Each importer takes whole municipalities (every `concurrency`-th one), so that two never
 * create the same municipality or department at once; documents are generated on the way.
 */
async function load(db: DatabaseHandle["db"], data: Dataset, concurrency: number) {
  const total = data.municipalities.length * data.departments * data.years.length;
  const progress = new Progress("load", total);
  const last = data.years.at(-1);
  const ctx: ServiceContext = { db, actor: "bench" };
  let done = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const worker = async (k: number) => {
    for (let i = k; i < data.municipalities.length; i += concurrency) {
      const municipality = data.municipalities[i] as GeneratedMunicipality;
      for (let departmentIndex = 0; departmentIndex < data.departments; departmentIndex++) {
        for (const fiscalYear of data.years) {
          const document = generateManifesto({
            municipality,
            fiscalYear,
            departmentIndex,
            seed: data.seed,
            evaluated: fiscalYear !== last,
          });
          try {
            await importManifesto(ctx, document, { published: true, source: "bench" });
          } catch (e) {
            failures++;
            firstFailure ??= e instanceof Error ? e.message : String(e);
          }
          done++;
          progress.tick(done);
        }
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, k) => worker(k)));
  const ms = performance.now() - start;
  progress.sampleMemory();
  return { ms, done, failures, firstFailure, peakRssMb: progress.peakRssMb };
}

interface Case<P> {
  name: string;
  goalMs: number;
  params: P[];
  /** The use case, on the given context (the measured one, or the capturing one). */
  run(ctx: ServiceContext, p: P): Promise<number>;
}

interface CaseResult {
  name: string;
  goalMs: number;
  service: number[];
  psql: number[];
  statements: number;
  results: number;
  /** The statements of the first run, for --explain. */
  first: CapturedStatement[];
}

const WARM_UP = 5;
const CHUNK = 25;

/**
 * The service and psql alternate in chunks of the same parameters, so that a noisy minute of
 * the machine falls on both. The statements are captured by a second, untimed run of the chunk.
 */
async function measure<P>(
  c: Case<P>,
  ctx: ServiceContext,
  capture: { ctx: ServiceContext; log: CapturedStatement[] },
  url: string,
  scratchDir: string,
): Promise<CaseResult> {
  const out: CaseResult = {
    name: c.name,
    goalMs: c.goalMs,
    service: [],
    psql: [],
    statements: 0,
    results: 0,
    first: [],
  };
  for (const p of c.params.slice(0, WARM_UP)) await c.run(ctx, p);
  for (let from = 0; from < c.params.length; from += CHUNK) {
    const chunk = c.params.slice(from, from + CHUNK);
    for (const p of chunk) {
      const start = performance.now();
      out.results += await c.run(ctx, p);
      out.service.push(performance.now() - start);
    }
    const groups: CapturedStatement[][] = [];
    for (const p of chunk) {
      capture.log.length = 0;
      await c.run(capture.ctx, p);
      groups.push([...capture.log]);
    }
    out.statements = groups[0]?.length ?? 0;
    if (out.first.length === 0) out.first = groups[0] ?? [];
    // The first groups of each psql session warm its connection; they are run, not counted.
    const warm = groups.slice(0, 2);
    const times = await psqlGroupTimes(url, [...warm, ...groups], scratchDir);
    out.psql.push(...times.slice(warm.length));
    process.stderr.write(`  ${c.name}: ${out.service.length}/${c.params.length}\n`);
  }
  return out;
}

function report(results: readonly CaseResult[]): string {
  const rows = results.map((r) => {
    const s = summarize(r.service);
    const q = summarize(r.psql);
    return [
      r.name,
      r.service.length,
      r.statements,
      r.results / r.service.length,
      s.p50,
      s.p95,
      s.max,
      q.p50,
      q.p95,
      formatRatio(s.p50, q.p50),
      formatRatio(s.p95, q.p95),
      `${r.goalMs}`,
      s.p95 < r.goalMs ? "met" : "not met",
    ];
  });
  return formatTable(
    [
      "case",
      "n",
      "stmts",
      "rows/run",
      "p50 ms",
      "p95 ms",
      "max ms",
      "psql p50",
      "psql p95",
      "p50 vs psql",
      "p95 vs psql",
      "goal p95 ms",
      "goal",
    ],
    rows,
  );
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipalities: { type: "string" },
      departments: { type: "string" },
      years: { type: "string" },
      seed: { type: "string" },
      concurrency: { type: "string" },
      iterations: { type: "string" },
      word: { type: "string", default: "防災" },
      "postgres-url": { type: "string" },
      reuse: { type: "string" },
      keep: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
    },
  });
  const seed = parseCount("seed", values.seed, 1, 0);
  const data: Dataset = {
    municipalities: generateMunicipalities(
      parseCount("municipalities", values.municipalities, 1000),
      seed,
    ),
    departments: parseCount("departments", values.departments, 25),
    years: fiscalYearsOf(parseCount("years", values.years, 5)),
    seed,
  };
  const concurrency = parseCount("concurrency", values.concurrency, 4);
  const iterations = parseCount("iterations", values.iterations, 200);
  const adminUrl = values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const total = data.municipalities.length * data.departments * data.years.length;

  const cleanup = new Cleanup();
  try {
    let url = values.reuse;
    if (url === undefined) {
      const scratch = await createScratchPostgres(adminUrl);
      url = scratch.url;
      // Scratch data: a commit need not wait for the disk (a crash would only lose the
      // scratch database). 125,000 one-document transactions are otherwise bound by fsync.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`alter database ${scratch.name} set synchronous_commit = off`);
      await client.end();
      if (values.keep) process.stdout.write(`scratch database kept: ${url}\n`);
      else cleanup.add(() => scratch.drop());
    }
    // Loading and `vacuum analyze` on a busy shared machine outlast the server's default
    // statement time limit (a guard for requests, not for a benchmark's set-up).
    const handle = await openDatabase({
      kind: "postgres",
      url,
      poolSize: concurrency,
      timeouts: { ...DEFAULT_TIMEOUTS, queryMs: 600_000 },
    });
    cleanup.add(() => handle.close());
    const db = handle.db;
    process.stdout.write(
      `dashboard-scale: ${data.municipalities.length} municipalities × ${data.departments} departments × ${data.years.length} years (${data.years[0]}–${data.years.at(-1)}) = ${total} documents (${machineLine()})\n`,
    );

    if (values.reuse === undefined) {
      process.stderr.write(`loading ${total} documents, ${concurrency} importers…\n`);
      const loaded = await load(db, data, concurrency);
      process.stdout.write(
        `load: ${(loaded.ms / 1000).toFixed(1)} s, ${formatNumber(ratePerSecond(loaded.done - loaded.failures, loaded.ms))} docs/s, ${loaded.failures} failed, peak rss ${loaded.peakRssMb.toFixed(0)} MB\n`,
      );
      if (loaded.firstFailure) process.stdout.write(`first failure: ${loaded.firstFailure}\n`);
    }
    const analyzed = performance.now();
    await sql`vacuum analyze`.execute(db);
    const counts = await sql<{ manifestos: string; goals: string; bytes: string }>`
      select (select count(*) from manifestos) as manifestos, (select count(*) from search_goals) as goals,
        pg_database_size(current_database()) as bytes`.execute(db);
    const c = counts.rows[0];
    process.stdout.write(
      `vacuum analyze: ${((performance.now() - analyzed) / 1000).toFixed(1)} s; ${c?.manifestos} manifestos, ${c?.goals} goals, database ${formatNumber(Number(c?.bytes) / 2 ** 20)} MB\n`,
    );

    // Random municipality-years, the same for every run with one seed.
    const rng = new Random(seedOf("dashboard-scale", seed));
    const pickMunicipality = () => rng.pick(data.municipalities);
    const planner = (code: string): StaffUser => ({
      id: 0,
      username: "bench-planning",
      role: "planning",
      municipalityCode: code,
      departmentId: null,
    });
    const word = values.word;
    const cases: Case<{ code: string; year: number }>[] = [
      {
        name: "dashboard (municipality-year)",
        goalMs: 100,
        params: Array.from({ length: iterations }, () => ({
          code: pickMunicipality().code,
          year: rng.pick(data.years),
        })),
        run: async (ctx, p) =>
          (await getPlanningDashboard(staffContext(ctx, planner(p.code)), p.code, p.year))
            .departments.length,
      },
      {
        name: `search "${word}" in one municipality`,
        goalMs: 200,
        params: Array.from({ length: iterations }, () => ({
          code: pickMunicipality().code,
          year: 0,
        })),
        run: async (ctx, p) =>
          (await searchPublicManifestos(ctx, { text: word, municipalityCode: p.code })).hits.length,
      },
      {
        name: `search "${word}" across all`,
        goalMs: 200,
        params: Array.from({ length: iterations }, () => ({ code: "", year: 0 })),
        run: async (ctx) => (await searchPublicManifestos(ctx, { text: word })).hits.length,
      },
    ];

    const capturePool = new pg.Pool({ connectionString: url, max: 1 });
    const log: CapturedStatement[] = [];
    const captureDb = capturingKysely(capturePool, log);
    cleanup.add(() => captureDb.destroy());
    const scratchDir = createScratchDir("tassei-bench-psql-");
    cleanup.add(() => scratchDir.remove());
    const ctx: ServiceContext = { db, actor: "bench" };
    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      results.push(
        await measure(
          benchCase,
          ctx,
          { ctx: { db: captureDb, actor: "bench" }, log },
          url,
          scratchDir.dir,
        ),
      );
    }
    process.stdout.write(report(results));
    process.stdout.write(
      "psql: the same statements with the same values, one session per chunk of 25, `\\timing on`, summed per run (the service sends some of them concurrently).\n",
    );
    if (values.explain) {
      for (const r of results) {
        for (const statement of r.first) {
          process.stdout.write(`\n${r.name}:\n${await psqlExplain(url, statement)}`);
        }
      }
    }
  } finally {
    await cleanup.run();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
