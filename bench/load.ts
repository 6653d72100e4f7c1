// npm run bench:load [-- --seconds S] [-- --rate R]
// The service under load, loopback only, bounded in count and time: 20 concurrent triggers of one
// model must make one job and at most 2 Hub API calls; then badges and reports are asked for at
// R requests/s (default 200) for S seconds (default 10), open loop (a slow answer does not slow
// the asking), with every answer's latency. Exits non-zero when a check fails or any request errs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startWranglerDev } from "../scripts/start-wrangler-dev.ts";
import { createMockHub } from "../test/mock-hub/create-mock-hub.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, rate: { type: "string", default: "200" } } });
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const MODEL = "load/tesseract";
const TRIGGERS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = mkdtempSync(join(tmpdir(), "heavytail-load-"));
const hub = await createMockHub({ repos: { [MODEL]: join(ROOT, "test/fixtures/tesseract_eng_lstm") } });
const service = await startWranglerDev({ root: ROOT, vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" }, persistTo: join(dir, "state"), logFile: join(dir, "wrangler.log") });
const failures: string[] = [];
try {
  hub.requests.length = 0;
  const answers = await Promise.all(
    Array.from({ length: TRIGGERS }, () =>
      fetch(`${service.url}/api/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: MODEL }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { key?: string; status_url?: string } })),
    ),
  );
  const keys = new Set(answers.map((a) => a.body.key));
  const apiCalls = hub.requests.filter((r) => r.path.startsWith("/api/")).length;
  console.log(`triggers: ${TRIGGERS} concurrent → ${keys.size} job(s), ${apiCalls} Hub API call(s), statuses ${[...new Set(answers.map((a) => a.status))].join(",")}`);
  if (keys.size !== 1) failures.push(`${TRIGGERS} triggers made ${keys.size} jobs`);
  if (apiCalls > 2) failures.push(`${TRIGGERS} triggers made ${apiCalls} Hub API calls`);
  const key = [...keys][0]!;
  for (const deadline = Date.now() + 300_000; ; ) {
    const status = (await (await fetch(`${service.url}/api/jobs/${key}`)).json()) as { state: string; error?: string };
    if (status.state === "done") break;
    if (status.state === "failed" || Date.now() > deadline) throw new Error(`the job did not finish: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 500));
  }

  const sha = key.slice(key.indexOf("@") + 1);
  const paths = [`/badge/${MODEL}.svg`, `/badge/${MODEL}.json`, `/api/reports/${MODEL}`, `/api/reports/${MODEL}@${sha}`, `/badge/${MODEL}@${sha}.svg`];
  const latencies: number[] = [];
  const byPath = new Map<string, number[]>(paths.map((p) => [p, []]));
  const errors: string[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < SECONDS * RATE; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const path = paths[i % paths.length]!;
    const t0 = performance.now();
    pending.push(
      fetch(`${service.url}${path}`).then(
        async (r) => {
          await r.arrayBuffer();
          latencies.push(performance.now() - t0);
          byPath.get(path)!.push(performance.now() - t0);
          if (r.status !== 200) errors.push(`${path}: ${r.status}`);
        },
        (error: Error) => void errors.push(`${path}: ${error.message}`),
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    `reads: ${pending.length} in ${elapsed.toFixed(1)} s (${(pending.length / elapsed).toFixed(0)}/s asked ${RATE}/s) over ${paths.length} badge and report URLs; ` +
      `errors ${errors.length}; latency ms p50 ${percentile(sorted, 50).toFixed(1)} p95 ${percentile(sorted, 95).toFixed(1)} p99 ${percentile(sorted, 99).toFixed(1)} max ${sorted.at(-1)!.toFixed(1)}`,
  );
  for (const [path, times] of byPath) {
    const t = times.sort((a, b) => a - b);
    if (t.length > 0) console.log(`  ${path.replace(sha, "<sha>")}: p50 ${percentile(t, 50).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms`);
  }
  if (errors.length > 0) failures.push(`${errors.length} reads failed, e.g. ${errors.slice(0, 3).join("; ")}`);
} finally {
  await service.stop();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`load check failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("load check passed");
