// Throughput of the target-text parser (src/domain/target-text/parse.ts) over 10,000 target
// texts: the generator's texts (written the way published documents write them) mixed with
// the real-style corpora of the parser's tests, in equal parts.
//
//   node_modules/.bin/tsx bench/parse-targets.ts [--texts 10000] [--seed 1]
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { TARGET_TEXT_CORPUS } from "../src/domain/target-text/corpus.ts";
import { HELD_OUT_CORPUS } from "../src/domain/target-text/corpus-held-out.ts";
import { parseTargetText } from "../src/domain/target-text/parse.ts";
import { generateDataset } from "./generate.ts";
import { formatNumber, machineLine, parseCount, summarize } from "./support.ts";

function texts(count: number, seed: number): string[] {
  const generated: string[] = [];
  for (const e of generateDataset({ municipalities: 4, departments: 25, years: [2023], seed })) {
    for (const g of e.document.goals) for (const t of g.targets ?? []) generated.push(t.text);
  }
  const corpus = [...TARGET_TEXT_CORPUS, ...HELD_OUT_CORPUS].map((c) => c.text);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    out.push(
      i % 2 === 0 ? (generated[i % generated.length] ?? "") : (corpus[i % corpus.length] ?? ""),
    );
  }
  return out;
}

/** The parser's throughput over `count` texts (median of 5 rounds), as one printed line. */
export function parserThroughput(count: number, seed: number): string {
  const all = texts(count, seed);
  let read = 0;
  for (const t of all.slice(0, 500)) if (parseTargetText(t)) read++; // warm-up
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    read = 0;
    const start = performance.now();
    for (const t of all) if (parseTargetText(t)) read++;
    rounds.push(performance.now() - start);
  }
  const s = summarize(rounds);
  return (
    `${all.length} texts, ${read} read as numeric, 5 rounds: median ${formatNumber(s.p50)} ms ` +
    `(${formatNumber((all.length / s.p50) * 1000)} texts/s), max ${formatNumber(s.max)} ms`
  );
}

function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { texts: { type: "string" }, seed: { type: "string" } },
  });
  const line = parserThroughput(
    parseCount("texts", values.texts, 10_000),
    parseCount("seed", values.seed, 1, 0),
  );
  process.stdout.write(`target-text parser (${machineLine()})\n${line}\n`);
}

// Also a module: bench/assessment-scale.ts prints the same figure beside its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
