import { defineConfig } from "vitest/config";

// Browser suites: the built static site in Debian's Chromium (playwright-core), served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: ".test-artifacts/vitest-browser.json" },
  },
});
