// The upgrade and the way back, as docs/operations.md writes them, end to end in a scratch
// clone: this checkout becomes release vX.Y.Z (tagged there; tags need not exist in the
// origin), a next release adds a migration; each release is cloned into its own directory
// beside the others, `current` points at the one that runs. Upgrade: backup, build the new
// release beside the running one, stop, switch, start. Back: stop, switch back, restore the
// backup taken before the upgrade into an empty database, start. `npm ci` is replaced by a
// link to this checkout's node_modules (the test has no registry).
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, type ScratchPostgres, TEST_BACKEND } from "./support/database.ts";
import { PROJECT_ROOT } from "./support/fixtures.ts";
import { freePort } from "./support/server.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let work: string;
let origin: string;
let scratch: ScratchPostgres | undefined;
let oldTag: string;
let newTag: string;
const servers: ChildProcess[] = [];

/** The next minor version: a release that adds a migration is a minor one (CHANGELOG.md). */
function nextMinor(version: string): string {
  const [major, minor] = version.split(".").map(Number);
  return `${major}.${(minor ?? 0) + 1}.0`;
}

/** This checkout as it is (uncommitted edits too), committed and tagged in a new repository. */
function makeOrigin(): void {
  origin = path.join(work, "origin");
  fs.mkdirSync(origin);
  const listed = git(PROJECT_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
  for (const file of listed.split("\0").filter(Boolean)) {
    const from = path.join(PROJECT_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted, not yet committed
    fs.mkdirSync(path.dirname(path.join(origin, file)), { recursive: true });
    fs.copyFileSync(from, path.join(origin, file));
  }
  git(origin, "init", "--quiet", "--initial-branch=main");
  git(origin, "config", "user.email", "release-test@example.org");
  git(origin, "config", "user.name", "release test");
  git(origin, "add", "-A");
  git(origin, "commit", "--quiet", "-m", "the release under test");
  const version = JSON.parse(fs.readFileSync(path.join(origin, "package.json"), "utf8")).version;
  oldTag = `v${version}`;
  git(origin, "tag", "-a", oldTag, "-m", oldTag);

  // The next release: a migration (a new table), the version, its changelog entry.
  const next = nextMinor(version);
  newTag = `v${next}`;
  fs.writeFileSync(
    path.join(origin, "src/db/migrations/9999-release-test.ts"),
    `import { type Kysely, sql } from "kysely";
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql\`create table release_test_notes (id integer primary key, note text not null)\`.execute(db);
}
`,
  );
  const migrate = path.join(origin, "src/db/migrate.ts");
  let source = fs.readFileSync(migrate, "utf8");
  const withNew = source.replace(
    /(const MIGRATIONS\b[^=]*= \{[\s\S]*?)\n\};/,
    `$1\n  "9999-release-test": releaseTest,\n};`,
  );
  if (withNew === source) throw new Error("the list of migrations was not found in migrate.ts");
  source = withNew;
  source = `import * as releaseTest from "./migrations/9999-release-test.ts";\n${source}`;
  fs.writeFileSync(migrate, source);
  const pkg = path.join(origin, "package.json");
  fs.writeFileSync(
    pkg,
    fs.readFileSync(pkg, "utf8").replace(`"version": "${version}"`, `"version": "${next}"`),
  );
  const changelog = path.join(origin, "CHANGELOG.md");
  const log = fs.readFileSync(changelog, "utf8");
  fs.writeFileSync(
    changelog,
    log.replace(/\n## /, `\n## ${next} — test release\n\nMigrations: 9999-release-test.\n\n## `),
  );
  git(origin, "add", "-A");
  git(origin, "commit", "--quiet", "-m", newTag);
  git(origin, "tag", "-a", newTag, "-m", newTag);
}

const opt = () => path.join(work, "opt-tassei");
const current = () => path.join(opt(), "current");

/** As the docs: clone the tag into its own directory, install (here: link), build nothing. */
function buildRelease(tag: string): void {
  const dir = path.join(opt(), "releases", tag);
  git(work, "clone", "--quiet", "--branch", tag, origin, dir);
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
}

/** ln -sfn releases/<tag> current */
function switchTo(tag: string): void {
  execFileSync("ln", ["-sfn", path.join(opt(), "releases", tag), current()]);
}

function env(): Record<string, string> {
  const { DATABASE_URL: _u, TASSEI_DATA_DIR: _d, ...rest } = process.env;
  return {
    ...(rest as Record<string, string>),
    TASSEI_LOG_LEVEL: "warn",
    TASSEI_DEMO: "on",
    ...(scratch
      ? { DATABASE_URL: scratch.url }
      : { TASSEI_DATA_DIR: path.join(work, "var-lib-tassei", "data") }),
  };
}

/** node /opt/tassei/current/bin/tassei.mjs … */
function tassei(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(current(), "bin/tassei.mjs"), ...args], {
    cwd: current(),
    env: env(),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Server {
  url: string;
  stop(): Promise<number | null>;
}

/** What the systemd unit runs: ExecStart=/usr/bin/node /opt/tassei/current/bin/tassei.mjs serve */
async function start(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(current(), "bin/tassei.mjs"), "serve"], {
    cwd: current(),
    env: { ...env(), PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  servers.push(child);
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    if (i > 1200) throw new Error(`server not ready in 120 s: ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

const MANIFESTO = `/242161/2023/${encodeURIComponent("総務部")}/manifesto.json`;

async function get(server: Server, address: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`${server.url}${address}`);
  return { status: r.status, body: await r.text() };
}

function schemaVersionOf(backup: string): string {
  const text = zlib.gunzipSync(fs.readFileSync(backup)).toString("utf8");
  return JSON.parse(text.slice(0, text.indexOf("\n"))).schemaVersion;
}

/** The docs' commands for an empty PostgreSQL database of the same name. */
function recreatePostgresDatabase(url: string): void {
  const u = new URL(url);
  const conn = ["-h", u.hostname, "-p", u.port || "5432", "-U", u.username || "postgres"];
  const name = u.pathname.slice(1);
  execFileSync("dropdb", [...conn, name]);
  execFileSync("createdb", [...conn, name]);
  execFileSync("psql", [...conn, "-q", "-d", name, "-c", "create extension if not exists pg_trgm"]);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-release-"));
  if (TEST_BACKEND === "postgres") scratch = await createScratchPostgres();
  makeOrigin();
});
afterAll(async () => {
  for (const child of servers) if (child.exitCode === null) child.kill("SIGKILL");
  await scratch?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`upgrading from one release tag to the next and back (${TEST_BACKEND})`, () => {
  it("works as docs/operations.md says", { timeout: 600_000 }, async () => {
    buildRelease(oldTag);
    switchTo(oldTag);
    const old = await start();
    const before = await get(old, MANIFESTO);
    expect(before.status).toBe(200);

    // Upgrade: the backup to go back to, then the new release built beside the running one.
    const backup = path.join(work, "backups", "tassei-pre-upgrade.backup.gz");
    fs.mkdirSync(path.dirname(backup));
    const saved = tassei("backup", "--out", backup);
    expect(saved.stderr + saved.stdout, "backup").not.toMatch(/error/i);
    expect(saved.status).toBe(0);
    buildRelease(newTag);
    // The running server is untouched by the build: its downloads still work.
    expect((await get(old, `${MANIFESTO.replace(".json", ".xlsx")}`)).status).toBe(200);
    expect(await old.stop()).toBe(0);
    switchTo(newTag);
    const upgraded = await start();
    expect(await get(upgraded, MANIFESTO)).toEqual(before);
    const after = path.join(work, "backups", "tassei-post-upgrade.backup.gz");
    expect(tassei("backup", "--out", after).status).toBe(0);
    expect(schemaVersionOf(after)).toBe("9999-release-test");
    expect(await upgraded.stop()).toBe(0);

    // Back: the older release cannot use the upgraded database; restore --force there is
    // refused with the way back named, instead of failing on "corrupted migrations".
    switchTo(oldTag);
    const refused = tassei("restore", "--force", backup);
    expect(refused.stderr).toContain("新しい版の Tassei で更新されています");
    expect(refused.stderr).toContain("9999-release-test");
    expect(refused.status).toBe(2);
    // The documented way: an empty database, then restore.
    if (scratch) {
      recreatePostgresDatabase(scratch.url);
    } else {
      const data = env().TASSEI_DATA_DIR ?? "";
      fs.renameSync(data, `${data}.${newTag}`);
    }
    const restored = tassei("restore", backup);
    expect(restored.stderr).toContain("restored");
    expect(restored.status).toBe(0);
    const back = await start();
    expect(await get(back, MANIFESTO)).toEqual(before);
    expect(await back.stop()).toBe(0);
    expect(schemaVersionOf(backup)).not.toBe("9999-release-test");
  });
});
