// Node 20 refuses --cpu-prof in NODE_OPTIONS, so the benchmarks profile their child servers
// with this module instead: NODE_OPTIONS="--import ./bench/cpu-profile-hook.mjs" and
// BENCH_CPU_PROF_DIR=DIR. It starts V8's sampling profiler through the inspector of this
// same thread and writes DIR/<pid>-<n>.cpuprofile (the format of --cpu-prof) when the
// process exits; an in-thread session answers synchronously, so this works inside 'exit'.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.enable");
  session.post("Profiler.start");
  const write = (name) =>
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), JSON.stringify(result.profile));
    });
  // SIGUSR2 (sent by the benchmark after its warm-up and between measured requests) ends one
  // profile and begins the next, so start-up and each request's load are read apart:
  // <pid>-0 is the start-up, <pid>-1 … follow the signals, the last ends at exit.
  let part = 0;
  process.on("SIGUSR2", () => {
    write(`${process.pid}-${part++}.cpuprofile`);
    session.post("Profiler.start");
  });
  process.on("exit", () => write(`${process.pid}-${part}.cpuprofile`));
}
