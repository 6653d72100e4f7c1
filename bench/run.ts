// npm run bench            speed ratios against numpy (one thread), the fit, GPT-2 small end to end,
//                          heavy-tailed and rank-deficient layers (the small end), memory
// npm run bench -- --quick small shapes: correctness checks for CI, timings only printed
// npm run bench -- --only small-end,gpt2   only those sections (eigenvalues, fit, gpt2, small-end, memory, cli, cli-threads,
//                                          adapter, gguf-dequantize, delta, relaxed-simd, hub-bytes)
// npm run bench -- --only relaxed-simd     the Gram kernels of the SIMD and the relaxed-SIMD builds, same run (on Node 20 the
//                                          section turns on V8's --experimental-wasm-relaxed-simd itself)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { loadWasmEngine } from "../cli/load-wasm-engine.ts";
import { loadWasmKernels } from "../cli/load-wasm-module.ts";
import { createWasmLinalg, hasRelaxedSimd, wasmLayerGrams, wasmLoraGrams, type WasmLinalg, type WasmLinalgOptions, eigvalsh as eigvalshJs } from "#shared/linalg";
import { openLocalModel } from "../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { fitPowerLaw } from "#shared/fit";
import { writeGpt2LikeModel } from "../test/helpers/generate-models.ts";
import type { AnalysedLayer } from "#shared/report";
import { writeBenchLayer, type BenchLayer } from "./bench-layers.ts";
import { seededWeights } from "../test/wasm/test-matrices.ts";
import { encodeSafetensors, floatToHalfBits, type TensorSpec } from "../test/helpers/write-safetensors.ts";
import { encodeGguf } from "../test/helpers/write-gguf.ts";
import { randomHalf } from "../test/helpers/ggml-blocks.ts";
import { seededRandom } from "../test/helpers/seeded-random.ts";
import { listGgufTensors } from "#shared/gguf";
import { memoryByteSource, tensorValueReader, type TensorInfo } from "#shared/safetensors";
import { planLayers } from "#shared/plan";
import { DEFAULT_EDGE_LIMITS, splitLayer } from "../functions/task/split-layer.ts";
import { taskReadBytes } from "../functions/task/task-read-bytes.ts";
import { createMockHub } from "../test/mock-hub/create-mock-hub.ts";
import { servedRangeBytes } from "../test/mock-hub/served-range-bytes.ts";

const { values: options } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" } } });
const quick = options.quick;
const only = options.only === undefined ? null : new Set(options.only.split(","));
const sections: [string, () => Promise<void>][] = [];
const dir = mkdtempSync(join(tmpdir(), "heavytail-bench-"));
const peerScript = new URL("./numpy-peer.py", import.meta.url).pathname;
const failures: string[] = [];

/** numpy in a subprocess: one BLAS thread unless told, and without the OpenBLAS overrides that slow a current numpy */
function numpy(args: string[], threads = 1): { wall_s: number; cpu_s: number; kernel: string; max_rss_bytes?: number; layers?: number; method?: string; sv_min?: number; rank_loss?: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return JSON.parse(execFileSync("python3", [peerScript, ...args], { env, maxBuffer: 1 << 20 }).toString());
}

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

async function engine(options: WasmLinalgOptions = {}): Promise<WasmLinalg> {
  const e = await loadWasmEngine(options);
  if (!e) throw new Error("build/heavytail-linalg.wasm is missing: run npm run build:wasm first");
  return e;
}

const s = (x: number) => x.toFixed(3).padStart(8);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

async function eigenvalueShapes(): Promise<void> {
  const shapes = quick ? [[64, 64], [300, 97], [130, 257]] : [[768, 768], [3072, 768], [4096, 1024], [4096, 4096]];
  const cores = availableParallelism();
  console.log("\n## Eigenvalues of WᵀW (float32 W, Gram included), WASM one thread vs numpy eigvalsh(W64.T @ W64) at 1 BLAS thread and at every core");
  console.log("(one layer runs on one thread at any --threads: the pool spreads layers, not one layer's Gram)");
  console.log(`shape       | wasm wall  cpu    | numpy wall  cpu   | ratio wall  cpu | numpy ×${cores} wall  ratio | max|Δλ|/λmax | wasm peak memory`);
  let kernel = "";
  for (const [rows, cols] of shapes) {
    const m = Math.min(rows, cols);
    const w = seededWeights(rows, cols, rows * 7919 + cols);
    const e = await engine();
    const run = timed(() => {
      const g = e.createGram(m);
      if (rows >= cols) g.addRows(w);
      else g.addPanelPair(w, 0, w, 0, cols);
      return g.eigenvalues();
    });
    writeFileSync(join(dir, "w.bin"), w);
    // numpy's peer uses WᵀW of the stored matrix; a wide one is passed transposed so both compute the smaller Gram
    const wt = rows >= cols ? w : transpose(w, rows, cols);
    writeFileSync(join(dir, "w.bin"), wt);
    const peer = numpy(["eig", join(dir, "w.bin"), String(Math.max(rows, cols)), String(m), join(dir, "ev.bin")]);
    const peerAll = numpy(["eig", join(dir, "w.bin"), String(Math.max(rows, cols)), String(m), join(dir, "ev-all.bin")], cores);
    kernel = peer.kernel;
    const bytes = readFileSync(join(dir, "ev.bin"));
    const ref = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    let diff = 0;
    for (let i = 0; i < m; i++) diff = Math.max(diff, Math.abs(run.value[i] - ref[i]));
    const rel = diff / ref[m - 1];
    if (!(rel < 1e-12)) failures.push(`${rows}x${cols}: eigenvalues differ from numpy by ${rel.toExponential(2)}·λmax`);
    console.log(
      `${`${rows}x${cols}`.padEnd(11)} |${s(run.wall)}${s(run.cpu)} |${s(peer.wall_s)}${s(peer.cpu_s)} |${s(run.wall / peer.wall_s)}${s(run.cpu / peer.cpu_s)} |    ${s(peerAll.wall_s)}${s(run.wall / peerAll.wall_s)} | ${rel.toExponential(2).padStart(11)} | ${mib(e.peakMemoryBytes())}`,
    );
  }
  console.log(`numpy BLAS: ${kernel}`);
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c];
  return t;
}

