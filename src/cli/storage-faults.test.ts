// `tassei serve` on an embedded database whose disk is full, nearly full, read-only, or too
// small for a new database: it stops with a plain message and exit 1, and changes nothing;
// given room again it starts on the same data, whole. While it runs, a save that meets a
// full disk is answered 503 and written not at all.
//
// The disks are real: a small tmpfs, mounted in a private mount namespace (unshare) that
// dies with the test, so nothing stays mounted on the machine. This needs root (as the
// tests run here and in CI); `chmod` cannot make a directory read-only for root.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument, PROJECT_ROOT } from "../../test/support/fixtures.ts";
import { signInTo } from "../../test/support/save-stream.ts";
import { freePort } from "../../test/support/server.ts";
import { openDatabase } from "../db/connection.ts";
import { exportManifesto } from "../services/export-manifesto.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import { createUser } from "../services/users/create-user.ts";

const SLOW = 400_000; // several server starts on a busy two-core machine
const PASSWORD = "correct horse battery staple";
const NODE_ARGS = [process.execPath, "--import", "tsx", path.join(PROJECT_ROOT, "src/cli/main.ts")];
type Refusal = { status: number; body: { error: { code: string; message: string } } };
const SELECTOR = { municipalityCode: "242161", fiscalYear: 2023, department: "企画部" };

let mountPoint: string; // the same path inside the namespace and on the host
let holder: ChildProcess;
let source: TestDatabase;
let draftId: number;
let untouchedExport: unknown; // the manifesto nobody saves

/** The namespace's view of a path, from the host. */
const seen = (p: string) => `/proc/${holder.pid}/root${p}`;

