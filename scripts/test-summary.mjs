// Adds up the vitest JSON reports of both passes and the steps that are not vitest (lint,
// type check) into the closing line `N passed, N failed`, and the exit code.
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
for (const step of failedSteps) console.log(`failed step: ${step}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