async function fitVersusEigensolver(): Promise<void> {
  // a pooled 3×3 conv2d layer at the size limit: 9 slices of M = 1666, 14994 eigenvalues
  const [slices, m] = quick ? [3, 100] : [9, 1666];
  console.log(`\n## Power-law fit on ${slices * m} eigenvalues vs the eigensolver of the same layer (${slices} slices of ${m}×${m})`);
  const e = await engine();
  const all: number[] = [];
  const eig = timed(() => {
    for (let k = 0; k < slices; k++) {
      const g = e.createGram(m);
      g.addRows(seededWeights(m, m, 100 + k));
      all.push(...g.eigenvalues());
    }
  });
  const fit = timed(() => fitPowerLaw(all));
  if (!(fit.value.alpha > 1)) failures.push(`power-law fit failed on ${all.length} eigenvalues`);
  console.log(`eigensolver (Gram + eigvalsh, WASM): wall ${eig.wall.toFixed(3)} s, cpu ${eig.cpu.toFixed(3)} s`);
  console.log(`fitPowerLaw:                        wall ${fit.wall.toFixed(3)} s, cpu ${fit.cpu.toFixed(3)} s (${((100 * fit.cpu) / eig.cpu).toFixed(1)}% of the eigensolver), alpha ${fit.value.alpha.toFixed(4)}`);
}

let gpt2Written: Promise<string> | undefined;
/** the GPT-2-small-shaped model of the run (quick: 2 layers, hidden 64), written once for the sections that use it */
function gpt2Model(): Promise<string> {
  const modelDir = join(dir, "gpt2");
  gpt2Written ??= writeGpt2LikeModel(modelDir, quick ? { layers: 2, hidden: 64, vocab: 1000, positions: 128 } : {}).then(() => modelDir);
  return gpt2Written;
}

async function gpt2EndToEnd(): Promise<void> {
  console.log(`\n## GPT-2-small-shaped model end to end${quick ? " (quick: 2 layers, hidden 64)" : ""}`);
  const modelDir = await gpt2Model();
  const e = await engine();
  const opened = openLocalModel(modelDir);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await analyzeModel(opened.model, opened.description, {
    randomize: false, seed: 0, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e),
  });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const peer = numpy(["model", join(modelDir, "model.safetensors")]);
  const analysed = report.layers.length;
  if (analysed !== peer.layers) failures.push(`GPT-2: heavytail analysed ${analysed} layers, the numpy pipeline ${peer.layers}`);
  console.log(`heavytail analyzeModel (WASM Gram + eigvalsh, fits, MP fits, metrics): ${analysed} layers, wall ${wall.toFixed(2)} s, cpu ${cpu.toFixed(2)} s`);
  console.log(`numpy pipeline (read, Gram, eigvalsh, power-law fit):                 ${peer.layers} layers, wall ${peer.wall_s.toFixed(2)} s, cpu ${peer.cpu_s.toFixed(2)} s`);
  console.log(`ratio wall ${(wall / peer.wall_s).toFixed(2)}, cpu ${(cpu / peer.cpu_s).toFixed(2)}`);
  console.log("service path (Worker): not measured here (see the Worker's own measurement script)");
}

/**
 * One-layer models end to end (what `heavytail analyze` does, WASM engine): Gaussian, heavy-tailed
 * (Student-t, ν = 4, ×0.02: the entries of a trained LLM projection) and rank-deficient (exactly
 * repeated columns) square layers, whose smallest eigenvalues fall under 1e-8·λmax so that the
 * small end is refined against the weights, and a wide heavy-tailed one. Ratios against the numpy
 * pipeline on the same file and against the Gaussian layer of the same shape, in the same run; the
 * seeds are fixed so that the Gaussian baseline needs no refinement and the Student-t layer does.
 * sv_min is checked against numpy without a Gram (SVD, or LU inverse iteration for a large
 * square W), the rank-deficient layer's rank loss against its construction.
 */
