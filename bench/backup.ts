// Backup and restore of a generated installation: `tassei backup` (one repeatable-read
// snapshot, rows streamed in pages, gzip) and `tassei restore` (one transaction, batched
// inserts) on the embedded database and on PostgreSQL. Baseline, in the same run: gzip of
// the same documents' JSON in memory (the floor of writing them out compressed).
//
//   node_modules/.bin/tsx bench/backup.ts [--municipalities 10] [--departments 25] [--years 5]
//     [--backend pglite|postgres|both] [--postgres-url URL]
import fs from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.ts";
import { createBackupFile } from "../src/services/backup/create-backup.ts";
import { restoreBackupFile } from "../src/services/backup/restore-backup.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { type DatasetOptions, generateDataset } from "./generate.ts";
import {
  Cleanup,
  createScratchDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatTable,
  machineLine,
  Progress,
  parseCount,
} from "./support.ts";

type Backend = "pglite" | "postgres";

async function open(backend: Backend, url: string, cleanup: Cleanup, dir: string, label: string) {
  let handle: DatabaseHandle;
  if (backend === "pglite") {
    handle = await openDatabase({ kind: "pglite", dataDir: join(dir, label) }, { purpose: label });
  } else {
    const scratch = await createScratchPostgres(url);
    cleanup.add(() => scratch.drop());
    handle = await openDatabase({ kind: "postgres", url: scratch.url, poolSize: 4 });
  }
  cleanup.add(() => handle.close());
  return handle;
}

async function fill(db: DatabaseHandle, dataset: DatasetOptions, total: number): Promise<void> {
  const ctx = { db: db.db, actor: "bench" };
  const progress = new Progress(`${db.kind} import`, total);
  let done = 0;
  for (const entry of generateDataset(dataset)) {
    await importManifesto(ctx, entry.document, { published: true });
    progress.tick(++done);
  }
}

async function gzipBaseline(dataset: DatasetOptions): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const gzip = zlib.createGzip();
  let bytes = 0;
  gzip.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const ended = new Promise((resolve) => gzip.on("end", resolve));
  for (const entry of generateDataset(dataset)) {
    if (!gzip.write(`${JSON.stringify(entry.document)}\n`)) {
      await new Promise((resolve) => gzip.once("drain", resolve));
    }
  }
  gzip.end();
  await ended;
  return { ms: performance.now() - start, bytes };
}

async function benchBackend(backend: Backend, dataset: DatasetOptions, total: number, url: string) {
  const cleanup = new Cleanup();
  const scratch = createScratchDir("tassei-bench-backup-");
  cleanup.add(() => scratch.remove());
  try {
    const source = await open(backend, url, cleanup, scratch.dir, "source");
    process.stderr.write(`${backend}: importing ${total} documents…\n`);
    await fill(source, dataset, total);
    const file = join(scratch.dir, "bench.tassei-backup.gz");
    const b0 = performance.now();
    const written = await createBackupFile(source.db, file);
    const backupMs = performance.now() - b0;
    const rssAfterBackup = process.memoryUsage().rss / 2 ** 20;
    const target = await open(backend, url, cleanup, scratch.dir, "target");
    const r0 = performance.now();
    const restored = await restoreBackupFile(target.db, file);
    const restoreMs = performance.now() - r0;
    const rows = restored.tables.reduce((n, t) => n + t.rows, 0);
    return {
      backend,
      rows,
      backupS: backupMs / 1000,
      restoreS: restoreMs / 1000,
      fileMb: fs.statSync(file).size / 2 ** 20,
      rowsPerS: (rows * 1000) / restoreMs,
      rssMb: rssAfterBackup,
      bytes: written.bytes,
    };
  } finally {
    await cleanup.run();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipalities: { type: "string" },
      departments: { type: "string" },
      years: { type: "string" },
      backend: { type: "string", default: "both" },
      "postgres-url": { type: "string" },
    },
  });
  const dataset: DatasetOptions = {
    municipalities: parseCount("municipalities", values.municipalities, 10),
    departments: parseCount("departments", values.departments, 25),
    years: parseCount("years", values.years, 5),
    seed: 1,
  };
  const backends: Backend[] =
    values.backend === "both" ? ["postgres", "pglite"] : [values.backend as Backend];
  if (!backends.every((b) => b === "pglite" || b === "postgres")) {
    throw new RangeError("--backend must be pglite, postgres or both");
  }
  const url = values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const total = dataset.municipalities * dataset.departments * (dataset.years as number);
  process.stdout.write(
    `backup benchmark: ${dataset.municipalities} × ${dataset.departments} × ${dataset.years as number} = ${total} documents (${machineLine()})\n`,
  );
  const baseline = await gzipBaseline(dataset);
  const results = [];
  for (const backend of backends) results.push(await benchBackend(backend, dataset, total, url));
  process.stdout.write(
    formatTable(
      ["backend", "rows", "backup s", "restore s", "restore rows/s", "file MB", "rss MB"],
      results.map((r) => [r.backend, r.rows, r.backupS, r.restoreS, r.rowsPerS, r.fileMb, r.rssMb]),
    ),
  );
  process.stdout.write(
    `baseline: generate + gzip the same documents in memory: ${(baseline.ms / 1000).toFixed(1)} s, ` +
      `${(baseline.bytes / 2 ** 20).toFixed(1)} MB\n`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
