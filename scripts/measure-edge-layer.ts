// Measures what one Worker task costs for one layer, under Node with the same task code the queue
// consumer runs (runTaskWork): peak resident memory and CPU time. Local workerd enforces neither
// the 128 MB limit nor CPU limits, so docs/edge-limits.md is written from these numbers.
//
//   npx tsx --expose-gc scripts/measure-edge-layer.ts --rows 768 --cols 3072 [--engine wasm|js] [--dtype BF16] [--work layer|packed|tall-part|wide-block|wide-band|banded] [--parts K]
//
// The weights are synthesised on the fly as a byte source (like bytes arriving from the Hub), so
// the tensor itself is never held in memory. Each run is a fresh process: run one shape at a time.
// Two memory figures: the peak resident set above the process's start (an upper bound: V8 keeps
// garbage until it needs the room), and the peak live JS memory (heap + ArrayBuffers, sampled at
// every chunk the task reads, after a GC at the start; add --gc-samples to collect garbage before
// every sample), plus the WASM engine's own peak memory: what a Worker's 128 MB limit counts.
import { parseArgs } from "node:util";
import type { LayerPlan } from "#shared/plan";
import type { ByteSource, Dtype } from "#shared/safetensors";
import { chooseEngine } from "../cli/choose-engine.ts";
import { loadWasmEngine } from "../cli/load-wasm-engine.ts";
import { wasmLayerEngine, type LayerEngine } from "../functions/layer-engine.ts";
import { runTaskWork } from "../functions/task/run-task-work.ts";
import { DEFAULT_EDGE_LIMITS, splitLayer } from "../functions/task/split-layer.ts";
import type { TaskMessage, TaskWork } from "../functions/task/task-message.ts";

const { values: options } = parseArgs({
  options: {
    rows: { type: "string", default: "768" },
    cols: { type: "string", default: "3072" },
    dtype: { type: "string", default: "BF16" },
    work: { type: "string", default: "layer" },
    parts: { type: "string", default: "4" },
    engine: { type: "string", default: "wasm" },
    "gc-samples": { type: "boolean", default: false },
  },
});

// splitmix32 of the element index, then a sum of four uniforms (≈ Gaussian): deterministic weights
function weightAt(index: number): number {
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    let z = (Math.imul(index, 4) + k + 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    sum += ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  }
  return (sum - 2) * 0.05;
}

/** A tensor's bytes made on request, `bytesPerValue` little-endian bytes per element. */
function syntheticSource(dtype: Dtype, elements: number, onChunk: () => void): ByteSource {
  const width = dtype === "BF16" || dtype === "F16" ? 2 : 4;
  const size = elements * width;
  const scratch = new DataView(new ArrayBuffer(4));
  const encode = (index: number, out: Uint8Array, at: number) => {
    scratch.setFloat32(0, weightAt(index), true);
    if (dtype === "BF16") {
      out[at] = scratch.getUint8(2);
      out[at + 1] = scratch.getUint8(3);
    } else {
      for (let b = 0; b < 4; b++) out[at + b] = scratch.getUint8(b);
    }
  };
  const make = (offset: number, length: number) => {
    const out = new Uint8Array(length);
    for (let at = 0; at < length; at += width) encode((offset + at) / width, out, at);
    return out;
  };
  return {
    name: "synthetic.safetensors",
    size: async () => size,
    read: async (offset, length) => make(offset, length),
    async *stream(offset, length) {
      const chunk = 1 << 20;
      for (let at = 0; at < length; at += chunk) {
        onChunk();
        yield make(offset + at, Math.min(chunk, length - at));
      }
    },
  };
}

/** the first (largest, longest-reading) band the service splits a wide packed layer into */
function firstBand(plan: LayerPlan): TaskWork {
  return (bandedCombine(plan) as { parts: { work: TaskWork }[] }).parts[0].work;
}

/** the combine of the bands the service builds a wide packed layer's Gram in */
function bandedCombine(plan: LayerPlan): TaskWork {
  const split = splitLayer(plan, { ...DEFAULT_EDGE_LIMITS, packed: true });
  const combine = split.ok ? split.tasks.at(-1)!.work : undefined;
  if (combine?.kind !== "combine" || !combine.packed) throw new Error(`the service does not build ${plan.rows}×${plan.cols}'s Gram in bands`);
  return combine;
}