async function smallEndLayers(): Promise<void> {
  const n = quick ? 96 : 4096;
  const [wr, wc] = quick ? [24, 96] : [1024, 4096];
  const repeated = quick ? 3 : 16;
  const t = { scale: 0.02, nu: 4, repeated: 0 };
  const layers: { label: string; layer: BenchLayer; baseline?: number }[] = [
    { label: `gaussian ${n}x${n}`, layer: { ...t, kind: "gaussian", rows: n, cols: n, seed: 5 } },
    { label: `student-t ${n}x${n}`, layer: { ...t, kind: "student-t", rows: n, cols: n, seed: 7 }, baseline: 0 },
    { label: `rank-deficient ${n}x${n}`, layer: { ...t, kind: "rank-deficient", rows: n, cols: n, seed: 3, repeated }, baseline: 0 },
    { label: `gaussian ${wr}x${wc}`, layer: { ...t, kind: "gaussian", rows: wr, cols: wc, seed: 5 } },
    { label: `student-t ${wr}x${wc}`, layer: { ...t, kind: "student-t", rows: wr, cols: wc, seed: 7 }, baseline: 3 },
  ];
  console.log(`\n## Heavy-tailed and rank-deficient layers end to end (analyzeModel, WASM engine; numpy: read, Gram, eigvalsh, power-law fit)`);
  console.log("layer                    | refined | heavytail wall  cpu  | numpy wall  cpu   | vs numpy wall cpu | vs gaussian wall cpu | sv_min vs numpy (method)");
  const walls: number[] = [];
  const cpus: number[] = [];
  for (const [k, { label, layer, baseline }] of layers.entries()) {
    const file = join(dir, `layer-${k}.safetensors`);
    writeBenchLayer(file, layer);
    const e = await engine();
    const opened = openLocalModel(file);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await analyzeModel(opened.model, opened.description, {
      randomize: false, seed: 0, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e),
    });
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    walls.push(wall);
    cpus.push(cpu);
    const got = report.layers[0] as AnalysedLayer;
    const svMin = got.sv_min ?? Number.NaN;
    const svMax = got.sv_max ?? Number.NaN;
    const peer = numpy(["model", file]);
    const truth = numpy(["sv", file]);
    // the refinement runs when the Gram's smallest eigenvalue is ≤ 1e-8·λmax (shared/esd/refine-small-singular-values.ts)
    const refined = got.rank_loss > 0 || (svMin / svMax) ** 2 <= 1e-8;
    let check = "—";
    if (layer.kind === "rank-deficient") {
      const m = Math.min(layer.rows, layer.cols);
      if (got.rank_loss !== repeated || got.matrix_rank !== m - repeated) failures.push(`${label}: rank_loss ${got.rank_loss}, matrix_rank ${got.matrix_rank}; built with rank ${m - repeated}`);
      if (!(svMin <= Math.max(layer.rows, layer.cols) * Number.EPSILON * svMax)) failures.push(`${label}: sv_min ${svMin} is not zero to N·ε·σmax`);
      check = `rank loss ${got.rank_loss} of ${repeated} built`;
    } else if (truth.sv_min !== undefined) {
      const rel = Math.abs(svMin - truth.sv_min) / truth.sv_min;
      if (!(rel <= 1e-6)) failures.push(`${label}: sv_min ${svMin} vs numpy ${truth.sv_min} (relative ${rel.toExponential(2)})`);
      if (truth.rank_loss !== undefined && truth.rank_loss !== got.rank_loss) failures.push(`${label}: rank_loss ${got.rank_loss} vs numpy ${truth.rank_loss}`);
      check = `${rel.toExponential(1)} (${truth.method})`;
    }
    if (quick) {
      // the JS engine reports the same columns (its refinement goes through its own reduction)
      const js = await analyzeModel(opened.model, opened.description, { randomize: false, seed: 0, engine: "js-f64", eigvalsh: eigvalshJs });
      const other = js.layers[0] as AnalysedLayer;
      for (const column of ["sv_min", "lambda_max", "alpha", "log_alpha_norm", "entropy"] as const) {
        const a = got[column] as number;
        const b = other[column] as number;
        if (!(Math.abs(a - b) <= 1e-9 * Math.abs(b))) failures.push(`${label}: ${column} ${a} (WASM) vs ${b} (JS)`);
      }
      if (got.rank_loss !== other.rank_loss || got.matrix_rank !== other.matrix_rank) failures.push(`${label}: rank counts differ between the WASM and JS engines`);
    }
    const vsGaussian = baseline === undefined ? "       —        —" : `${s(wall / walls[baseline])}${s(cpu / cpus[baseline])}`;
    console.log(
      `${label.padEnd(24)} | ${(refined ? "yes" : "no").padEnd(7)} |${s(wall)}${s(cpu)} |${s(peer.wall_s)}${s(peer.cpu_s)} |${s(wall / peer.wall_s)}${s(cpu / peer.cpu_s)}  |${vsGaussian}     | ${check}`,
    );
  }
}

async function memoryPerLayer(): Promise<void> {
  const shapes: [number, number][] = quick ? [[256, 256], [64, 176]] : [[4096, 4096], [4096, 11008]];
  console.log("\n## Peak memory per layer (bf16 weights decoded to float32, streamed; a Worker has 128 MB)");
  for (const [rows, cols] of shapes) {
    const e = await engine();
    const m = Math.min(rows, cols);
    const g = e.createGram(m);
    let jsBuffers = 0;
    const run = timed(() => {
      if (rows >= cols) {
        // a tall layer streams in chunks of 1 MiB of float32 values
        const chunkRows = Math.max(1, Math.floor((1 << 18) / cols));
        for (let r = 0; r < rows; r += chunkRows) g.addRows(bf16Rows(Math.min(chunkRows, rows - r), cols, r));
        jsBuffers = 4 * chunkRows * cols;
      } else {
        // a wide layer in row panels of 256 rows, two held at a time
        const p = 256;
        for (let i = 0; i * p < rows; i++) {
          const a = bf16Rows(Math.min(p, rows - i * p), cols, i * p);
          for (let j = 0; j <= i; j++) g.addPanelPair(a, i * p, j === i ? a : bf16Rows(Math.min(p, rows - j * p), cols, j * p), j * p, cols);
        }
        jsBuffers = 2 * 4 * p * cols;
      }
      return g.eigenvalues();
    });
    const peak = e.peakMemoryBytes();
    if (!(run.value[m - 1] > 0)) failures.push(`memory run ${rows}x${cols} gave no spectrum`);
    console.log(
      `${rows}x${cols}: WASM linear memory peak ${mib(peak)} + JS row/panel buffers ${mib(jsBuffers)} = ${mib(peak + jsBuffers)} (full float64 Gram alone would be ${mib(8 * m * m)}); wall ${run.wall.toFixed(1)} s`,
    );
  }
}

/** `heavytail --help` from the bundle npm ci builds, against starting a bare Node in the same run (the floor) */
async function cliStartup(): Promise<void> {
  const bundle = new URL("../build/heavytail.mjs", import.meta.url).pathname;
  const best = (args: string[]) => {
    let fastest = Infinity;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
      fastest = Math.min(fastest, (performance.now() - t0) / 1000);
    }
    return fastest;
  };
  console.log("\n## CLI start-up (best of 7)");
  let help: number;
  try {
    help = best([bundle, "--help"]);
  } catch (error) {
    failures.push(`cli: ${bundle} did not run (npm run build:cli): ${(error as Error).message.split("\n")[0]}`);
    return;
  }
  const bare = best(["-e", "0"]);
  console.log(`heavytail --help (build/heavytail.mjs): ${help.toFixed(3)} s; node -e 0: ${bare.toFixed(3)} s; the CLI's own share ${(help - bare).toFixed(3)} s (target: --help ≤ 0.15 s)`);
}

/** A child process run to its end, timed, with its peak RSS (VmHWM, sampled every 20 ms on Linux; NaN elsewhere). */
function measuredRun(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ wall: number; peakBytes: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    const out: Buffer[] = [];
    let peakBytes = Number.NaN;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakBytes = Math.max(Number.isNaN(peakBytes) ? 0 : peakBytes, 1024 * Number(m[1]));
      } catch {
        // not Linux, or the process has just ended
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearInterval(timer);
      const wall = (performance.now() - t0) / 1000;
      if (code === 0) resolve({ wall, peakBytes, stdout: Buffer.concat(out).toString() });
      else reject(new Error(`${[file, ...args].join(" ")} exited ${code}`));
    });
  });
}

