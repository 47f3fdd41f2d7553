// Runs the real `tassei` command in a child process, as a user would.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { SERVER_ENTRY } from "../../scripts/build-server.mjs";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { PROJECT_ROOT } from "./fixtures.ts";

// As `npm run tassei` does: one process, tsx as a loader (so the PID is the program's).
const SOURCE_ARGS = ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/main.ts")];
// As `npm start` and the installed command do: the production build (scripts/build-server.mjs).
const BUILD_ARGS = [SERVER_ENTRY];

/**
 * Set to `build` (the browser tests' global set-up does) to run the production build instead
 * of the sources: what users run, with the packages it bundles. The caller builds it first.
 */
export const PROGRAM_VARIABLE = "TASSEI_TEST_PROGRAM";

function nodeArgs(): string[] {
  return process.env[PROGRAM_VARIABLE] === "build" ? BUILD_ARGS : SOURCE_ARGS;
}

/**
 * The time limit of a test that runs the command several times as child processes: seconds
 * each through tsx, a minute on a machine running other suites. A limit on hanging, not a
 * measure of speed (benchmarks are under bench/).
 */
export const CLI_TEST_TIMEOUT_MS = 300_000;

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
  const r = spawnSync(process.execPath, [...nodeArgs(), ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(env),
    encoding: "utf8",
    input,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...nodeArgs(), ...args], {
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

export interface CliScratch {
  /** The environment that points a child `tassei` at the file's own test database. */
  readonly env: Record<string, string>;
  /** A scratch folder for the files the commands read and write. */
  readonly dir: string;
}

/**
 * The set-up every CLI test file needs: its own test database, closed so that the child
 * processes can open it (PGlite allows one process at a time), and a scratch folder; both
 * removed after the file's tests. Call at the top level of the test file.
 */
export function cliScratchPerFile(prefix: string): CliScratch {
  let database: TestDatabase | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.close();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await database?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("cliScratchPerFile: read before its beforeAll ran");
    return value;
  };
  return {
    get env() {
      return ready(database).env;
    },
    get dir() {
      return ready(dir);
    },
  };
}
