import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeModel } from "#shared/analyze";
import { HeavytailError } from "#shared/errors";
import { chooseEngine } from "./choose-engine.ts";
import { createLayerPool } from "./create-layer-pool.ts";
import { LayerWorkerError } from "./layer-worker-error.ts";
import { openLocalModel } from "./open-local-model.ts";

const tesseract = join(new URL("../test/fixtures/tesseract_eng_lstm", import.meta.url).pathname);
const worker = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from "node:worker_threads";\n${code}`)}`);

async function analyse(threads: number, workerUrl?: URL) {
  const opened = openLocalModel(tesseract);
  const engine = await chooseEngine(null);
  const pool = createLayerPool({ threads, memoryBytes: Infinity, location: opened.location, module: engine.module ?? null, workerUrl });
  try {
    return await analyzeModel(opened.model, opened.description, { randomize: true, seed: 3, engine: engine.name, eigvalsh: engine.eigvalsh, grams: engine.grams, runner: pool, now: () => new Date(0) });
  } finally {
    await pool.close();
  }
}

describe("createLayerPool", () => {
  it("gives the report of the in-process loop, from worker threads that open the files themselves", async () => {
    const opened = openLocalModel(tesseract);
    const engine = await chooseEngine(null);
    const here = await analyzeModel(opened.model, opened.description, { randomize: true, seed: 3, engine: engine.name, eigvalsh: engine.eigvalsh, grams: engine.grams, now: () => new Date(0) });
    expect(await analyse(2)).toEqual(here);
  });

  it("ends the analysis with an error naming the layer when a worker exits, throws or cannot start", async () => {
    const exits = analyse(2, worker(`parentPort.on("message", () => process.exit(3));`));
    await expect(exits).rejects.toBeInstanceOf(LayerWorkerError);
    await expect(exits).rejects.toThrow(/^the worker thread analysing layer \d+ \(\S+\) stopped: it exited with code 3$/);
    await expect(analyse(2, worker(`parentPort.on("message", () => { throw new Error("kernel fault"); });`))).rejects.toThrow(/layer \d+ \(\S+\) stopped: kernel fault/);
    await expect(analyse(1, new URL("file:///no/such/heavytail-layer-worker.mjs"))).rejects.toThrow(/layer 1 \(Lfx512\.CI\) stopped: .*no\/such/);
  });

  it("keeps, revived by its code, the HeavytailError a worker threw: the thread boundary drops its prototype", async () => {
    const thrown = `parentPort.on("message", () => { throw Object.assign(new Error("m.safetensors: 3 bytes"), { name: "SafetensorsError", code: "file_too_short", status: 422 }); });`;
    const error = await analyse(2, worker(thrown)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayerWorkerError);
    expect((error as LayerWorkerError).cause).toBeInstanceOf(HeavytailError);
    expect((error as LayerWorkerError).cause).toMatchObject({ name: "SafetensorsError", code: "file_too_short", status: 422 });
  });
});
