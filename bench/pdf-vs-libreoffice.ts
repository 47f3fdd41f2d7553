// The incumbent: a department's Excel file converted to PDF by LibreOffice, as municipalities
// do today, against Tassei's own renderer, for the same manifesto, in one run. LibreOffice
// (`apt-get install libreoffice-calc`) starts a process per conversion, so Tassei is timed
// both warm in-process (a server) and as a fresh process (a command line), like for like.
//
//   node_modules/.bin/tsx bench/pdf-vs-libreoffice.ts [--runs 3]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import { renderManifestoPdf } from "../src/reports/pdf/index.ts";
import { exportManifestoXlsx } from "../src/reports/xlsx/index.ts";
import {
  createScratchDir,
  formatRatio,
  formatTable,
  machineLine,
  parseCount,
  summarize,
  timeAsync,
  timeSync,
} from "./support.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEMO = path.join(ROOT, "demo/iga-2023-somu.manifesto.json");

function soffice(): string {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string" } }, strict: true });
  const runs = parseCount("--runs", values.runs, 3);
  const scratch = createScratchDir("tassei-lo-");
  try {
    const doc = JSON.parse(fs.readFileSync(DEMO, "utf8")) as ManifestoDocument;
    const xlsx = path.join(scratch.dir, "somu.xlsx");
    fs.writeFileSync(xlsx, await exportManifestoXlsx(doc));
    const profile = `file://${path.join(scratch.dir, "lo-profile")}`;
    const convert = () =>
      execFileSync(
        soffice(),
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          scratch.dir,
          xlsx,
        ],
        { stdio: "ignore" },
      );
    convert(); // creates LibreOffice's profile: not part of a conversion
    const lo = Array.from({ length: runs }, () => timeSync(convert).ms);

    await renderManifestoPdf(doc); // warm-up
    const warm: number[] = [];
    for (let i = 0; i < Math.max(runs, 5); i++) {
      warm.push((await timeAsync(() => renderManifestoPdf(doc))).ms);
    }
    const script = `import fs from "node:fs"; import { renderManifestoPdf } from "./src/reports/pdf/index.ts";
      fs.writeFileSync(${JSON.stringify(path.join(scratch.dir, "ours.pdf"))}, await renderManifestoPdf(JSON.parse(fs.readFileSync(${JSON.stringify(DEMO)}, "utf8"))));`;
    const fresh = Array.from(
      { length: runs },
      () =>
        timeSync(() =>
          execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
            cwd: ROOT,
            stdio: "ignore",
          }),
        ).ms,
    );

    const loP50 = summarize(lo).p50;
    const rows = [
      ["LibreOffice: .xlsx → PDF, own process", loP50, "×1.00"],
      [
        "Tassei: fresh process (node + tsx + fonts)",
        summarize(fresh).p50,
        formatRatio(summarize(fresh).p50, loP50),
      ],
      [
        "Tassei: warm, in process (as the server)",
        summarize(warm).p50,
        formatRatio(summarize(warm).p50, loP50),
      ],
    ];
    console.log(machineLine());
    console.log(`p50 of ${runs} runs each (ms); ratio = time ÷ LibreOffice's time\n`);
    console.log(formatTable(["what", "ms", "ratio"], rows));
    console.log(
      `\nTassei is ${(loP50 / summarize(fresh).p50).toFixed(1)}× faster as a command, ` +
        `${(loP50 / summarize(warm).p50).toFixed(0)}× faster warm.`,
    );
  } finally {
    scratch.remove();
  }
}

await main();
