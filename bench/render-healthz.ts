// /healthz while 8 clients fetch the largest allowed PDF at once (issue #12): how long the
// server keeps everyone else waiting while it renders. The portal's page cache is off, so
// every request renders. Run it against this checkout, or against another one (an older
// commit unpacked with `git archive`, its node_modules linked) for the before/after figures.
//
//   node_modules/.bin/tsx bench/render-healthz.ts [--seconds 30] [--clients 8] [--checkout DIR]
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LIMITS, type ManifestoDocument } from "../src/domain/manifesto/schema.ts";
import { demoDocument } from "../test/support/fixtures.ts";
import { freePort } from "../test/support/server.ts";
import { createScratchDir, formatTable, machineLine, parseCount, percentile } from "./support.ts";

/** The demo stretched to the format's limits: 50 goals of 20 targets and long texts. */
function largestDocument(): ManifestoDocument {
  const doc = demoDocument() as unknown as ManifestoDocument;
  const [goal] = doc.goals;
  if (!goal?.targets?.[0]) throw new Error("the demo changed");
  const line = "市民の期待に応えられる組織・人づくりに取り組み、成果を得た。";
  const text = (n: number) => line.repeat(Math.ceil(n / line.length)).slice(0, n);
  doc.goals = Array.from({ length: LIMITS.goals }, (_, g) => ({
    ...goal,
    number: g + 1,
    mission: text(200),
    title: text(100),
    currentState: Array.from({ length: 10 }, () => text(120)),
    means: Array.from({ length: 10 }, () => text(120)),
    targets: Array.from({ length: LIMITS.targets }, (_, t) => ({
      ...(goal.targets?.[0] as NonNullable<typeof goal.targets>[number]),
      label: String.fromCodePoint(0x2460 + t),
      text: text(80),
    })),
    evaluation: { level: 3, reason: text(1500) },
  }));
  return doc;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string" },
      clients: { type: "string" },
      checkout: { type: "string" },
    },
  });
  const seconds = parseCount("--seconds", values.seconds, 30);
  const clients = parseCount("--clients", values.clients, 8);
  const root = resolve(values.checkout ?? ".");
  const scratch = createScratchDir();
  const env = {
    ...process.env,
    TASSEI_DATA_DIR: scratch.dir,
    TASSEI_LOG_LEVEL: "warn",
    TASSEI_PAGE_CACHE: "off",
    TASSEI_DEMO: "off",
  };
  delete (env as Record<string, unknown>).DATABASE_URL;
  const cli = ["--import", "tsx", join(root, "src/cli/main.ts")];
  const file = join(scratch.dir, "largest.json");
  writeFileSync(file, JSON.stringify(largestDocument()));
  const imported = spawnSync(process.execPath, [...cli, "import", "--published", file], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [...cli, "serve"], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const pdf = `${base}/242161/2023/${encodeURIComponent("総務部")}/manifesto.pdf`;
    const first = performance.now();
    const probe = await fetch(pdf);
    const bytes = (await probe.arrayBuffer()).byteLength;
    const single = performance.now() - first;
    if (!probe.ok) throw new Error(`PDF: ${probe.status}`);

    const until = performance.now() + seconds * 1000;
    const pdfTimes: number[] = [];
    const statuses = new Map<number, number>();
    const loaders = Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const r = await fetch(pdf);
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.ok) pdfTimes.push(performance.now() - t);
      }
    });
    const health: number[] = [];
    const prober = (async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await Promise.all([...loaders, prober]);
    const f = (n: number) => n.toFixed(1);
    console.log(machineLine());
    console.log(
      `checkout ${root}; largest PDF ${Math.round(bytes / 1024)} KB, alone ${f(single)} ms`,
    );
    console.log(
      formatTable(
        ["what", "n", "p50 ms", "p99 ms", "max ms"],
        [
          [
            "/healthz",
            String(health.length),
            f(percentile(health, 50)),
            f(percentile(health, 99)),
            f(Math.max(...health)),
          ],
          [
            `PDF, ${clients} clients`,
            String(pdfTimes.length),
            pdfTimes.length ? f(percentile(pdfTimes, 50)) : "-",
            pdfTimes.length ? f(percentile(pdfTimes, 99)) : "-",
            pdfTimes.length ? f(Math.max(...pdfTimes)) : "-",
          ],
        ],
      ),
    );
    console.log(`PDF answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    scratch.remove();
  }
}

void main();
