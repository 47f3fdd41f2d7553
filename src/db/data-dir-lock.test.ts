import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(r.stdout);
}

describe("the data directory lock", () => {
  it("refuses a second holder while the first holds it, and frees it on release", () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir, "tassei serve");
    expect(() => acquireDataDirLock(dir, "tassei import")).toThrow(/tassei serve/);
    first.release();
    expect(fs.existsSync(path.join(dir, "tassei.lock"))).toBe(false);
    const second = acquireDataDirLock(dir, "tassei import");
    second.release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir();
    const lockFile = path.join(dir, "tassei.lock");
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), host: os.hostname(), command: "killed", since: "" }),
    );
    const lock = acquireDataDirLock(dir, "after the crash");
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable lock file and leaves no temporary files behind", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "tassei.lock"), "{ half");
    const lock = acquireDataDirLock(dir, "x");
    expect(fs.readdirSync(dir)).toEqual(["tassei.lock"]);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("says plainly when the directory cannot be used, and what to check", () => {
    const dir = tempDir();
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "");
    expect(() => acquireDataDirLock(path.join(file, "data"), "x")).toThrow(
      /TASSEI_DATA_DIR.*|a file stands where a directory is needed/,
    );
    try {
      acquireDataDirLock(path.join(file, "data"), "x");
    } catch (e) {
      expect((e as { code: string }).code).toBe("storage_unavailable");
      expect((e as Error).message).toContain("a file stands where a directory is needed");
    }
  });

  it("does not take over a lock held by another host", () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, "tassei.lock"),
      JSON.stringify({ pid: 1, host: "another-host", command: "serve", since: "" }),
    );
    expect(() => acquireDataDirLock(dir, "x")).toThrow(/another-host/);
  });
});
