// Reads a V8 CPU profile (`node --cpu-prof` writes one per process on exit) and prints where
// the time went: self time per function, and per place (a package under node_modules, one of
// our source files, or Node's own internals), the largest first. Idle time and the garbage
// collector are shown as their own rows, so the shares add up to the whole profile.
//
//   node_modules/.bin/tsx bench/profile-summary.ts FILE.cpuprofile [--top 25]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatTable } from "./support.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script lives, short: `fastify`, `src/server/app.ts`, `node:internal`. */
export function placeOf(url: string): string {
  if (url === "") return "(native / V8)";
  if (url.startsWith("node:")) return "node: internals";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const src = url.search(/\/(src|dist)\//);
  return src >= 0 ? url.slice(src + 1) : url;
}

export function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = frame.functionName || "(anonymous)";
    const place = placeOf(frame.url);
    const key = frame.url ? `${name} ${place}:${frame.lineNumber + 1}` : name;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    const placeKey = frame.url ? place : name;
    byPlace.set(placeKey, (byPlace.get(placeKey) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => [k, ms, `${((ms / total) * 100).toFixed(1)} %`]);
  return (
    `profile: ${(total / 1000).toFixed(2)} s sampled\n\n` +
    formatTable(["self time by place", "ms", "share"], rows(byPlace)) +
    "\n" +
    formatTable(["self time by function", "ms", "share"], rows(byFunction))
  );
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { top: { type: "string", default: "25" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) throw new Error("usage: profile-summary.ts FILE.cpuprofile [--top N]");
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  process.stdout.write(summarise(profile, Number(values.top)));
}

main(process.argv.slice(2));
