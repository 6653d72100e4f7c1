import { defineConfig } from "vitest/config";

// Node-side suites: the engine (shared/), the CLI, the mock Hub, end-to-end runs.
// Worker suites run inside workerd through their own project (see vitest.workers.config.ts).
export default defineConfig({
  test: {
    include: ["shared/**/*.test.ts", "cli/**/*.test.ts", "test/**/*.test.ts", "site/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-artifacts/vitest.json" },
    projects: [{ extends: true, test: { name: "node" } }, "./vitest.workers.config.ts"],
  },
});