function inNamespace(command: string[]): void {
  const r = spawnSync("nsenter", ["-t", String(holder.pid), "-m", "--", ...command], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${command.join(" ")}: ${r.stderr}`);
}

function cliEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, ...rest } = process.env;
  return {
    ...rest,
    TASSEI_DATA_DIR: dataDir,
    TASSEI_LOG_LEVEL: "warn",
    TASSEI_DEMO: "off",
    PORT: String(port),
    HOST: "127.0.0.1",
  };
}

/** A `tassei` command in the namespace, to its end. */
async function runIn(
  args: string[],
  dataDir: string,
): Promise<{ status: number | null; stderr: string }> {
  const port = await freePort(); // used only by a serve that wrongly starts
  const r = spawnSync(
    "nsenter",
    ["-t", String(holder.pid), "-m", `--wd=${PROJECT_ROOT}`, "--", ...NODE_ARGS, ...args],
    { cwd: PROJECT_ROOT, env: cliEnv(dataDir, port), encoding: "utf8", timeout: 180_000 },
  );
  return { status: r.status, stderr: r.stderr };
}

/** `tassei serve` in the namespace, expected to refuse to start. */
const failedStart = (dataDir: string) => runIn(["serve"], dataDir);

/** `tassei serve` in the namespace, once it answers /healthz. */
async function startedServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(
    "nsenter",
    ["-t", String(holder.pid), "-m", `--wd=${PROJECT_ROOT}`, "--", ...NODE_ARGS, "serve"],
    { cwd: PROJECT_ROOT, env: cliEnv(dataDir, port), stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
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

/** Every file under `dir` (host view) with its size and hash: what a failed start must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    out[path.relative(dir, file)] = hash;
  }
  return out;
}

/** Fills the file system holding `dir` (host view) up to the last `leave` bytes. */
function fill(dir: string, leave: number): void {
  const filler = path.join(dir, "filler");
  const fd = fs.openSync(filler, "w");
  try {
    for (const size of [2 ** 20, 4096]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
      }
    }
    if (leave > 0) fs.ftruncateSync(fd, Math.max(0, fs.fstatSync(fd).size - leave));
  } finally {
    fs.closeSync(fd);
  }
}

function expectPlainRefusal(r: { status: number | null; stderr: string }, message: RegExp) {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain("TASSEI_DATA_DIR");
  expect(r.stderr).not.toMatch(/\n\s+at |\[object Object\]|Aborted/);
  expect(r.status).toBe(1);
}

beforeAll(async () => {
  mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-storage-"));
  holder = spawn(
    "unshare",
    [
      "--mount",
      "--propagation",
      "private",
      "sh",
      "-c",
      `mount -t tmpfs -o size=100m tassei-test ${mountPoint} && echo ready && exec sleep 3600`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  holder.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on("data", (d) => String(d).includes("ready") && resolve());
    holder.on("exit", () =>
      reject(
        new Error(
          `this test mounts a small tmpfs in a private mount namespace and must run as root: ${stderr}`,
        ),
      ),
    );
  });

  source = await createTestDatabase();
  await importManifesto(source.ctx, demoDocument());
  const draft = demoDocument();
  draft.department = { ...(draft.department as object), name: "企画部" };
  draftId = (await importManifesto(source.ctx, draft)).manifestoId;
  await createUser(source.ctx, {
    username: "planner",
    password: PASSWORD,
    role: "planning",
    municipalityCode: "242161",
  });
  untouchedExport = await exportManifesto(source.ctx, { ...SELECTOR, department: "総務部" });
  await source.close();
  if (source.target.kind !== "pglite") throw new Error("an embedded database is needed");
  fs.cpSync(source.target.dataDir, seen(`${mountPoint}/data`), { recursive: true });
}, SLOW);

afterAll(async () => {
  holder?.kill("SIGKILL"); // the namespace, and its mounts, go with it
  await source?.destroy();
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe("an embedded database on a disk that is full or read-only", () => {
  it(
    "refuses to start on a full or nearly full disk, changing nothing, and starts once there is room",
    async () => {
      const data = `${mountPoint}/data`;
      const before = snapshot(seen(data));
      fill(seen(mountPoint), 0);
      expectPlainRefusal(await failedStart(data), /ディスクの空きがありません/);
      expect(snapshot(seen(data))).toStrictEqual(before);

      fs.rmSync(seen(`${mountPoint}/filler`));
      fill(seen(mountPoint), 2 ** 20); // 1 MiB left: PGlite would abort without a word
      const nearly = await failedStart(data);
      expectPlainRefusal(
        nearly,
        /ディスクの空きが足りません: 空き \d+\.\d MB、少なくとも 32\.0 MB 必要/,
      );
      expect(snapshot(seen(data))).toStrictEqual(before);

      fs.rmSync(seen(`${mountPoint}/filler`));
      const server = await startedServer(data);
      const session = await signInTo(server.url, "planner", PASSWORD);
      const get = async () => {
        const r = await fetch(`${server.url}/api/manifestos/${draftId}`, {
          headers: session.headers,
        });
        return (await r.json()) as {
          manifesto: { revision: number };
          document: { goals: { title: string }[] };
        };
      };
      const start = await get();
      expect(start.document).toMatchObject({ department: { name: "企画部" } });

      // The disk fills while the server runs: saves are refused whole, never half-written.
      fill(seen(mountPoint), 0);
      let revision = start.manifesto.revision;
      let refusal:
        | { status: number; body: { error: { code: string; message: string } } }
        | undefined;
      for (let i = 1; i <= 30 && !refusal; i++) {
        const document = structuredClone(start.document);
        if (document.goals[0]) document.goals[0].title = `満杯の中の保存 ${i}`;
        const r = await fetch(`${server.url}/api/manifestos/${draftId}`, {
          method: "PUT",
          headers: { ...session.headers, "content-type": "application/json" },
          body: JSON.stringify({ revision, document }),
        });
        const body = (await r.json()) as { revision: number } & Refusal["body"];
        if (r.status === 200) revision = body.revision;
        else refusal = { status: r.status, body };
      }
      expect(refusal?.status).toBe(503);
      expect(refusal?.body.error.code).toBe("storage_unavailable");
      expect(refusal?.body.error.message).toContain("ディスクがいっぱい");
      expect((await get()).manifesto.revision).toBe(revision);
      // A backup through the running server still works: it writes nothing where the disk is full.
      const backupFile = `${mountPoint}-backup.gz`;
      const backup = await runIn(["backup", "--out", backupFile], data);
      expect(backup.stderr).toContain("through the running server");
      expect(backup.status).toBe(0);
      expect(fs.statSync(backupFile).size).toBeGreaterThan(0);
      fs.rmSync(backupFile);

      fs.rmSync(seen(`${mountPoint}/filler`));
      const after = structuredClone(start.document);
      if (after.goals[0]) after.goals[0].title = "空きが戻ってからの保存";
      const saved = await fetch(`${server.url}/api/manifestos/${draftId}`, {
        method: "PUT",
        headers: { ...session.headers, "content-type": "application/json" },
        body: JSON.stringify({ revision, document: after }),
      });
      expect(saved.status).toBe(200);
      expect(await server.stop()).toBe(0);

      // Whole: every revision there, the untouched manifesto exactly as it was imported.
      const reopened = await openDatabase(
        { kind: "pglite", dataDir: seen(data) },
        { purpose: "test" },
      );
      try {
        const ctx = { db: reopened.db, actor: "test" };
        const revisions = await reopened.db
          .selectFrom("manifesto_revisions")
          .select("revision")
          .where("manifesto_id", "=", draftId)
          .orderBy("revision")
          .execute();
        expect(revisions.map((r) => r.revision)).toEqual(
          Array.from({ length: revision + 1 }, (_, i) => i + 1),
        );
        const current = (await exportManifesto(ctx, SELECTOR)) as { goals: { title: string }[] };
        expect(current.goals[0]?.title).toBe("空きが戻ってからの保存");
        const untouched = await exportManifesto(ctx, { ...SELECTOR, department: "総務部" });
        expect(untouched).toStrictEqual(untouchedExport);
      } finally {
        await reopened.close();
      }
    },
    SLOW,
  );

  it(
    "refuses to start on a read-only file system, and starts once it is writable",
    async () => {
      const data = `${mountPoint}/data`;
      inNamespace(["mount", "-o", "remount,ro", mountPoint]);
      try {
        expectPlainRefusal(await failedStart(data), /読み取り専用のファイルシステムです/);
      } finally {
        inNamespace(["mount", "-o", "remount,rw", mountPoint]);
      }
      const server = await startedServer(data);
      expect(await server.stop()).toBe(0);
    },
    SLOW,
  );

  it(
    "refuses to create a new database on a disk too small for it, and creates it once there is room",
    async () => {
      const small = `${mountPoint}/small`;
      fs.mkdirSync(seen(small));
      // Above the 32 MB start-up minimum, below what a new database needs (about 40 MB).
      inNamespace(["mount", "-t", "tmpfs", "-o", "size=36m", "tassei-small", small]);
      expectPlainRefusal(await failedStart(`${small}/data`), /ディスクの空き/);
      inNamespace(["mount", "-o", "remount,size=100m", small]);
      const server = await startedServer(`${small}/data`);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
    },
    SLOW,
  );
});
