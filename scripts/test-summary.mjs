// Adds up the vitest JSON reports of both passes, Playwright's JSON report of the browser
// tests and the steps that are not tests (lint, type check) into the closing line
// `N passed, N failed`, and the exit code.
import fs from "node:fs";

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
