import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatNumber,
  formatRatio,
  formatTable,
  parseCount,
  percentile,
  ratePerSecond,
  summarize,
} from "./support.ts";

describe("percentile", () => {
  it("interpolates between the two nearest ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([0, 10], 95)).toBeCloseTo(9.5, 10);
  });

  it("does not depend on the order of the samples, and leaves them unsorted", () => {
    const samples = [9, 1, 5, 3, 7];
    expect(percentile(samples, 50)).toBe(5);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it("gives the minimum at 0, the maximum at 100, and the only sample of one", () => {
    expect(percentile([4, 8, 2], 0)).toBe(2);
    expect(percentile([4, 8, 2], 100)).toBe(8);
    expect(percentile([42], 95)).toBe(42);
  });

  it("sorts numerically, not as text", () => {
    expect(percentile([100, 9, 20], 50)).toBe(20);
  });

  it("refuses no samples and a percentile outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it("p95 of 1..100 lies between the 95th and 96th values", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBeCloseTo(95.05, 10);
  });
});

describe("summarize", () => {
  it("gives count, min, p50, p95, max and mean", () => {
    const s = summarize([3, 1, 2, 10]);
    expect(s.count).toBe(4);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    expect(s.mean).toBe(4);
    expect(s.p50).toBe(2.5);
    expect(s.p95).toBeCloseTo(8.95, 10);
  });

  it("refuses no samples", () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe("rates and ratios", () => {
  it("turns a count over milliseconds into a rate per second", () => {
    expect(ratePerSecond(500, 250)).toBe(2000);
    expect(ratePerSecond(5, 0)).toBeNaN();
  });

  it("states a ratio as ×n with few digits, and — when there is no baseline", () => {
    expect(formatRatio(30, 10)).toBe("×3.00");
    expect(formatRatio(125, 10)).toBe("×12.5");
    expect(formatRatio(1, 0)).toBe("—");
    expect(formatRatio(Number.NaN, 2)).toBe("—");
  });

  it("formats whole numbers with separators and others to about three figures", () => {
    expect(formatNumber(25000)).toBe("25,000");
    expect(formatNumber(1234.56)).toBe("1,235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatTable", () => {
  it("pads columns to their widest cell, numbers to the right", () => {
    const text = formatTable(
      ["backend", "docs/s"],
      [
        ["pglite", 214.4],
        ["postgres", 1500],
      ],
    );
    expect(text).toBe(
      ["backend   docs/s", "--------  ------", "pglite       214", "postgres   1,500", ""].join(
        "\n",
      ),
    );
  });
});

describe("parseCount", () => {
  it("takes the fallback when absent and refuses what is not a whole number ≥ min", () => {
    expect(parseCount("runs", undefined, 5)).toBe(5);
    expect(parseCount("runs", "7", 5)).toBe(7);
    expect(parseCount("seed", "0", 1, 0)).toBe(0);
    expect(() => parseCount("runs", "0", 5)).toThrow(/--runs/);
    expect(() => parseCount("runs", "2.5", 5)).toThrow(RangeError);
    expect(() => parseCount("runs", "many", 5)).toThrow(RangeError);
  });
});

/**
 * Runs `body` in a child process (ES module, through tsx) after `const cleanup = new
 * Cleanup()`, with `marker` the path of a file a task may write; the result and whether the
 * marker was written.
 */
function runCleanupChild(body: (marker: string) => string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-cleanup-"));
  try {
    const marker = path.join(dir, "cleaned");
    const script = [
      `import fs from "node:fs";`,
      `import { Cleanup } from ${JSON.stringify(path.resolve("bench/support.ts"))};`,
      `const cleanup = new Cleanup();`,
      ...body(JSON.stringify(marker)),
      // Keeps the child alive long enough for the cleanup to end it.
      `setTimeout(() => {}, 5_000);`,
    ].join("\n");
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    return { ...r, cleaned: fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === "yes" };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("Cleanup", () => {
  it("is waited for by every caller: a second run() ends only when the tasks have", () => {
    // The uncaught exception starts the cleanup; the main flow's own run() (its finally)
    // must not return before the slow task has ended, nor let the process end first.
    const r = runCleanupChild((marker) => [
      `cleanup.add(async () => { await new Promise((r) => setTimeout(r, 300)); fs.writeFileSync(${marker}, "yes"); });`,
      `setTimeout(() => { throw new RangeError("first"); }, 10);`,
      `setTimeout(async () => { await cleanup.run(); process.exit(1); }, 50);`,
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.cleaned).toBe(true);
  });

  it("runs its tasks when an exception escapes a callback, then exits with status 1", () => {
    const r = runCleanupChild((marker) => [
      `cleanup.add(async () => fs.writeFileSync(${marker}, "yes"));`,
      `setTimeout(() => { throw new RangeError("a load generator's bug"); }, 10);`,
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain("a load generator's bug");
    expect(r.cleaned).toBe(true);
  });
});
