import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, processStartTime } from "./data-dir-lock.ts";

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

  describe("a stale lock whose PID now belongs to an unrelated live process", () => {
    // After a kill -9 and a reboot (or just many processes later) the lock's PID is often
    // some other program's: a start refused for it would, under Restart=on-failure, retry
    // for ever. The lock records who its owner was beyond the PID.
    const stranger = () => {
      const child = spawn("sleep", ["60"], { stdio: "ignore" });
      const pid = child.pid;
      if (pid === undefined) throw new Error("sleep did not start");
      return { pid, stop: () => child.kill("SIGKILL") };
    };
    const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();

    it("takes over a lock whose PID runs but started at another time", () => {
      const dir = tempDir();
      const other = stranger();
      try {
        const started = processStartTime(other.pid);
        expect(started).toMatch(/^\d+$/);
        fs.writeFileSync(
          path.join(dir, "tassei.lock"),
          JSON.stringify({
            pid: other.pid,
            host: os.hostname(),
            command: "tassei serve",
            since: "",
            bootId,
            startTime: String(Number(started) - 1000),
          }),
        );
        const lock = acquireDataDirLock(dir, "the restart");
        expect(JSON.parse(fs.readFileSync(path.join(dir, "tassei.lock"), "utf8")).pid).toBe(
          process.pid,
        );
        lock.release();
      } finally {
        other.stop();
      }
    });

    it("takes over a lock written before the last reboot", () => {
      const dir = tempDir();
      const other = stranger();
      try {
        fs.writeFileSync(
          path.join(dir, "tassei.lock"),
          JSON.stringify({
            pid: other.pid,
            host: os.hostname(),
            command: "tassei serve",
            since: "",
            bootId: "00000000-0000-0000-0000-000000000000",
            startTime: processStartTime(other.pid),
          }),
        );
        acquireDataDirLock(dir, "after the reboot").release();
      } finally {
        other.stop();
      }
    });

    it("still refuses the live owner itself, recognised by PID, boot and start time", () => {
      const dir = tempDir();
      const first = acquireDataDirLock(dir, "tassei serve");
      const written = JSON.parse(fs.readFileSync(path.join(dir, "tassei.lock"), "utf8"));
      expect(written).toMatchObject({ bootId, startTime: processStartTime(process.pid) });
      expect(() => acquireDataDirLock(dir, "tassei import")).toThrow(/tassei serve/);
      first.release();
    });
  });
});