/**
 * The bundled CLI end to end, a process per run (start-up, reading, every layer, the JSON report),
 * on one-layer models of the issue's shapes and the GPT-2-small-shaped model, at --threads 1 and at
 * every core, beside the numpy pipeline (read, float64 Gram, eigvalsh, power-law fit) on the same
 * file at one BLAS thread and at every core, all in this run; wall-clock ratios at the same thread
 * count, peak RSS of each process, and the bytes the CLI fetched through the mock Hub for the same
 * model (range bytes served ÷ the weight file's size). The reports at 1 and at every thread must
 * agree byte for byte (created_at aside), and the Hub's report must equal the local one.
 */
async function cliThreads(): Promise<void> {
  const bundle = new URL("../build/heavytail.mjs", import.meta.url).pathname;
  const cores = availableParallelism();
  const shapes: [number, number][] = quick ? [[64, 64], [300, 97]] : [[768, 768], [3072, 768], [4096, 1024], [4096, 4096]];
  console.log(`\n## The bundled CLI end to end against the numpy pipeline, ${cores} cores${quick ? " (quick: small shapes, GPT-2 with 2 layers of hidden 64)" : ""}`);
  console.log(`(best of ${quick ? 1 : 3} interleaved runs; heavytail's times are whole processes, numpy's its pipeline after start-up and import;\n one layer runs on one thread: a one-layer model gains nothing from threads, the pool spreads a model's layers)`);
  const repos: Record<string, string> = {};
  const models: { label: string; folder: string; repo: string }[] = [];
  for (const [rows, cols] of shapes) {
    const repo = `bench/layer-${rows}x${cols}`;
    const folder = join(dir, "hub", repo);
    mkdirSync(folder, { recursive: true });
    writeBenchLayer(join(folder, "model.safetensors"), { kind: "gaussian", rows, cols, seed: rows * 7919 + cols, scale: 0.02, nu: 4, repeated: 0 });
    repos[repo] = folder;
    models.push({ label: `${rows}x${cols}`, folder, repo });
  }
  const gpt2 = await gpt2Model();
  repos["bench/gpt2-small-shaped"] = gpt2;
  models.push({ label: "GPT-2-small-shaped", folder: gpt2, repo: "bench/gpt2-small-shaped" });
  const hub = await createMockHub({ repos });
  const withoutDate = (json: string) => json.replace(/\n\s*"created_at": "[^"]*",?/, "");
  let kernel = "";
  const cli = async (model: string, threads: number, env?: NodeJS.ProcessEnv) => {
    const run = await measuredRun(process.execPath, [bundle, "analyze", model, "--format", "json", "--threads", String(threads)], env);
    return { ...run, json: withoutDate(run.stdout), layers: (JSON.parse(run.stdout) as { layers: unknown[] }).layers.length };
  };
  const gb = (b: number) => (Number.isNaN(b) ? "—" : `${(b / 2 ** 20).toFixed(0)} MiB`).padStart(9);
  const pair = (a: string, b: string, width: number) => `${a.padStart(width)}${b.padStart(width)}`;
  console.log(`${"".padEnd(18)} |${"heavytail s".padStart(16)} |${"numpy s".padStart(16)} |${"÷ numpy".padStart(16)} | ${"heavytail RSS".padStart(18)}    |${"numpy RSS".padStart(18)} |`);
  console.log(`${"model".padEnd(18)} |${pair("×1", `×${cores}`, 8)} |${pair("×1", `×${cores}`, 8)} |${pair("×1", `×${cores}`, 8)} | ${pair("×1", `×${cores}`, 9)}    |${pair("×1", `×${cores}`, 9)} | Hub bytes ÷ weights (×${cores})`);
  try {
    for (const { label, folder, repo } of models) {
      const file = join(folder, "model.safetensors");
      // best of `reps` interleaved runs: the machine is shared, and a slow run is someone else's load
      const reps = quick ? 1 : 3;
      const ones: Awaited<ReturnType<typeof cli>>[] = [];
      const alls: Awaited<ReturnType<typeof cli>>[] = [];
      const singles: ReturnType<typeof numpy>[] = [];
      const everys: ReturnType<typeof numpy>[] = [];
      let viaHub: Awaited<ReturnType<typeof cli>>;
      try {
        for (let rep = 0; rep < reps; rep++) {
          ones.push(await cli(folder, 1));
          alls.push(await cli(folder, cores));
          singles.push(numpy(["model", file]));
          everys.push(numpy(["model", file], cores));
        }
        hub.requests.length = 0;
        viaHub = await cli(repo, cores, { ...process.env, HF_ENDPOINT: hub.url });
      } catch (error) {
        failures.push(`cli-threads: ${bundle} did not run on ${label} (npm run build:cli): ${(error as Error).message.split("\n")[0]}`);
        return;
      }
      const fastest = <T>(runs: T[], wall: (run: T) => number) => runs.reduce((a, b) => (wall(b) < wall(a) ? b : a));
      const [one, all] = [fastest(ones, (r) => r.wall), fastest(alls, (r) => r.wall)];
      const [single, every] = [fastest(singles, (r) => r.wall_s), fastest(everys, (r) => r.wall_s)];
      const peak = (runs: { peakBytes: number }[]) => Math.max(...runs.map((r) => r.peakBytes));
      const served = servedRangeBytes(hub.requests);
      const weights = statSync(file).size;
      if (all.json !== one.json) failures.push(`cli-threads: ${label}: the report at --threads ${cores} differs from the one at --threads 1`);
      // the same layers, whichever way the bytes came (the source block names the Hub repo and its commit)
      const layers = (json: string) => JSON.stringify((JSON.parse(json) as { layers: unknown }).layers);
      if (layers(viaHub.stdout) !== layers(one.stdout)) failures.push(`cli-threads: ${label}: the layers read through the Hub differ from the local file's`);
      if (!(served / weights <= 1.2)) failures.push(`cli-threads: ${label}: the CLI fetched ${(served / weights).toFixed(2)}× the weights from the Hub (target ≤ 1.2)`);
      kernel = every.kernel;
      if (one.layers !== single.layers) failures.push(`cli-threads: ${label}: heavytail analysed ${one.layers} layers, the numpy pipeline ${single.layers}`);
      console.log(
        `${label.padEnd(18)} |${s(one.wall)}${s(all.wall)} |${s(single.wall_s)}${s(every.wall_s)} |${s(one.wall / single.wall_s)}${s(all.wall / every.wall_s)} | ${gb(peak(ones))}${gb(peak(alls))}    |${gb(single.max_rss_bytes ?? Number.NaN)}${gb(every.max_rss_bytes ?? Number.NaN)} | ${(served / weights).toFixed(3)} (${(served / 1e6).toFixed(1)} of ${(weights / 1e6).toFixed(1)} MB)`,
      );
    }
  } finally {
    await hub.close();
  }
  console.log(`reports at 1 and ${cores} threads identical apart from created_at (checked); numpy BLAS: ${kernel}`);
}

