// Runs the real `tassei` command in a child process, as a user would.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./fixtures.ts";

// As `npm run tassei` does: one process, tsx as a loader (so the PID is the program's).
const NODE_ARGS = ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/main.ts")];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The child picks its database from these alone, never from the developer's shell.
  const { DATABASE_URL: _u, TASSEI_DATA_DIR: _d, ...rest } = process.env;
  return { ...rest, TASSEI_LOG_LEVEL: "warn", ...env };
}

export function runCli(args: string[], env: Record<string, string>, input?: string): CliResult {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(env),
    encoding: "utf8",
    input,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** As runCli, without blocking this process's event loop (its own requests keep running). */
export function runCliAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += String(d);
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
