// Prints one line, "tests: N passed, N failed, N skipped", over vitest JSON result files,
// so CI's log ends with a count every reader understands.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
// a file can fail outside its tests (a hook, an import) and count no failed test
let failedOutside = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`summarize-test-results: ${file} is missing`);
    failed++;
    continue;
  }
  const results = JSON.parse(readFileSync(file, "utf8"));
  passed += results.numPassedTests ?? 0;
  failed += results.numFailedTests ?? 0;
  skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
  for (const file of results.testResults ?? []) {
    if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) failedOutside++;
  }
}
const outside = failedOutside > 0 ? ` (${failedOutside} test file${failedOutside === 1 ? "" : "s"} failed outside its tests)` : "";
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped${outside}`);
process.exitCode = failed > 0 || failedOutside > 0 ? 1 : 0;
