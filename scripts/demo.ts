// `npm run demo [-- --port 8787] [-- --skip-site]`: the whole product on this machine, offline.
// A mock Hugging Face Hub serves the bundled fixture models, a small model tree (a base, two
// fine-tunes, a LoRA adapter and a Q8_0 GGUF, each card naming the base) and a GPT-2-small-shaped
// language model; the service (wrangler dev: both Workers, local KV, Queues, Durable Objects)
// analyses the fixtures and the tree through it (the fine-tunes compared with their base), the
// static site is built from the service's reports and served by the same Worker, and then the
// language model is analysed while the user watches. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeGpt2LikeModel } from "../test/helpers/generate-models.ts";
import { familyIds, writeModelFamily } from "../test/helpers/write-model-family.ts";
import { createMockHub } from "../test/mock-hub/create-mock-hub.ts";
import { localServiceJson } from "./local-service-json.ts";
import { startWranglerDev } from "./start-wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = {
  "paddle/ppocrv4_rec": join(ROOT, "test/fixtures/ppocrv4_rec"),
  "tesseract/eng_lstm": join(ROOT, "test/fixtures/tesseract_eng_lstm"),
};
const LANGUAGE_MODEL = "demo/gpt2-small-shaped";
const LANGUAGE_MODEL_DIR = join(ROOT, ".wrangler", "demo-models", "gpt2-small-shaped");
const FAMILY = familyIds("family");

async function post(service: string, model: string): Promise<{ key: string; state: string }> {
  const { status, body } = await localServiceJson<{ key?: string; state?: string; message?: string }>(`${service}/api/analyze`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model }),
  });
  if (!body.key) throw new Error(`analysing ${model} failed: ${status} ${body.message ?? ""}`);
  return { key: body.key, state: body.state ?? "" };
}

async function waitForJob(service: string, model: string, key: string, state: string): Promise<void> {
  while (state !== "done") {
    await new Promise((r) => setTimeout(r, 1000));
    const { body: status } = await localServiceJson<{ state: string; error?: string }>(`${service}/api/jobs/${key}`);
    if (status.state === "failed") throw new Error(`analysing ${model} failed: ${status.error}`);
    if (status.state !== state) console.log(`  ${model}: ${status.state}`);
    state = status.state;
  }
}

async function analyse(service: string, model: string): Promise<string> {
  const body = await post(service, model);
  await waitForJob(service, model, body.key, body.state);
  return body.key;
}

/** A fine-tune's comparison with its base, which its trigger started: waited for, so the site's build has it. */
async function waitForComparison(service: string, model: string): Promise<void> {
  const [id, sha] = (await post(service, model)).key.split("@");
  const { body: comparison } = await localServiceJson<{ key: string | null; state: string; message: string | null; base: { id: string; sha: string } }>(`${service}/api/comparisons/${id}@${sha}`);
  if (comparison.key === null) throw new Error(`${model} was not compared with its base: ${comparison.message}`);
  await waitForJob(service, `${model} against its base`, comparison.key, "");
  // the base's own card, which the comparison's trigger started too
  await waitForJob(service, comparison.base.id, `${comparison.base.id}@${comparison.base.sha}`, "");
}

function buildSite(service: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["site/build.ts", "--from", service, "--example", LANGUAGE_MODEL], { cwd: ROOT, stdio: "inherit" });
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`the site build exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8787" }, "skip-site": { type: "boolean" } } });
  const port = Number(values.port);
  if (!existsSync(join(LANGUAGE_MODEL_DIR, "model.safetensors"))) {
    console.log(`writing the ${LANGUAGE_MODEL} model (548 MB, once) into ${LANGUAGE_MODEL_DIR}…`);
    await writeGpt2LikeModel(LANGUAGE_MODEL_DIR, { seed: 5 });
  }
  const family = await writeModelFamily(join(ROOT, ".wrangler", "demo-models", "family"));
  const models = { ...FIXTURES, ...family, [LANGUAGE_MODEL]: LANGUAGE_MODEL_DIR };
  const hub = await createMockHub({ repos: models });
  console.log(`mock Hub on ${hub.url} serving ${Object.keys(models).join(", ")}`);
  const service = await startWranglerDev({
    root: ROOT,
    port,
    vars: { HF_ENDPOINT: hub.url },
    persistTo: join(ROOT, ".wrangler", "demo-state"),
    logFile: join(ROOT, ".wrangler", "demo-wrangler.log"),
  });
  const stop = async () => {
    await service.stop();
    await hub.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  console.log(`service on ${service.url} (log: .wrangler/demo-wrangler.log)`);

  let language;
  try {
    for (const model of Object.keys(FIXTURES)) console.log(`analysed ${await analyse(service.url, `https://huggingface.co/${model}`)}`);
    for (const model of [FAMILY.chat, FAMILY.code, FAMILY.lora, FAMILY.q8]) console.log(`analysed ${await analyse(service.url, model)}`);
    for (const model of [FAMILY.chat, FAMILY.code]) await waitForComparison(service.url, model);
    if (!values["skip-site"]) await buildSite(service.url);
    language = await post(service.url, LANGUAGE_MODEL);
  } catch (error) {
    // wrangler runs in its own process group: left running, it would hold the port for the next demo
    await service.stop();
    await hub.close();
    throw error;
  }

  console.log(`
heavytail demo is running (Ctrl-C stops it):
  site and leaderboard   ${service.url}/
  a model page           ${service.url}/paddle/ppocrv4_rec
  a model tree           ${service.url}/lineage/?base=${FAMILY.base}
  fine-tune vs its base  ${service.url}/compare/${FAMILY.chat}/vs/${FAMILY.base}/
  a language model       ${service.url}/${LANGUAGE_MODEL}   (${language.state === "done" ? "analysed" : "being analysed now: open it to watch, about 2 minutes"})
  report JSON            ${service.url}/api/reports/paddle/ppocrv4_rec
  badge                  ${service.url}/badge/paddle/ppocrv4_rec.svg
  leaderboard JSON       ${service.url}/api/leaderboard
  analyse by URL         curl -X POST ${service.url}/api/analyze -H 'content-type: application/json' -d '{"model":"https://huggingface.co/tesseract/eng_lstm"}'
`);
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
