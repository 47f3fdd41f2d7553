// Import throughput: generated manifestos through importManifesto (validation, the
// revision, the read model, indicators, the audit event, one transaction per document)
// into the embedded database and into PostgreSQL. The baseline, in the same run and the
// same scratch database: the same documents inserted as raw JSON into a bare
// `bench_raw(doc jsonb)` table, one transaction per document — the floor of any import.
//
//   node_modules/.bin/tsx bench/import.ts [--municipalities 40] [--departments 25] [--years 1]
//     [--backend pglite|postgres|both] [--concurrency 4] [--postgres-url URL] [--skip-raw]
//
// Documents stream from the generator to the importers: 25,000 never sit in memory at once.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.ts";
import { validateManifesto } from "../src/domain/manifesto/validate.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { type DatasetOptions, type GeneratedEntry, generateDataset } from "./generate.ts";
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
} from "./support.ts";

type Backend = "pglite" | "postgres";

interface DrainResult {
  ms: number;
  done: number;
  failures: number;
  firstFailure?: string;
  peakRssMb: number;
}

/**
 * `concurrency` workers pull from one generator until it is empty. The generator is
 * synchronous, so two workers never receive the same document.
 */
async function drain(
  label: string,
  dataset: DatasetOptions,
  total: number,
  concurrency: number,
  work: (entry: GeneratedEntry) => Promise<unknown>,
): Promise<DrainResult> {
  const entries = generateDataset(dataset);
  const progress = new Progress(label, total);
  let done = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const worker = async () => {
    for (let next = entries.next(); !next.done; next = entries.next()) {
      try {
        await work(next.value);
      } catch (e) {
        failures++;
        firstFailure ??= e instanceof Error ? e.message : String(e);
      }
      done++;
      progress.tick(done);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  progress.sampleMemory();
  return {
    ms,
    done,
    failures,
    peakRssMb: progress.peakRssMb,
    ...(firstFailure !== undefined && { firstFailure }),
  };
}

/** Generation alone and validation alone, in memory, each timed apart from the other. */
function measureInMemory(dataset: DatasetOptions) {
  let generateMs = 0;
  let validateMs = 0;
  let count = 0;
  let invalid = 0;
  const entries = generateDataset(dataset);
  for (;;) {
    const t0 = performance.now();
    const next = entries.next();
    const t1 = performance.now();
    generateMs += t1 - t0;
    if (next.done) break;
    if (!validateManifesto(next.value.document).ok) invalid++;
    validateMs += performance.now() - t1;
    count++;
  }
  return { count, invalid, generateMs, validateMs };
}

interface BackendResult {
  backend: Backend;
  concurrency: number;
  importRun: DrainResult;
  rawRun?: DrainResult;
  stored: number;
  sizeMb: number;
}

async function openBackend(
  backend: Backend,
  postgresUrl: string,
  concurrency: number,
  cleanup: Cleanup,
): Promise<DatabaseHandle> {
  if (backend === "pglite") {
    const scratch = createScratchDir("tassei-bench-import-");
    cleanup.add(() => scratch.remove());
    const handle = await openDatabase(
      { kind: "pglite", dataDir: join(scratch.dir, "data") },
      { purpose: "bench/import.ts" },
    );
    cleanup.add(() => handle.close());
    return handle;
  }
  const scratch = await createScratchPostgres(postgresUrl);
  cleanup.add(() => scratch.drop());
  const handle = await openDatabase({ kind: "postgres", url: scratch.url, poolSize: concurrency });
  cleanup.add(() => handle.close());
  return handle;
}

async function benchBackend(
  backend: Backend,
  dataset: DatasetOptions,
  total: number,
  options: { concurrency: number; postgresUrl: string; skipRaw: boolean },
): Promise<BackendResult> {
  // PGlite runs one query at a time: more importers would only queue.
  const concurrency = backend === "pglite" ? 1 : options.concurrency;
  // Each backend's database is gone before the next one runs, so they do not compete.
  const cleanup = new Cleanup();
  try {
    return await measureBackend(backend, dataset, total, concurrency, {
      ...(await openBackend(backend, options.postgresUrl, concurrency, cleanup)),
      skipRaw: options.skipRaw,
    });
  } finally {
    await cleanup.run();
  }
}

async function measureBackend(
  backend: Backend,
  dataset: DatasetOptions,
  total: number,
  concurrency: number,
  { db, skipRaw }: { db: DatabaseHandle["db"]; skipRaw: boolean },
): Promise<BackendResult> {
  const ctx = { db, actor: "bench" };
  let rawRun: DrainResult | undefined;
  if (!skipRaw) {
    await sql`create table bench_raw (doc jsonb not null)`.execute(db);
    process.stderr.write(`${backend}: raw JSON inserts (baseline)…\n`);
    rawRun = await drain(`${backend} raw`, dataset, total, concurrency, (entry) =>
      sql`insert into bench_raw (doc) values (${JSON.stringify(entry.document)}::jsonb)`.execute(
        db,
      ),
    );
  }
  process.stderr.write(`${backend}: importManifesto × ${total}, ${concurrency} at a time…\n`);
  const importRun = await drain(`${backend} import`, dataset, total, concurrency, (entry) =>
    importManifesto(ctx, entry.document),
  );
  const counted = await sql<{ n: string }>`select count(*) as n from manifestos`.execute(db);
  const size = await sql<{
    bytes: string;
  }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return {
    backend,
    concurrency,
    importRun,
    ...(rawRun && { rawRun }),
    stored: Number(counted.rows[0]?.n ?? 0),
    sizeMb: Number(size.rows[0]?.bytes ?? 0) / 2 ** 20,
  };
}

function report(results: readonly BackendResult[], total: number): string {
  const rows = results.map((r) => {
    const importRate = ratePerSecond(r.importRun.done - r.importRun.failures, r.importRun.ms);
    const rawRate = r.rawRun ? ratePerSecond(r.rawRun.done, r.rawRun.ms) : Number.NaN;
    return [
      r.backend,
      r.concurrency,
      total,
      importRate,
      rawRate,
      // How many times the floor one import costs: raw rate over import rate.
      formatRatio(rawRate, importRate),
      (r.importRun.ms / 1000).toFixed(1),
      r.importRun.failures,
      r.stored,
      r.sizeMb,
      r.importRun.peakRssMb,
    ];
  });
  const table = formatTable(
    [
      "backend",
      "conc",
      "docs",
      "import docs/s",
      "raw docs/s",
      "import cost vs raw",
      "import wall s",
      "failed",
      "stored",
      "db MB",
      "peak rss MB",
    ],
    rows,
  );
  const notes = results.flatMap((r) =>
    r.importRun.firstFailure ? [`${r.backend}: first failure: ${r.importRun.firstFailure}`] : [],
  );
  return notes.length > 0 ? `${table}${notes.join("\n")}\n` : table;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipalities: { type: "string" },
      departments: { type: "string" },
      years: { type: "string" },
      seed: { type: "string" },
      backend: { type: "string", default: "both" },
      concurrency: { type: "string" },
      "postgres-url": { type: "string" },
      "skip-raw": { type: "boolean", default: false },
    },
  });
  const backends: Backend[] =
    values.backend === "both"
      ? ["postgres", "pglite"]
      : values.backend === "pglite" || values.backend === "postgres"
        ? [values.backend]
        : [];
  if (backends.length === 0) throw new RangeError("--backend must be pglite, postgres or both");
  const dataset: DatasetOptions = {
    municipalities: parseCount("municipalities", values.municipalities, 40),
    departments: parseCount("departments", values.departments, 25),
    years: parseCount("years", values.years, 1),
    seed: parseCount("seed", values.seed, 1, 0),
  };
  const concurrency = parseCount("concurrency", values.concurrency, 4);
  const postgresUrl =
    values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const total = dataset.municipalities * dataset.departments * (dataset.years as number);

  process.stdout.write(
    `import benchmark: ${dataset.municipalities} municipalities × ${dataset.departments} departments × ${dataset.years as number} year(s) = ${total} documents (${machineLine()})\n`,
  );
  const memory = measureInMemory(dataset);
  if (memory.invalid > 0) throw new Error(`${memory.invalid} generated documents are invalid`);
  process.stdout.write(
    `in memory: generate ${formatNumber(ratePerSecond(memory.count, memory.generateMs))} docs/s, ` +
      `validate ${formatNumber(ratePerSecond(memory.count, memory.validateMs))} docs/s\n`,
  );

  const results: BackendResult[] = [];
  for (const backend of backends) {
    results.push(
      await benchBackend(backend, dataset, total, {
        concurrency,
        postgresUrl,
        skipRaw: values["skip-raw"],
      }),
    );
  }
  process.stdout.write(report(results, total));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
