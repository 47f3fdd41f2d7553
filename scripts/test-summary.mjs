// Adds up the vitest JSON reports of both passes, Playwright's JSON report of the browser
// tests and the steps that are not tests (lint, type check) into the closing line
// `N passed, N failed`, and the exit code. Each failed test is named again here, next to that
// line: a CI log is often read from its end only, where the failure's own report is long gone.
import fs from "node:fs";
import { stripVTControlCharacters } from "node:util";

/** The first line of a failure message, without the terminal's colour codes. */
const firstLine = (message = "") =>
  stripVTControlCharacters(message)
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim()
    .slice(0, 300) ?? "";

const [failedStepCount, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedStepCount ?? 0);
for (const file of fs.readdirSync(".test-artifacts").filter((f) => /^vitest-.*\.json$/.test(f))) {
  const report = JSON.parse(fs.readFileSync(`.test-artifacts/${file}`, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
  );
  if (skipped > 0) {
    console.log("  skipped or todo tests are not allowed in this project");
    failed += skipped;
  }
  if (report.numTotalTests === 0) failed += 1;
  for (const fileResult of report.testResults ?? []) {
    const where = fileResult.name.replace(`${process.cwd()}/`, "");
    for (const test of fileResult.assertionResults ?? []) {
      if (test.status !== "failed") continue;
      console.log(`  failed: ${where} › ${test.fullName}`);
      console.log(`    ${firstLine(test.failureMessages?.[0])}`);
    }
    // A file that failed before its tests ran (an import, a hook) has a message of its own.
    if (fileResult.status === "failed" && (fileResult.assertionResults ?? []).length === 0) {
      console.log(`  failed: ${where}`);
      console.log(`    ${firstLine(fileResult.message)}`);
    }
  }
}
// Playwright: expected = passed; unexpected and flaky (passed only on a retry) = failed.
const PLAYWRIGHT_REPORT = ".test-artifacts/playwright.json";
if (fs.existsSync(PLAYWRIGHT_REPORT)) {
  const { stats, errors = [] } = JSON.parse(fs.readFileSync(PLAYWRIGHT_REPORT, "utf8"));
  const pwFailed = stats.unexpected + stats.flaky;
  passed += stats.expected;
  failed += pwFailed;
  console.log(
    `playwright.json: ${stats.expected} passed, ${pwFailed} failed, ${stats.skipped} skipped`,
  );
  if (stats.skipped > 0) {
    console.log("  skipped tests are not allowed in this project");
    failed += stats.skipped;
  }
  for (const line of failedPlaywrightTests(JSON.parse(fs.readFileSync(PLAYWRIGHT_REPORT, "utf8"))))
    console.log(line);
  // A global setup that fails leaves errors and no test run.
  for (const error of errors) console.log(`  error: ${error.message?.split("\n")[0]}`);
  if (stats.expected + stats.unexpected + stats.flaky + stats.skipped === 0) failed += 1;
} else {
  console.log(`${PLAYWRIGHT_REPORT}: missing, the browser tests did not run`);
  failed += 1;
}
for (const step of failedSteps) console.log(`failed step: ${step}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** `failed: file › title` and the first line of its error, for each unexpected or flaky test. */
function failedPlaywrightTests(report) {
  const lines = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results?.find((r) => r.error)?.error;
        lines.push(
          `  failed: ${spec.file} › ${[...titles, spec.title].join(" › ")} [${test.projectName}]`,
        );
        lines.push(`    ${firstLine(error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return lines;
}
