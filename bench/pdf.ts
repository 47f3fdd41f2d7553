// Time to produce the official PDFs: the demo manifesto (6 goals) and a booklet of 25
// departments × 6 goals, cold (first render in a process: font files read and parsed, code
// not yet optimised) and warm (later renders, p50). The baseline, in the same process: a
// one-line Japanese PDF with the same fonts, the floor of any render (font subsetting and
// compression). A cold booklet is measured in a child process of its own, since in this
// process the demo's render has already warmed everything.
//
//   node_modules/.bin/tsx bench/pdf.ts [--runs 5]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import {
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
  summarize,
  timeAsync,
} from "./support.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEPARTMENTS = 25;
const COLD_BOOKLET_FLAG = "--cold-booklet-only";

function demo(): ManifestoDocument {
  return JSON.parse(
    readFileSync(join(ROOT, "demo/iga-2023-somu.manifesto.json"), "utf8"),
  ) as ManifestoDocument;
}

function bookletDocs(): ManifestoDocument[] {
  return Array.from({ length: DEPARTMENTS }, (_, i) => {
    const doc = demo();
    doc.department.name = `第${i + 1}部局（ベンチ）`;
    return doc;
  });
}

const bookletOptions = { municipalityName: "伊賀市", fiscalYear: 2023 };

async function coldBookletOnly(): Promise<void> {
  const { ms } = await timeAsync(async () => {
    const { renderBookletPdf } = await import("../src/reports/pdf/index.ts");
    return renderBookletPdf(bookletDocs(), bookletOptions);
  });
  process.stdout.write(`${ms}\n`);
}

async function baselinePdf(): Promise<Buffer> {
  const { createCanvas, finish } = await import("../src/reports/pdf/manifesto.ts");
  const canvas = createCanvas({ title: "baseline" });
  canvas.pdf.addPage({ size: "A4", layout: "landscape", margin: 0 });
  canvas.pdf.text("2023（令和5）年度 部局マニフェスト", 40, 40, { lineBreak: false });
  return finish(canvas.pdf);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string" } }, strict: true });
  const runs = parseCount("--runs", values.runs, 5);

  const moduleLoad = await timeAsync(() => import("../src/reports/pdf/index.ts"));
  const { renderBookletPdf, renderManifestoPdf } = moduleLoad.value;

  const coldDemo = await timeAsync(() => renderManifestoPdf(demo()));
  const coldBaseline = await timeAsync(baselinePdf);
  const firstBooklet = await timeAsync(() => renderBookletPdf(bookletDocs(), bookletOptions));

  const warmDemo: number[] = [];
  const warmBooklet: number[] = [];
  const warmBaseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    warmBaseline.push((await timeAsync(baselinePdf)).ms);
    warmDemo.push((await timeAsync(() => renderManifestoPdf(demo()))).ms);
    warmBooklet.push((await timeAsync(() => renderBookletPdf(bookletDocs(), bookletOptions))).ms);
  }

  const tsx = join(ROOT, "node_modules/.bin/tsx");
  const childOut = execFileSync(tsx, [fileURLToPath(import.meta.url), COLD_BOOKLET_FLAG], {
    encoding: "utf8",
  });
  const coldBooklet = Number(childOut.trim().split("\n").pop());

  const base = summarize(warmBaseline).p50;
  const demoWarm = summarize(warmDemo);
  const bookletWarm = summarize(warmBooklet);
  const kb = (b: Buffer) => Math.round(b.length / 1024);
  const rows: (string | number)[][] = [
    ["import of src/reports/pdf", "cold", moduleLoad.ms, "", ""],
    [
      "baseline: one-line PDF",
      "cold",
      coldBaseline.ms,
      formatRatio(coldBaseline.ms, base),
      kb(coldBaseline.value),
    ],
    ["baseline: one-line PDF", `warm p50 of ${runs}`, base, "×1.00", ""],
    [
      "demo manifesto (6 goals, 3 pages)",
      "cold (first render)",
      coldDemo.ms,
      formatRatio(coldDemo.ms, base),
      kb(coldDemo.value),
    ],
    ["demo manifesto", `warm p50 of ${runs}`, demoWarm.p50, formatRatio(demoWarm.p50, base), ""],
    ["demo manifesto", "warm max", demoWarm.max, formatRatio(demoWarm.max, base), ""],
    [
      `booklet ${DEPARTMENTS} × 6 goals`,
      "cold, own process, incl. import",
      coldBooklet,
      formatRatio(coldBooklet, base),
      "",
    ],
    [
      `booklet ${DEPARTMENTS} × 6 goals`,
      "after the demo",
      firstBooklet.ms,
      formatRatio(firstBooklet.ms, base),
      kb(firstBooklet.value),
    ],
    [
      `booklet ${DEPARTMENTS} × 6 goals`,
      `warm p50 of ${runs}`,
      bookletWarm.p50,
      formatRatio(bookletWarm.p50, base),
      "",
    ],
    [
      `booklet ${DEPARTMENTS} × 6 goals`,
      "warm max",
      bookletWarm.max,
      formatRatio(bookletWarm.max, base),
      "",
    ],
  ];
  process.stdout.write(`PDF rendering — ${machineLine()}\n\n`);
  process.stdout.write(formatTable(["what", "when", "ms", "vs baseline", "KB"], rows));
}

if (process.argv.includes(COLD_BOOKLET_FLAG)) await coldBookletOnly();
else await main();