async function main(): Promise<void> {
  const rows = Number(options.rows);
  const cols = Number(options.cols);
  const dtype = options.dtype as Dtype;
  const kind = options.work;
  const parts = Number(options.parts);
  // the Worker's engine is the WASM one (functions/engine.ts imports the module; Node loads the file)
  // the Worker's engine, built as functions/engine.ts builds it (Node reads the module from build/)
  const wasm = options.engine === "js" ? null : await loadWasmEngine();
  const engine: LayerEngine = wasm
    ? wasmLayerEngine(wasm)
    : await chooseEngine("js");
  const width = dtype === "BF16" || dtype === "F16" ? 2 : 4;
  const plan: LayerPlan = {
    layer_id: 0, name: "measured", layer_type: "dense", rows, cols, rf: 1, N: Math.max(rows, cols), M: Math.min(rows, cols), scale: 1,
    tensor: { name: "measured.weight", dtype, shape: [rows, cols], begin: 0, end: rows * cols * width, file: "synthetic.safetensors" },
  };
  const work: TaskWork =
    kind === "tall-part"
      ? { kind: "tall-part", rowStart: 0, rowEnd: Math.ceil(rows / parts) }
      : kind === "wide-block"
        ? { kind: "wide-block", i: 1, j: 0, panelRows: Math.ceil(rows / parts) }
        : kind === "packed"
          ? { kind: "packed" }
          : kind === "wide-band"
            ? firstBand(plan)
            : kind === "banded"
              ? bandedCombine(plan)
              : { kind: "layer" };
  const task: TaskMessage = { key: "measure/layer@0", id: "measure/layer", sha: "0", task: "000000", plan, work, seed: 1 };
  // parts are written to KV by the Worker; here a stand-in counts what was put, and keeps it only
  // for `--work banded` (every band, then the combine that reads them back)
  let storedBytes = 0;
  const stored = new Map<string, { value: ArrayBuffer; metadata: unknown }>();
  const keep = kind === "banded";
  const kv = {
    put: async (key: string, value: ArrayBufferView, options?: { metadata?: unknown }) => {
      storedBytes += value.byteLength;
      if (keep) stored.set(key, { value: value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer, metadata: options?.metadata ?? null });
    },
    get: async (key: string) => stored.get(key)?.value ?? null,
    getWithMetadata: async (key: string) => stored.get(key) ?? { value: null, metadata: null },
  } as unknown as KVNamespace;

  (globalThis as { gc?: () => void }).gc?.();
  const live = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const liveBefore = live();
  let livePeak = liveBefore;
  // --gc-samples collects garbage before each sample: the live set exactly, at the price of CPU time
  const gcSamples = options["gc-samples"];
  const sample = () => {
    if (gcSamples) (globalThis as { gc?: () => void }).gc?.();
    livePeak = Math.max(livePeak, live());
  };
  const before = process.resourceUsage().maxRSS;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytesRead = 0;
  const source = () => {
    const inner = syntheticSource(dtype, rows * cols, sample);
    return { ...inner, async *stream(offset: number, length: number) { bytesRead += length; yield* inner.stream(offset, length); } };
  };
  // --work banded: each band's task, then the combine, one after another as the queue would run them
  if (work.kind === "combine") for (const part of work.parts) await runTaskWork({ ...task, task: part.task, work: part.work }, source(), engine, kv);
  const layer = await runTaskWork(task, source(), engine, kv);
  sample();
  const used = process.cpuUsage(cpu);
  const result = {
    shape: `${rows}×${cols}`,
    dtype,
    work: kind === "wide-band" ? `wide-band [${(work as { rowStart: number }).rowStart}, ${(work as { rowEnd: number }).rowEnd})` : kind,
    engine: engine.name,
    wall_s: +((performance.now() - started) / 1000).toFixed(2),
    cpu_s: +((used.user + used.system) / 1e6).toFixed(2),
    peak_live_mb: +((livePeak - liveBefore) / 2 ** 20).toFixed(1),
    // WebAssembly memory is not among Node's ArrayBuffers: the engine reports its own peak
    wasm_peak_mb: wasm ? +(wasm.peakMemoryBytes() / 2 ** 20).toFixed(1) : 0,
    peak_rss_above_start_mb: +((process.resourceUsage().maxRSS - before) / 1024).toFixed(1),
    alpha: layer?.alpha ?? null,
    stored_part_mb: +(storedBytes / 2 ** 20).toFixed(1),
    read_of_layer: +(bytesRead / (rows * cols * width)).toFixed(2),
  };
  console.log(JSON.stringify(result));
}

main().catch((error: Error) => {
  console.error(`measure-edge-layer: ${error.message}`);
  process.exit(1);
});
