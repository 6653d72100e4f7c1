// The GPU check that scripts/device-gpu-check.sh runs on a machine with a GPU (bundled there as
// .device-gpu/check.mjs): the gpu.js Gram of synthetic heavy-tailed layers on the real GPU against
// the float64 CPU paths (JS, and WASM when its module is given), timed, with the eigenvalue and
// metric differences. Prints a table and writes every number to --out as JSON.
//
//   node check.mjs --out DIR [--shapes 768x3072,4096x1024] [--wasm PATH] [--repeat 3] [--cpu-stand-in]
//
// --cpu-stand-in runs gpu.js's WebAssembly backend where no GPU is found, so the script itself can
// be tried on a machine without one (its timings then say nothing about a GPU).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as gpujs from "gpu.js";
import { loadGpuGram } from "./device-gpu/load-gpu-gram.ts";
import { loadWasmEngine } from "../cli/load-wasm-engine.ts";
import { arrayValueReader, computeLayerGrams, computeLayerGramsGpu, createGpuCrossProduct, spectrumFromGrams, type LayerSpectrum, type ValueReader } from "#shared/esd";
import { wasmLayerGrams } from "#shared/linalg";
import { createRng, measureLayer } from "#shared/metrics";
import { planLayers, type LayerPlan } from "#shared/plan";

type Grams = (plan: LayerPlan, read: ValueReader) => Promise<{ grams: Float64Array[] }>;

interface Args {
  out: string;
  shapes: [number, number][];
  wasm: string | null;
  repeat: number;
  cpuStandIn: boolean;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: "." }, wasm: { type: "string" }, repeat: { type: "string", default: "3" }, shapes: { type: "string", default: "768x3072,4096x1024" }, "cpu-stand-in": { type: "boolean", default: false } },
  });
  const shapes = values.shapes.split(",").map((s): [number, number] => {
    const [r, c] = s.split("x").map(Number);
    if (!(r > 0 && c > 0)) throw new Error(`bad shape ${s}: use ROWSxCOLS`);
    return [r, c];
  });
  return { out: values.out, shapes, wasm: values.wasm ?? null, repeat: Math.max(1, Number(values.repeat) | 0), cpuStandIn: values["cpu-stand-in"] };
}

