// Assessment of one municipality-year: 25 evaluated manifestos (one per department) and the
// year before them (last year's series, which the plan-time checks hold each target against)
// are imported, then assessManifestos (database read + document parsing + assessment) is timed
// over many iterations, on the embedded database and on PostgreSQL. Two floors, measured in
// the same process: the bare SQL read of the same 25 documents, and for the pure assessment
// (assessManifesto on the documents in memory) a JSON.parse(JSON.stringify(docs)) of them,
// the least any code that touches every field of the data costs.
//
//   node_modules/.bin/tsx bench/assess.ts [--iterations 200] [--backend pglite|postgres|both]
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { openDatabase } from "../src/db/connection.ts";
import type { Database } from "../src/db/schema.ts";
import { assessManifesto, lastYearFromDocument } from "../src/domain/assessment/index.ts";
import type { ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import { assessManifestos } from "../src/services/assess-manifestos.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { knownScales } from "../src/services/municipality-scale.ts";
import { generateDataset } from "./generate.ts";
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
  ratePerSecond,
  type Summary,
  summarize,
} from "./support.ts";

type Backend = "pglite" | "postgres";
type Db = Kysely<Database>;

const EVALUATED_YEAR = 2023;
const WARM_UP = 10;

/**
 * One municipality's evaluated year. The generator plans the last listed year and evaluates
 * the ones before it, so 2023 comes out evaluated when 2024 is listed after it.
 */
function evaluatedYear(seed: number): { docs: ManifestoDocument[]; lastYear: ManifestoDocument[] } {
  const all = [
    ...generateDataset({
      municipalities: 1,
      departments: 25,
      years: [EVALUATED_YEAR - 1, EVALUATED_YEAR, 2024],
      seed,
    }),
  ];
  const docs = all.filter((e) => e.fiscalYear === EVALUATED_YEAR).map((e) => e.document);
  const lastYear = all.filter((e) => e.fiscalYear === EVALUATED_YEAR - 1).map((e) => e.document);
  if (!docs.every((d) => d.goals.every((g) => g.evaluation !== undefined))) {
    throw new Error(`the generated ${EVALUATED_YEAR} documents are not evaluated`);
  }
  return { docs, lastYear };
}

async function timeIterations(iterations: number, work: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

async function benchBackend(
  backend: Backend,
  docs: readonly ManifestoDocument[],
  lastYear: readonly ManifestoDocument[],
  iterations: number,
  postgresUrl: string,
): Promise<{ backend: Backend; service: Summary; read: Summary }> {
  const cleanup = new Cleanup();
  try {
    let target: Parameters<typeof openDatabase>[0];
    if (backend === "pglite") {
      const scratch = createScratchDir("tassei-bench-assess-");
      cleanup.add(() => scratch.remove());
      target = { kind: "pglite", dataDir: join(scratch.dir, "data") };
    } else {
      const scratch = await createScratchPostgres(postgresUrl);
      cleanup.add(() => scratch.drop());
      target = { kind: "postgres", url: scratch.url, poolSize: 2 };
    }
    const handle = await openDatabase(target, { purpose: "bench/assess.ts" });
    cleanup.add(() => handle.close());
    const ctx = { db: handle.db, actor: "bench" };
    for (const doc of [...lastYear, ...docs]) await importManifesto(ctx, doc, { published: true });

    const municipalityCode = docs[0]?.municipality.code ?? "";
    const selector = { municipalityCode, fiscalYear: EVALUATED_YEAR };
    const check = await assessManifestos(ctx, selector);
    if (check.length !== docs.length) {
      throw new Error(`assessed ${check.length} manifestos, expected ${docs.length}`);
    }
    process.stderr.write(`${backend}: ${iterations} assessments of ${docs.length} manifestos…\n`);
    const service = await timeIterations(iterations, () => assessManifestos(ctx, selector));
    const read = await timeIterations(iterations, () => readDocuments(handle.db, selector));
    return { backend, service, read };
  } finally {
    await cleanup.run();
  }
}

/** The floor of the database part: the same documents by one SQL statement, unparsed. */
function readDocuments(db: Db, q: { municipalityCode: string; fiscalYear: number }) {
  return sql`select r.document from manifestos m
    join manifesto_revisions r on r.manifesto_id = m.id and r.revision = m.current_revision
    where m.municipality_code = ${q.municipalityCode} and m.fiscal_year = ${q.fiscalYear}`.execute(
    db,
  );
}

/** Rounds of `work` over all documents until `minMs` has passed; ms per round. */
function msPerRound(work: () => void, minMs: number): number {
  for (let i = 0; i < WARM_UP; i++) work();
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    work();
    rounds++;
    elapsed = performance.now() - start;
  }
  return elapsed / rounds;
}

function benchPure(docs: readonly ManifestoDocument[], lastYear: readonly ManifestoDocument[]) {
  const previous = new Map(lastYear.map((d) => [d.department.name, d]));
  const goals = docs.reduce((n, d) => n + d.goals.length, 0);
  // The same options assessManifestos passes for a municipality without its own scale or plan.
  const options = { knownScales: knownScales(undefined), planCodes: [] as string[] };
  let sink = 0; // results are used, so no engine can drop the work
  const assessMs = msPerRound(() => {
    for (const doc of docs) {
      const last = previous.get(doc.department.name);
      sink += Object.keys(
        assessManifesto(doc, { ...options, ...(last && { lastYear: lastYearFromDocument(last) }) }),
      ).length;
    }
  }, 2000);
  const copyMs = msPerRound(() => {
    sink += (JSON.parse(JSON.stringify(docs)) as unknown[]).length;
  }, 2000);
  if (sink === 0) throw new Error("nothing was assessed");
  return { goals, assessMs, copyMs };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: "string" },
      backend: { type: "string", default: "both" },
      seed: { type: "string" },
      "postgres-url": { type: "string" },
    },
  });
  const iterations = parseCount("iterations", values.iterations, 200);
  const backends: Backend[] =
    values.backend === "both"
      ? ["pglite", "postgres"]
      : values.backend === "pglite" || values.backend === "postgres"
        ? [values.backend]
        : [];
  if (backends.length === 0) throw new RangeError("--backend must be pglite, postgres or both");
  const postgresUrl =
    values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const { docs, lastYear } = evaluatedYear(parseCount("seed", values.seed, 1, 0));

  process.stdout.write(`assessment benchmark (${machineLine()})\n`);
  const pure = benchPure(docs, lastYear);
  process.stdout.write(
    `in memory, ${docs.length} documents / ${pure.goals} goals: ` +
      `assessManifesto ${formatNumber(pure.assessMs)} ms per municipality-year ` +
      `(${formatNumber(ratePerSecond(pure.goals, pure.assessMs))} goals/s); ` +
      `JSON round trip ${formatNumber(pure.copyMs)} ms; ` +
      `assessment vs round trip ${formatRatio(pure.assessMs, pure.copyMs)}\n`,
  );

  const rows: (string | number)[][] = [];
  for (const backend of backends) {
    const r = await benchBackend(backend, docs, lastYear, iterations, postgresUrl);
    rows.push([
      r.backend,
      r.service.count,
      r.service.p50,
      r.service.p95,
      r.service.max,
      r.read.p50,
      formatRatio(r.service.p50, r.read.p50),
    ]);
  }
  process.stdout.write(
    formatTable(
      [
        "assessManifestos",
        "iterations",
        "p50 ms",
        "p95 ms",
        "max ms",
        "SQL read p50 ms",
        "p50 vs read",
      ],
      rows,
    ),
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