/**
 * Bytes the service fetches from the Hub for a Llama-2-7B-shaped model (32 blocks, hidden 4096,
 * MLP 11008, vocab 32000, bf16), from the tasks splitLayer plans and what taskReadBytes says each
 * reads (test/e2e/real-size.test.ts checks that against the mock Hub's log on one such block, and
 * measures the CLI's reads there). Beside it, what one packed task per wide layer (panel pairs) read.
 */
function hubBytes(): void {
  const [hidden, mlp, blocks, vocab] = [4096, 11008, 32, 32000];
  console.log(`\n## Bytes fetched from the Hub: a Llama-2-7B-shaped model (${blocks} blocks, hidden ${hidden}, MLP ${mlp}, vocab ${vocab}, bf16), the service's task plan`);
  const tensors: TensorInfo[] = [];
  const add = (name: string, shape: number[]) => {
    const begin = tensors.at(-1)?.end ?? 8;
    tensors.push({ name, dtype: "BF16", shape, begin, end: begin + 2 * shape.reduce((a, b) => a * b, 1), file: "model.safetensors" });
  };
  add("model.embed_tokens.weight", [vocab, hidden]);
  for (let b = 0; b < blocks; b++) {
    for (const m of ["q", "k", "v", "o"]) add(`model.layers.${b}.self_attn.${m}_proj.weight`, [hidden, hidden]);
    add(`model.layers.${b}.mlp.gate_proj.weight`, [mlp, hidden]);
    add(`model.layers.${b}.mlp.up_proj.weight`, [mlp, hidden]);
    add(`model.layers.${b}.mlp.down_proj.weight`, [hidden, mlp]);
  }
  add("lm_head.weight", [vocab, hidden]);
  const kinds = new Map<string, { layers: number; weights: number; read: number; panelPairs: number; tasks: number }>();
  for (const plan of planLayers(tensors)) {
    const split = splitLayer(plan, { ...DEFAULT_EDGE_LIMITS, packed: true });
    if (!split.ok) {
      failures.push(`hub-bytes: ${plan.name} is refused on the edge: ${split.reason}`);
      continue;
    }
    const shape = `${plan.rows}×${plan.cols}`;
    const kind = kinds.get(shape) ?? { layers: 0, weights: 0, read: 0, panelPairs: 0, tasks: 0 };
    const weights = plan.tensor.end - plan.tensor.begin;
    const read = split.tasks.reduce((sum, t) => sum + taskReadBytes(plan, t.work), 0);
    kinds.set(shape, {
      layers: kind.layers + 1,
      weights: kind.weights + weights,
      read: kind.read + read,
      panelPairs: kind.panelPairs + (split.tasks.some((t) => t.work.kind === "wide-band") ? taskReadBytes(plan, { kind: "packed" }) : read),
      tasks: kind.tasks + split.tasks.length,
    });
  }
  const gb = (b: number) => (b / 1e9).toFixed(2).padStart(7);
  console.log("layer shape   | layers | tasks | weights GB | read GB | ×weights | one packed task per layer: GB  ×weights");
  const total = { weights: 0, read: 0, panelPairs: 0 };
  for (const [shape, k] of kinds) {
    console.log(`${shape.padEnd(13)} | ${String(k.layers).padStart(6)} | ${String(k.tasks).padStart(5)} | ${gb(k.weights)}    | ${gb(k.read)} | ${(k.read / k.weights).toFixed(2).padStart(8)} | ${gb(k.panelPairs)}  ${(k.panelPairs / k.weights).toFixed(2).padStart(6)}`);
    total.weights += k.weights;
    total.read += k.read;
    total.panelPairs += k.panelPairs;
  }
  console.log(`model         |        |       | ${gb(total.weights)}    | ${gb(total.read)} | ${(total.read / total.weights).toFixed(2).padStart(8)} | ${gb(total.panelPairs)}  ${(total.panelPairs / total.weights).toFixed(2).padStart(6)}   (target: ≤ 2× on the edge)`);
  if (!(total.read / total.weights <= 2)) failures.push(`hub-bytes: the service would read ${(total.read / total.weights).toFixed(2)}× a Llama-2-7B-shaped model's weights (target ≤ 2)`);
}

/**
 * A PEFT LoRA adapter of a Llama-2-7B-shaped model (hidden 4096, MLP 11008, 32 blocks, rank 64 on
 * q/k/v/o and gate/up/down: 224 lora_BA layers, bf16) analysed end to end in this process (WASM
 * engine, its Gram kernel for the r × r Grams), against numpy doing the same r×r computation per pair in the same run, and against the
 * cost of forming each B·A densely (numpy, one pair of each shape timed, times the count). λmax of
 * every layer must agree with numpy's to 1e-9.
 */
