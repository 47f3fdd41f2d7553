// scripts/test-summary.mjs, the last lines of `npm test`: the count, and each failed test named
// with the first line of its error, so that the end of a CI log says what failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./support/fixtures.ts";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-summary-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function summarise(reports: Record<string, unknown>, failedSteps: string[] = []) {
  fs.mkdirSync(path.join(dir, ".test-artifacts"));
  for (const [name, report] of Object.entries(reports)) {
    fs.writeFileSync(path.join(dir, ".test-artifacts", name), JSON.stringify(report));
  }
  const r = spawnSync(
    process.execPath,
    [
      path.join(PROJECT_ROOT, "scripts/test-summary.mjs"),
      String(failedSteps.length),
      ...failedSteps,
    ],
    { cwd: dir, encoding: "utf8" },
  );
  return { status: r.status, lines: r.stdout.trimEnd().split("\n") };
}

const vitestReport = (tests: { name: string; status: string; message?: string }[]) => ({
  numPassedTests: tests.filter((t) => t.status === "passed").length,
  numFailedTests: tests.filter((t) => t.status === "failed").length,
  numPendingTests: 0,
  numTotalTests: tests.length,
  testResults: [
    {
      name: path.join(dir, "src/db/pool.db.test.ts"),
      status: tests.some((t) => t.status === "failed") ? "failed" : "passed",
      assertionResults: tests.map((t) => ({
        fullName: t.name,
        status: t.status,
        failureMessages: t.message ? [t.message] : [],
      })),
    },
  ],
});

const playwrightReport = (status: string) => ({
  stats: { expected: 1, unexpected: status === "unexpected" ? 1 : 0, flaky: 0, skipped: 0 },
  errors: [],
  suites: [
    {
      title: "staff.spec.ts",
      file: "staff.spec.ts",
      specs: [],
      suites: [
        {
          title: "signing in",
          file: "staff.spec.ts",
          specs: [
            {
              title: "lands on the start page",
              file: "staff.spec.ts",
              tests: [
                {
                  projectName: "live",
                  status,
                  results: [{ error: { message: "\u001b[31mError: not visible\u001b[39m\nmore" } }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe("the summary of npm test", () => {
  it("names each failed test and the first line of its error, and exits 1", () => {
    const { status, lines } = summarise({
      "vitest-postgres.json": vitestReport([
        { name: "a pool gives one wrapper", status: "passed" },
        {
          name: "a pool hands out turns",
          status: "failed",
          message:
            "\u001b[31m\nAssertionError: expected 3 to be 2\u001b[39m\n    at pool.db.test.ts:9",
        },
      ]),
      "playwright.json": playwrightReport("unexpected"),
    });
    expect(status).toBe(1);
    expect(lines).toEqual([
      "vitest-postgres.json: 1 passed, 1 failed, 0 skipped",
      "  failed: src/db/pool.db.test.ts › a pool hands out turns",
      "    AssertionError: expected 3 to be 2",
      "playwright.json: 1 passed, 1 failed, 0 skipped",
      "  failed: staff.spec.ts › signing in › lands on the start page [live]",
      "    Error: not visible",
      "2 passed, 2 failed",
    ]);
  });

  it("says only the counts when everything passed, and exits 0", () => {
    const { status, lines } = summarise({
      "vitest-pglite.json": vitestReport([{ name: "a pool gives one wrapper", status: "passed" }]),
      "playwright.json": playwrightReport("expected"),
    });
    expect([status, lines]).toEqual([
      0,
      [
        "vitest-pglite.json: 1 passed, 0 failed, 0 skipped",
        "playwright.json: 1 passed, 0 failed, 0 skipped",
        "2 passed, 0 failed",
      ],
    ]);
  });
});
