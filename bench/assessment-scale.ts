// Assessment of one municipality-year at scale (issue #11): a scratch PostgreSQL database
// holding 1,000 municipalities × 25 departments × 5 years (125,000 manifestos, default), then
// assessManifestos — this year's documents, last year's numeric targets of every department
// (the history checks), the plan-time checks and the year-end checks — for random
// municipality-years that have a year before them. Beside it, in the same run and on the same
// connection pool, the plain SQL floor: the two statements that read the same rows (the
// current documents of the year, last year's numeric targets), unparsed. Then the
// target-text parser's throughput over 10,000 texts.
//
// The data: a few seed municipalities through the real import (documents, read model,
// indicators), then copied to the others by INSERT … SELECT, one statement per table per
// chunk of municipalities — minutes instead of hours of single imports.
//
//   node_modules/.bin/tsx bench/assessment-scale.ts [--municipalities 1000] [--departments 25]
//     [--years 5] [--seeds 4] [--iterations 200] [--seed 1] [--postgres-url URL] [--keep]
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { openDatabase } from "../src/db/connection.ts";
import type { Database } from "../src/db/schema.ts";
import { municipalityCheckDigit } from "../src/domain/municipality-code.ts";
import { assessManifestos } from "../src/services/assess-manifestos.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { fiscalYearsOf, generateDataset } from "./generate.ts";
import { Random } from "./generate-words.ts";
import { parserThroughput } from "./parse-targets.ts";
import {
  Cleanup,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatNumber,
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
  summarize,
} from "./support.ts";

type Db = Kysely<Database>;

const CLONE_CHUNK = 50;
const WARM_UP = 10;

/** The columns of a table, in order, from the catalogue (later migrations add some). */
async function columnsOf(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  return r.rows.map((c) => c.column_name);
}

/**
 * `insert into T (cols) select <expr per col> from <from>`: every column copied from `s.`
 * unless `replace` gives its expression; `omit` leaves generated ids to the sequence.
 */
async function copyRows(
  db: Db,
  table: string,
  from: string,
  replace: Record<string, string>,
  omit: readonly string[] = [],
): Promise<void> {
  const cols = (await columnsOf(db, table)).filter((c) => !omit.includes(c));
  const exprs = cols.map((c) => replace[c] ?? `s.${c}`);
  await sql
    .raw(`insert into ${table} (${cols.join(", ")}) select ${exprs.join(", ")} from ${from}`)
    .execute(db);
}

/** Municipalities seeds+1 … total: copies of the seed municipalities, chunk by chunk. */
async function cloneMunicipalities(db: Db, seeds: readonly string[], total: number) {
  const start = performance.now();
  const seedArray = `array[${seeds.map((s) => `'${s}'`).join(",")}]`;
  for (let from = seeds.length + 1; from <= total; from += CLONE_CHUNK) {
    const to = Math.min(total, from + CLONE_CHUNK - 1);
    await db.transaction().execute(async (tx) => {
      // A chunk is one long statement per table: past the server's usual statement limit.
      await sql`set local statement_timeout = 0`.execute(tx);
      // Codes 90001…: valid check digits, no prefecture 90 or 91 to collide with a seed's.
      const codes = Array.from({ length: to - from + 1 }, (_, i) => {
        const five = String(90000 + from + i);
        return `'${five}${municipalityCheckDigit(five)}'`;
      });
      await sql
        .raw(`create temp table clone_map on commit drop as
          select k, (array[${codes.join(",")}])[k - ${from - 1}] as code,
            (${seedArray})[1 + k % ${seeds.length}] as seed
          from generate_series(${from}, ${to}) k`)
        .execute(tx);
      await sql`analyze clone_map`.execute(tx);
      await copyRows(tx, "municipalities", "municipalities s join clone_map c on s.code = c.seed", {
        code: "c.code",
        name: "s.name || c.k",
      });
      await copyRows(
        tx,
        "departments",
        "departments s join clone_map c on s.municipality_code = c.seed",
        { municipality_code: "c.code" },
        ["id"],
      );
      const newDepartment = `join departments d2 on d2.municipality_code = c.code
        and d2.name_key = d.name_key`;
      await copyRows(
        tx,
        "manifestos",
        `manifestos s join clone_map c on s.municipality_code = c.seed
          join departments d on d.id = s.department_id ${newDepartment}`,
        { municipality_code: "c.code", department_id: "d2.id" },
        ["id"],
      );
      // Fresh statistics, so that the joins on the copied rows use the indexes.
      await sql`analyze departments, manifestos`.execute(tx);
      const newManifesto = `join manifestos m on m.id = s.manifesto_id
        join clone_map c on m.municipality_code = c.seed
        join manifestos m2 on m2.municipality_code = c.code and m2.fiscal_year = m.fiscal_year
          and m2.department_name_key = m.department_name_key`;
      await copyRows(tx, "manifesto_revisions", `manifesto_revisions s ${newManifesto}`, {
        manifesto_id: "m2.id",
        document: `jsonb_set(s.document, '{municipality,code}', to_jsonb(c.code))`,
      });
      await copyRows(tx, "goals", `goals s ${newManifesto}`, { manifesto_id: "m2.id" });
      await copyRows(
        tx,
        "indicators",
        `indicators s join clone_map c on s.municipality_code = c.seed
          left join departments d on d.id = s.department_id
          left join departments d2 on d2.municipality_code = c.code and d2.name_key = d.name_key`,
        { municipality_code: "c.code", department_id: "d2.id" },
        ["id"],
      );
      await copyRows(
        tx,
        "targets",
        `targets s ${newManifesto}
          left join indicators i on i.id = s.indicator_id
          left join indicators i2 on i2.municipality_code = c.code and i2.key = i.key`,
        { manifesto_id: "m2.id", indicator_id: "i2.id" },
      );
    });
    process.stderr.write(`  copied municipalities up to ${to}/${total}\n`);
  }
  // The tables the assessment reads, without the statement limit (goals' search index
  // computes its expression on every sampled row).
  await db.transaction().execute(async (tx) => {
    await sql`set local statement_timeout = 0`.execute(tx);
    await sql`analyze municipalities, departments, manifestos, manifesto_revisions, indicators, targets`.execute(
      tx,
    );
  });
  return performance.now() - start;
}