async function adapterEndToEnd(): Promise<void> {
  const [hidden, mlp, blocks, r] = quick ? [128, 352, 2, 16] : [4096, 11008, 32, 64];
  const modules: [string, number, number][] = [
    ["self_attn.q_proj", hidden, hidden], ["self_attn.k_proj", hidden, hidden], ["self_attn.v_proj", hidden, hidden], ["self_attn.o_proj", hidden, hidden],
    ["mlp.gate_proj", hidden, mlp], ["mlp.up_proj", hidden, mlp], ["mlp.down_proj", mlp, hidden],
  ];
  console.log(`\n## A LoRA adapter end to end: ${blocks} blocks × ${modules.length} modules, rank ${r}, hidden ${hidden}, MLP ${mlp}, bf16`);
  const adapterDir = join(dir, "adapter");
  mkdirSync(adapterDir, { recursive: true });
  const specs: TensorSpec[] = [];
  let seed = 1;
  for (let block = 0; block < blocks; block++) {
    for (const [module, inDim, out] of modules) {
      const prefix = `base_model.model.model.layers.${block}.${module}`;
      specs.push({ name: `${prefix}.lora_A.weight`, dtype: "BF16", shape: [r, inDim], data: seededWeights(r, inDim, seed++) });
      // PEFT starts B at zero; a trained one is small
      const b = seededWeights(out, r, seed++);
      for (let i = 0; i < b.length; i++) b[i] *= 0.01;
      specs.push({ name: `${prefix}.lora_B.weight`, dtype: "BF16", shape: [out, r], data: b });
    }
  }
  specs.sort((x, y) => (x.name < y.name ? -1 : 1));
  const file = join(adapterDir, "adapter_model.safetensors");
  writeFileSync(file, encodeSafetensors(specs));
  specs.length = 0;
  const targets = modules.map(([m]) => m.split(".")[1]);
  writeFileSync(join(adapterDir, "adapter_config.json"), JSON.stringify({ peft_type: "LORA", r, lora_alpha: 2 * r, target_modules: targets, base_model_name_or_path: "meta-llama/Llama-2-7b-hf" }));
  const e = await engine();
  const opened = openLocalModel(adapterDir);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await analyzeModel(opened.model, opened.description, { randomize: false, seed: 0, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e), loraGrams: wasmLoraGrams(e) });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const peer = numpy(["lora", file]);
  const dense = numpy(["lora-dense", file]);
  const layers = (report.layers as AnalysedLayer[]).slice().sort((x, y) => (x.name < y.name ? -1 : 1));
  if (layers.length !== blocks * modules.length || peer.layers !== layers.length) {
    failures.push(`adapter: heavytail analysed ${layers.length} lora_BA layers, numpy ${peer.layers}, built ${blocks * modules.length}`);
  } else {
    const maxima = (peer as unknown as { lambda_max: number[] }).lambda_max;
    const worst = Math.max(...layers.map((l, i) => Math.abs((l.lambda_max ?? Number.NaN) - maxima[i]) / maxima[i]));
    if (!(worst <= 1e-9)) failures.push(`adapter: λmax differs from numpy's by ${worst.toExponential(2)} (relative)`);
    console.log(`λmax of every layer against numpy: max relative difference ${worst.toExponential(2)}`);
  }
  const bytes = readFileSync(file).byteLength;
  console.log("run                                     |  wall s |   cpu s | ×heavytail wall");
  const row = (label: string, w: number, u: number) => console.log(`${label.padEnd(39)} |${s(w)} |${s(u)} |${s(w / wall)}`);
  row(`heavytail analyzeModel (${mib(bytes)} read)`, wall, cpu);
  row("numpy, same r×r computation, 1 thread", peer.wall_s, peer.cpu_s);
  row("numpy forming B·A densely (estimated)", dense.wall_s, dense.cpu_s);
  console.log(`heavytail / numpy (same computation): wall ${(wall / peer.wall_s).toFixed(2)}, cpu ${(cpu / peer.cpu_s).toFixed(2)}`);
}

/**
 * Delta analysis (`--base`, docs/metrics.md §11) of a GPT-2-small-shaped pair, both written here
 * (deterministic seeds, never committed): the run's GPT-2 model and a second one of the same
 * shapes. Timed against the ordinary analysis of the one model in the same run, alternating and
 * keeping each one's fastest of a few runs (the machine is shared): the extra stream of the base is
 * I/O and a subtraction, not more eigenvalues, so the target is at most 1.2× the time. Each delta
 * layer's λmax and delta_W are checked against numpy's float64 Gram of fl32(W − W_base).
 */
