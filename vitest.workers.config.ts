import { mkdirSync } from "node:fs";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";
import { ALLOWED_GATED, SUITE_TOKEN } from "./test/workers/write-trust-models.ts";

// wrangler refuses an assets directory that does not exist, and a fresh clone has no built site
mkdirSync(new URL("./site/dist", import.meta.url), { recursive: true });

// Worker suites: routes, validation, the job Durable Object, the queue consumer, KV and badges run
// inside workerd (miniflare) against the project's mock Hub, started on the Node side.
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      main: "./test/workers/single-worker.ts",
      miniflare: {
        // the tasks Worker's consumer (wrangler.tasks.toml), on the same Worker
        queueConsumers: { "heavytail-tasks": { maxBatchSize: 1, maxBatchTimeout: 1, maxRetries: 10 } },
        bindings: {
          HF_ENDPOINT: inject("hubUrl"),
          // opens the suites' private and gated repos, as an operator's token would
          HF_TOKEN: SUITE_TOKEN,
          GATED_REPOS: ALLOWED_GATED,
          TASK_LEASE_SECONDS: "5",
          TASK_START_SECONDS: "10",
          TRIGGERS_PER_MINUTE: "1000",
          MAX_MODEL_BYTES: "50000000",
          // small enough that the fixtures' larger layers are split into parts and combined
          EDGE_TASK_FLOPS: "2e7",
        },
      },
    })),
  ],
  test: {
    name: "workers",
    include: ["functions/**/*.test.ts"],
    globalSetup: ["test/workers/mock-hub-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
