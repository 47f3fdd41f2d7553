// Every row of issue 15's table in one command, each printed by its benchmark as the ratio to
// its floor measured in the same run: the public page with the page cache off against a bare
// node:http server sending the same bytes (portal-page.ts); the start-up of the production
// build against a bare `node` server (startup.ts); the staff read and save on PostgreSQL and
// on PGlite against /healthz (api-latency.ts); the public search of a common word across all
// municipalities against the same SQL in psql (dashboard-scale.ts, only with --search-db, a
// database loaded by `dashboard-scale.ts --keep`: loading 125,000 manifestos takes hours on
// a busy 2-core machine). Short runs by default: the machine is shared.
//
// The page and the staff API run with --floor: beside each real path, the least any
// implementation of it could do on the same stack (bench/floor-server.ts), so a goal out of
// reach shows as a floor that does not reach it either.
//
//   node_modules/.bin/tsx bench/issue-15.ts [--seconds 3] [--runs 3]
//     [--search-db URL --search-municipalities N] [--word 防災]
import { spawnSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import { ROOT } from "./http-load.ts";
import { parseCount } from "./support.ts";

function run(title: string, args: string[]): void {
  const load = os.loadavg()[0]?.toFixed(1);
  process.stdout.write(`\n=== ${title} (load average ${load} before)\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) process.stdout.write(`(${args[0]} ended with status ${r.status})\n`);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string" },
      runs: { type: "string" },
      "search-db": { type: "string" },
      "search-municipalities": { type: "string" },
      word: { type: "string", default: "防災" },
    },
  });
  const seconds = String(parseCount("seconds", values.seconds, 3));
  const runs = String(parseCount("runs", values.runs, 3));
  run("public manifesto page, page cache off, vs bare node:http (req/s vs bare)", [
    "bench/portal-page.ts",
    "--seconds",
    seconds,
    "--log-level",
    "warn",
    "--floor",
  ]);
  run("start-up to the first 200 from /healthz vs a bare node server (median vs node)", [
    "bench/startup.ts",
    "--runs",
    runs,
  ]);
  run("staff API, 50 connections: GET and PUT /api/manifestos/:id vs /healthz", [
    "bench/api-latency.ts",
    "--backend",
    "both",
    "--duration",
    seconds,
    "--only",
    ":id",
    "--floor",
  ]);
  if (values["search-db"]) {
    for (const word of [values.word, "の"]) {
      run(`public search "${word}" across all municipalities vs psql`, [
        "bench/dashboard-scale.ts",
        "--reuse",
        values["search-db"],
        "--municipalities",
        values["search-municipalities"] ?? "1000",
        "--iterations",
        "25",
        "--word",
        word,
      ]);
    }
  } else {
    process.stdout.write(
      "\n=== public search: skipped (give --search-db URL of a database loaded by dashboard-scale.ts --keep)\n",
    );
  }
}

main(process.argv.slice(2));