/** The floor: the rows the assessment needs, by the two plain statements, unparsed. */
async function plainSql(db: Db, q: { municipalityCode: string; fiscalYear: number }) {
  await sql`select m.id, m.department_id, r.document from manifestos m
    join departments d on d.id = m.department_id
    join manifesto_revisions r on r.manifesto_id = m.id and r.revision = m.current_revision
    where m.municipality_code = ${q.municipalityCode} and m.fiscal_year = ${q.fiscalYear}`.execute(
    db,
  );
  await sql`select m.department_id, t.goal_number, i.name, t.unit, t.comparator,
      t.target_value, t.actual
    from targets t join manifestos m on m.id = t.manifesto_id
    join indicators i on i.id = t.indicator_id
    where m.municipality_code = ${q.municipalityCode} and m.fiscal_year = ${q.fiscalYear - 1}
      and t.kind = 'numeric'`.execute(db);
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipalities: { type: "string" },
      departments: { type: "string" },
      years: { type: "string" },
      seeds: { type: "string" },
      iterations: { type: "string" },
      seed: { type: "string" },
      "postgres-url": { type: "string" },
      keep: { type: "boolean" },
    },
  });
  const municipalities = parseCount("municipalities", values.municipalities, 1000);
  const departments = parseCount("departments", values.departments, 25);
  const years = fiscalYearsOf(parseCount("years", values.years, 5));
  const seeds = Math.min(municipalities, parseCount("seeds", values.seeds, 4));
  const iterations = parseCount("iterations", values.iterations, 200);
  const seed = parseCount("seed", values.seed, 1, 0);
  const cleanup = new Cleanup();
  try {
    const scratch = await createScratchPostgres(values["postgres-url"] ?? DEFAULT_POSTGRES_URL);
    if (values.keep) process.stderr.write(`keeping ${scratch.url}\n`);
    else cleanup.add(() => scratch.drop());
    const handle = await openDatabase(
      { kind: "postgres", url: scratch.url, poolSize: 2 },
      { purpose: "bench/assessment-scale.ts" },
    );
    cleanup.add(() => handle.close());
    const ctx = { db: handle.db, actor: "bench" };

    const importStart = performance.now();
    const seedCodes = new Set<string>();
    for (const e of generateDataset({ municipalities: seeds, departments, years, seed })) {
      await importManifesto(ctx, e.document, { published: true, source: "bench" });
      seedCodes.add(e.municipality.code);
    }
    const importMs = performance.now() - importStart;
    const cloneMs = await cloneMunicipalities(handle.db, [...seedCodes], municipalities);
    const count = await sql<{ n: string }>`select count(*) as n from manifestos`.execute(handle.db);
    const scale = `${municipalities} municipalities × ${departments} departments × ${years.length} years = ${Number(count.rows[0]?.n)} manifestos`;
    process.stderr.write(`${scale}\n`);

    const codes = (
      await sql<{ code: string }>`select code from municipalities order by code`.execute(handle.db)
    ).rows.map((r) => r.code);
    const rng = new Random(seed);
    const params = Array.from({ length: iterations + WARM_UP }, () => ({
      municipalityCode: rng.pick(codes),
      fiscalYear: rng.pick(years.slice(1)),
    }));
    for (const p of params.slice(0, WARM_UP)) {
      const assessed = await assessManifestos(ctx, p);
      if (assessed.length !== departments) throw new Error(`assessed ${assessed.length}`);
      await plainSql(handle.db, p);
    }
    // Alternating, so that a noisy moment of the shared machine falls on both.
    const service: number[] = [];
    const floor: number[] = [];
    let findings = 0;
    for (const p of params.slice(WARM_UP)) {
      let start = performance.now();
      const assessed = await assessManifestos(ctx, p);
      service.push(performance.now() - start);
      findings += assessed.reduce(
        (n, m) => n + m.assessment.summary.warnings + m.assessment.summary.notices,
        0,
      );
      start = performance.now();
      await plainSql(handle.db, p);
      floor.push(performance.now() - start);
    }
    const s = summarize(service);
    const f = summarize(floor);
    process.stdout.write(
      `assessment at scale (${machineLine()})\n${scale}\n` +
        `seed import ${formatNumber(importMs / 1000)} s (${seeds} municipalities), ` +
        `bulk copy ${formatNumber(cloneMs / 1000)} s\n` +
        `${iterations} municipality-years, ${formatNumber(findings / iterations)} findings each\n\n` +
        formatTable(
          ["case", "p50 ms", "p95 ms", "max ms"],
          [
            ["assessManifestos", s.p50, s.p95, s.max],
            ["plain SQL floor", f.p50, f.p95, f.max],
            ["ratio", formatRatio(s.p50, f.p50), formatRatio(s.p95, f.p95), ""],
          ],
        ) +
        `\n\ntarget-text parser: ${parserThroughput(10_000, seed)}\n`,
    );
  } finally {
    await cleanup.run();
  }
}

await main(process.argv.slice(2));