async function deltaEndToEnd(): Promise<void> {
  console.log(`\n## Delta analysis of a GPT-2-small-shaped pair vs one model's analysis${quick ? " (quick: 2 layers, hidden 64)" : ""}`);
  const modelDir = await gpt2Model();
  const baseDir = join(dir, "gpt2-base");
  await writeGpt2LikeModel(baseDir, { ...(quick ? { layers: 2, hidden: 64, vocab: 1000, positions: 128 } : {}), seed: 7 });
  const e = await engine();
  const options = { randomize: false, seed: 0, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e) };
  const run = async (withBase: boolean) => {
    const opened = openLocalModel(modelDir);
    const base = openLocalModel(baseDir);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await analyzeModel(opened.model, opened.description, {
      ...options,
      ...(withBase && { base: { model: base.model, description: { id: base.description.id, source: "local" as const, revision: null, sha: null } } }),
    });
    const c = process.cpuUsage(c0);
    return { report, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
  const rounds = quick ? 1 : 3;
  const plain: { wall: number; cpu: number }[] = [];
  const delta: { wall: number; cpu: number }[] = [];
  let deltaReport: Awaited<ReturnType<typeof run>>["report"] | undefined;
  for (let k = 0; k < rounds; k++) {
    plain.push(await run(false));
    const d = await run(true);
    delta.push(d);
    deltaReport = d.report;
  }
  const best = (xs: { wall: number; cpu: number }[]) => ({ wall: Math.min(...xs.map((x) => x.wall)), cpu: Math.min(...xs.map((x) => x.cpu)) });
  const [p, d] = [best(plain), best(delta)];
  const layers = deltaReport!.layers as AnalysedLayer[];
  const peer = numpy(["delta", join(modelDir, "model.safetensors"), join(baseDir, "model.safetensors")]) as unknown as { layers: Record<string, { lambda_max: number; delta_W: number }> };
  const names = Object.keys(peer.layers);
  if (names.length !== layers.length) failures.push(`delta: heavytail analysed ${layers.length} delta layers, numpy ${names.length}`);
  let worstLambda = 0;
  let worstNorm = 0;
  for (const layer of layers) {
    const truth = peer.layers[`${layer.name}.weight`];
    if (!truth) {
      failures.push(`delta: numpy has no layer ${layer.name}`);
      continue;
    }
    worstLambda = Math.max(worstLambda, Math.abs((layer.lambda_max ?? Number.NaN) - truth.lambda_max) / truth.lambda_max);
    worstNorm = Math.max(worstNorm, Math.abs((layer.delta_W ?? Number.NaN) - truth.delta_W) / truth.delta_W);
  }
  if (!(worstLambda <= 1e-10)) failures.push(`delta: λmax differs from numpy's float64 Gram of the difference by ${worstLambda.toExponential(2)} (relative)`);
  if (!(worstNorm <= 1e-10)) failures.push(`delta: delta_W differs from numpy's by ${worstNorm.toExponential(2)} (relative)`);
  console.log(`${layers.length} delta layers; against numpy (float64 Gram of fl32(W − W_base)): λmax max relative difference ${worstLambda.toExponential(2)}, delta_W ${worstNorm.toExponential(2)}`);
  console.log(`${`run (fastest of ${rounds}, alternating)`.padEnd(44)} |  wall s |   cpu s`);
  console.log(`one model's analysis                         |${s(p.wall)} |${s(p.cpu)}`);
  console.log(`delta analysis (model − base, both streamed) |${s(d.wall)} |${s(d.cpu)}`);
  const ratio = d.wall / p.wall;
  console.log(`delta / one model: wall ${ratio.toFixed(2)}, cpu ${(d.cpu / p.cpu).toFixed(2)} (target ≤ 1.20)`);
  if (!quick && ratio > 1.2) failures.push(`delta: the delta analysis took ${ratio.toFixed(2)}× one model's analysis (target ≤ 1.2×)`);
}

/**
 * Dequantizing GGUF Q4_K as the engine streams it: the seven matrices of a Llama-2-7B block
 * (q/k/v/o 4096², gate/up 11008×4096, down 4096×11008) in one GGUF file with random blocks, each
 * read to float32 through tensorValueReader, against a plain F32 tensor of the same stored bytes
 * read the same way, in the same run. Throughput in MB/s of stored bytes.
 */
async function ggufDequantize(): Promise<void> {
  const [hidden, mlp] = quick ? [256, 512] : [4096, 11008];
  const shapes: [string, number, number][] = [
    ["attn_q", hidden, hidden], ["attn_k", hidden, hidden], ["attn_v", hidden, hidden], ["attn_output", hidden, hidden],
    ["ffn_gate", mlp, hidden], ["ffn_up", mlp, hidden], ["ffn_down", hidden, mlp],
  ];
  console.log(`\n## GGUF Q4_K dequantized as it streams: a ${quick ? "small" : "Llama-2-7B"}-shaped block (hidden ${hidden}, MLP ${mlp}) vs a plain F32 read of the same bytes`);
  const random = seededRandom(4);
  const q4kBlock = () => {
    // 144 bytes: d and dmin (f16), 12 bytes of packed 6-bit scales and mins, 128 bytes of 4-bit quants
    const block = new Uint8Array(144);
    for (let i = 4; i < 144; i++) block[i] = Math.floor(random() * 256);
    const view = new DataView(block.buffer);
    view.setUint16(0, floatToHalfBits(randomHalf(random)), true);
    view.setUint16(2, floatToHalfBits(randomHalf(random)), true);
    return block;
  };
  const tensors = shapes.map(([name, rows, cols]) => {
    const blocks = (rows * cols) / 256;
    const data = new Uint8Array(blocks * 144);
    for (let b = 0; b < blocks; b++) data.set(q4kBlock(), b * 144);
    return { name: `blk.0.${name}.weight`, type: "Q4_K", ne: [cols, rows], data };
  });
  const bytes = encodeGguf({ metadata: [], tensors });
  const source = memoryByteSource("block.gguf", bytes);
  const { tensors: listed } = await listGgufTensors({ files: ["block.gguf"], open: () => source });
  const drain = async (tensor: TensorInfo, from: typeof source) => {
    const count = tensor.shape.reduce((p, d) => p * d, 1);
    let seen = 0;
    for await (const chunk of tensorValueReader(from, tensor)(0, count)) seen += chunk.length;
    if (seen !== count) failures.push(`gguf-dequantize: ${tensor.name} gave ${seen} of ${count} values`);
  };
  console.log("tensor                   | stored MB | Q4_K MB/s | F32 MB/s | Q4_K values/s | Q4_K / F32 time per stored byte");
  let q4kSeconds = 0;
  let f32Seconds = 0;
  let stored = 0;
  for (const tensor of listed) {
    const size = tensor.end - tensor.begin;
    const t0 = performance.now();
    await drain(tensor, source);
    const q = (performance.now() - t0) / 1000;
    // the same stored bytes as finite float32 values: a quarter as many values
    const plain = new Float32Array(size / 4).map((_, i) => (i % 97) * 1e-3);
    const plainSource = memoryByteSource("plain.bin", new Uint8Array(plain.buffer));
    const f0 = performance.now();
    await drain({ name: tensor.name, dtype: "F32", shape: [plain.length], begin: 0, end: size, file: "plain.bin" }, plainSource);
    const f = (performance.now() - f0) / 1000;
    q4kSeconds += q;
    f32Seconds += f;
    stored += size;
    const values = tensor.shape.reduce((p, d) => p * d, 1);
    console.log(`${tensor.name.padEnd(24)} | ${(size / 1e6).toFixed(1).padStart(9)} | ${(size / 1e6 / q).toFixed(0).padStart(9)} | ${(size / 1e6 / f).toFixed(0).padStart(8)} | ${(values / q / 1e6).toFixed(0).padStart(10)} M | ${(q / f).toFixed(2)}`);
  }
  console.log(`block: ${(stored / 1e6).toFixed(1)} MB stored, Q4_K ${(stored / 1e6 / q4kSeconds).toFixed(0)} MB/s, F32 ${(stored / 1e6 / f32Seconds).toFixed(0)} MB/s, ratio ${(q4kSeconds / f32Seconds).toFixed(2)}`);
}

/**
 * The relaxed-SIMD build (the Gram kernel's multiply-add as f64x2.relaxed_madd, one FMA) against the
 * SIMD build (f64x2.mul then f64x2.add), interleaved in the same process, best of `reps`: the Gram
 * alone for each shape, then the GPT-2-small-shaped model end to end. The Grams must agree bit for
 * bit (the products of float32 values are exact in float64) and the reports byte for byte.
 */
async function relaxedSimd(): Promise<void> {
  const native = hasRelaxedSimd();
  // Node 20 (V8 11.3): relaxed SIMD only behind this flag, which NODE_OPTIONS refuses; set it before compiling
  if (!native) v8.setFlagsFromString("--experimental-wasm-relaxed-simd");
  console.log(`\n## Relaxed SIMD: the Gram kernel with f64x2.relaxed_madd vs f64x2.mul + f64x2.add (${native ? "native" : "Node: --experimental-wasm-relaxed-simd set by the bench"})`);
  const loaded = await Promise.all([loadWasmKernels({ kernels: "simd" }), loadWasmKernels({ kernels: "relaxed-simd" })]);
  if (!loaded[0] || !loaded[1]) throw new Error("build/heavytail-linalg*.wasm are missing: run npm run build:wasm first");
  const builds = loaded.map((l) => l!);
  const reps = quick ? 1 : 5;
  const shapes = quick ? [[300, 97], [97, 300]] : [[3072, 768], [8192, 1024], [1024, 8192], [4096, 4096]];
  console.log("Gram only (createGram + addRows / addPanelPair + toArray), best of " + reps + ", interleaved, alternating which goes first");
  console.log("shape       | simd wall  cpu   | relaxed wall cpu  | relaxed/simd wall cpu | Grams");
  for (const [rows, cols] of shapes) {
    const w = seededWeights(rows, cols, rows * 13 + cols);
    const m = Math.min(rows, cols);
    const best = builds.map(() => ({ wall: Infinity, cpu: Infinity }));
    const grams: Float64Array[] = [];
    for (let r = 0; r < reps; r++) {
      // alternate which build goes first, so neither always runs on a cold cache or a just-busy core
      for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const b = builds[k];
        const e = createWasmLinalg(b.module);
        const t = timed(() => {
          const g = e.createGram(m);
          if (rows >= cols) g.addRows(w);
          else g.addPanelPair(w, 0, w, 0, cols);
          const full = g.toArray();
          g.dispose();
          return full;
        });
        best[k] = { wall: Math.min(best[k].wall, t.wall), cpu: Math.min(best[k].cpu, t.cpu) };
        grams[k] = t.value;
      }
    }
    const x = new BigUint64Array(grams[0].buffer);
    const y = new BigUint64Array(grams[1].buffer);
    let differing = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing++;
    if (differing > 0) failures.push(`relaxed-simd ${rows}x${cols}: ${differing} Gram entries differ from the SIMD build's`);
    console.log(`${`${rows}x${cols}`.padEnd(11)} |${s(best[0].wall)}${s(best[0].cpu)} |${s(best[1].wall)}${s(best[1].cpu)} |${s(best[1].wall / best[0].wall)}${s(best[1].cpu / best[0].cpu)}     | ${differing === 0 ? "identical" : `${differing} differ`}`);
  }
  const modelDir = await gpt2Model();
  const e2eReps = quick ? 1 : 5;
  const e2e = builds.map(() => ({ wall: Infinity, cpu: Infinity, json: "" }));
  for (let r = 0; r < e2eReps; r++) {
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const b = builds[k];
      const e = createWasmLinalg(b.module);
      const opened = openLocalModel(modelDir);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const report = await analyzeModel(opened.model, opened.description, {
        randomize: false, seed: 0, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e), now: () => new Date(0),
      });
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      e2e[k] = { wall: Math.min(e2e[k].wall, wall), cpu: Math.min(e2e[k].cpu, (c.user + c.system) / 1e6), json: JSON.stringify(report) };
    }
  }
  if (e2e[0].json !== e2e[1].json) failures.push("relaxed-simd: the GPT-2-small-shaped report differs between the builds");
  console.log(`GPT-2-small-shaped model end to end (analyzeModel, one thread), best of ${e2eReps}: simd wall ${e2e[0].wall.toFixed(2)} s cpu ${e2e[0].cpu.toFixed(2)} s, relaxed wall ${e2e[1].wall.toFixed(2)} s cpu ${e2e[1].cpu.toFixed(2)} s, relaxed/simd wall ${(e2e[1].wall / e2e[0].wall).toFixed(3)} cpu ${(e2e[1].cpu / e2e[0].cpu).toFixed(3)}; reports ${e2e[0].json === e2e[1].json ? "identical" : "DIFFERENT"}`);
}

/** rows of a bf16 tensor decoded to float32: uniform values with their low 16 bits dropped */
function bf16Rows(count: number, cols: number, seed: number): Float32Array {
  const w = seededWeights(count, cols, seed + 1);
  const bits = new Uint32Array(w.buffer);
  for (let i = 0; i < bits.length; i++) bits[i] &= 0xffff0000;
  return w;
}

try {
  console.log(`heavytail bench${quick ? " --quick (correctness checks; timings only informative)" : ""}: node ${process.version}, ${new Date().toISOString()}`);
  sections.push(["eigenvalues", eigenvalueShapes], ["fit", fitVersusEigensolver], ["gpt2", gpt2EndToEnd], ["small-end", smallEndLayers], ["memory", memoryPerLayer], ["cli", cliStartup], ["cli-threads", cliThreads], ["adapter", adapterEndToEnd], ["gguf-dequantize", ggufDequantize], ["delta", deltaEndToEnd], ["relaxed-simd", relaxedSimd], ["hub-bytes", async () => hubBytes()]);
  for (const [name, run] of sections) if (!only || only.has(name)) await run();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\nbench checks failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\nbench checks passed");