/** Seeded float32 weights with heavy tails and a few planted directions, like a trained layer's. */
function syntheticLayer(rows: number, cols: number, seed: number): { plan: LayerPlan; values: Float32Array } {
  const rng = createRng(seed);
  const values = new Float32Array(rows * cols);
  for (let k = 0; k < values.length; k++) values[k] = (0.02 * (rng.uniform() - 0.5)) / (0.05 + rng.uniform());
  for (let spike = 0; spike < 8; spike++) {
    const u = Float32Array.from({ length: rows }, () => rng.uniform() - 0.5);
    const v = Float32Array.from({ length: cols }, () => rng.uniform() - 0.5);
    const strength = 0.2 / (spike + 1);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[r * cols + c] += strength * u[r] * v[c];
  }
  const [plan] = planLayers([{ name: `synthetic_${rows}x${cols}.weight`, dtype: "F32", shape: [rows, cols], begin: 8, end: 8 + 4 * values.length, file: "synthetic.safetensors" }]);
  return { plan, values };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function gramTimings(grams: Grams, plan: LayerPlan, read: ValueReader, repeat: number) {
  const first = await timed(() => grams(plan, read));
  const again: number[] = [];
  for (let k = 1; k < repeat; k++) again.push((await timed(() => grams(plan, read))).seconds);
  return { grams: first.value.grams, firstSeconds: first.seconds, medianSeconds: again.length > 0 ? median(again) : first.seconds };
}

function spectrumOf(plan: LayerPlan, grams: Float64Array[]): { spectrum: LayerSpectrum; seconds: number } {
  const start = performance.now();
  const spectrum = spectrumFromGrams(plan, grams.map((g) => Float64Array.from(g)));
  return { spectrum, seconds: (performance.now() - start) / 1000 };
}

function compare(plan: LayerPlan, exact: LayerSpectrum, other: LayerSpectrum, exactGram: Float64Array, otherGram: Float64Array) {
  const e = exact.slices[0];
  const o = other.slices[0];
  const lambdaMax = e[e.length - 1];
  let eigenvalue = 0;
  for (let k = 0; k < e.length; k++) eigenvalue = Math.max(eigenvalue, Math.abs(o[k] - e[k]));
  let gramScale = 0;
  let gramError = 0;
  for (let k = 0; k < exactGram.length; k++) {
    gramScale = Math.max(gramScale, Math.abs(exactGram[k]));
    gramError = Math.max(gramError, Math.abs(otherGram[k] - exactGram[k]));
  }
  const a = measureLayer(plan, exact);
  const b = measureLayer(plan, other);
  const rel = (x: number | null, y: number | null) => Math.abs((x ?? NaN) - (y ?? NaN)) / Math.abs(y ?? NaN);
  return {
    lambda_max: lambdaMax,
    lambda_max_rel_diff: Math.abs(o[o.length - 1] - lambdaMax) / lambdaMax,
    max_eigenvalue_diff_over_lambda_max: eigenvalue / lambdaMax,
    max_gram_entry_diff_over_max_entry: gramError / gramScale,
    alpha: a.alpha,
    alpha_rel_diff: rel(b.alpha, a.alpha),
    log_alpha_norm_rel_diff: rel(b.log_alpha_norm, a.log_alpha_norm),
  };
}

async function main(argv: string[]): Promise<void> {
  const args = parse(argv);
  mkdirSync(args.out, { recursive: true });
  const result: Record<string, unknown> = { node: process.version, started: new Date().toISOString(), shapes: [] as unknown[] };
  const loaded = await loadGpuGram();
  let gpu: { grams: Grams; engine: string; device: string; dispose: () => Promise<void> } | null = loaded.gram;
  result.gpu = loaded.gram ? { engine: loaded.gram.engine, device: loaded.gram.device } : { none: loaded.reason };
  console.log(loaded.gram ? `GPU: ${loaded.gram.engine} on ${loaded.gram.device}` : `NO GPU: ${loaded.reason}`);
  if (!gpu && args.cpuStandIn) {
    const standIn = new gpujs.GPU({ mode: "webasm" });
    const product = createGpuCrossProduct(standIn);
    gpu = { grams: (p, r) => computeLayerGramsGpu(p, r, product), engine: "gpu.js-webasm-f32x256 (CPU stand-in)", device: "CPU", dispose: () => standIn.destroy() };
    console.log("using gpu.js's WebAssembly backend as a stand-in: timings say nothing about a GPU");
  }
  const wasm = args.wasm ? await loadWasmEngine({ path: args.wasm }) : null;

  for (const [rows, cols] of args.shapes) {
    const { plan, values } = syntheticLayer(rows, cols, rows * 7919 + cols);
    const read = arrayValueReader(values, 1 << 18);
    const row: Record<string, unknown> = { shape: `${rows}x${cols}`, side: rows >= cols ? "tall: G = WᵀW" : "wide: G = WWᵀ", order: Math.min(rows, cols) };
    const js = await gramTimings((p, r) => computeLayerGrams(p, r), plan, read, 1);
    const jsSpectrum = spectrumOf(plan, js.grams);
    row.js_f64 = { gram_seconds: js.firstSeconds, eigvalsh_seconds: jsSpectrum.seconds };
    if (wasm) {
      const w = await gramTimings(wasmLayerGrams(wasm), plan, read, args.repeat);
      const start = performance.now();
      const wSpectrum = spectrumFromGrams(plan, w.grams.map((g) => Float64Array.from(g)), { eigvalsh: wasm.eigvalsh });
      row.wasm_f64 = {
        gram_seconds: w.medianSeconds,
        eigvalsh_seconds: (performance.now() - start) / 1000,
        vs_js: compare(plan, jsSpectrum.spectrum, wSpectrum, js.grams[0], w.grams[0]),
      };
    }
    if (gpu) {
      const g = await gramTimings(gpu.grams, plan, read, args.repeat);
      const gSpectrum = spectrumOf(plan, g.grams);
      row.gpu = {
        engine: gpu.engine,
        gram_first_call_seconds: g.firstSeconds,
        gram_seconds: g.medianSeconds,
        speedup_over_js_gram: js.firstSeconds / g.medianSeconds,
        vs_js: compare(plan, jsSpectrum.spectrum, gSpectrum.spectrum, js.grams[0], g.grams[0]),
      };
    }
    (result.shapes as unknown[]).push(row);
    console.log(JSON.stringify(row));
  }
  await gpu?.dispose();
  result.finished = new Date().toISOString();
  writeFileSync(join(args.out, "gpu-check.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${join(args.out, "gpu-check.json")}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
