import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import v8 from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import { compileLinalgWasm } from "../../scripts/build-wasm.mjs";
import { analyzeModel } from "#shared/analyze";
import { createWasmLinalg, hasRelaxedSimd, relaxedSimdProbe, wasmLayerGrams, wasmLoraGrams } from "#shared/linalg";
import type { Report } from "#shared/report";
import { loadWasmKernels } from "../../cli/load-wasm-module.ts";
import { openLocalModel } from "../../cli/open-local-model.ts";
import { createLayerPool } from "../../cli/create-layer-pool.ts";
import { expectReferenceRow, readReferenceCsv } from "../helpers/expect-reference-row.ts";
import { seededWeights } from "./test-matrices.ts";

/**
 * The relaxed-SIMD build (the Gram kernel's multiply-add as f64x2.relaxed_madd, an FMA on this
 * hardware) against the SIMD build (mul then add). The products are of float32 values, exact in
 * float64, so one rounding or two is the same rounding: the Grams, and so the reports, must be the
 * same bit for bit, at any thread count, and parity with the reference holds as for the SIMD build.
 * Node 20 (V8 11.3) implements relaxed SIMD only behind --experimental-wasm-relaxed-simd, which
 * NODE_OPTIONS refuses; this file turns it on in its own process (v8.setFlagsFromString) and runs
 * the CLI with it on the command line.
 */
const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;
const ppocr = join(root, "test/fixtures/ppocrv4_rec");
const tesseract = join(root, "test/fixtures/tesseract_eng_lstm");
const FLAG = "--experimental-wasm-relaxed-simd";

/** the probe with its relaxed instruction replaced by v128.bitselect and a nop (same operands, same length) */
function controlProbe(): Uint8Array<ArrayBuffer> {
  const probe = relaxedSimdProbe();
  probe.set([0xfd, 0x52, 0x01], probe.length - 5);
  return probe;
}

let nativeRelaxed: boolean;
let relaxedBytesValidBeforeFlag: boolean;
let simd: WebAssembly.Module;
let relaxed: WebAssembly.Module;
let relaxedBytes: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  const [simdBytes, bytes] = await Promise.all([compileLinalgWasm(), compileLinalgWasm({ relaxed: true })]);
  relaxedBytes = bytes;
  nativeRelaxed = hasRelaxedSimd();
  relaxedBytesValidBeforeFlag = WebAssembly.validate(bytes);
  if (!nativeRelaxed) v8.setFlagsFromString(FLAG);
  simd = await WebAssembly.compile(simdBytes);
  relaxed = await WebAssembly.compile(bytes);
}, 120_000);

const bits = (a: Float64Array) => new BigUint64Array(a.buffer, a.byteOffset, a.length);
function expectSameBits(a: Float64Array, b: Float64Array, what: string) {
  expect(a.length, what).toBe(b.length);
  const x = bits(a);
  const y = bits(b);
  let differing = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing++;
  expect(differing, `${what}: entries that differ in any bit`).toBe(0);
}

describe("detection", () => {
  it("the probe is a valid module but for its relaxed instruction, and validates exactly where the relaxed build does", () => {
    expect(WebAssembly.validate(controlProbe())).toBe(true);
    expect(relaxedBytesValidBeforeFlag).toBe(nativeRelaxed);
    expect(hasRelaxedSimd()).toBe(true); // the flag is on now, or was not needed
    expect(WebAssembly.validate(relaxedBytes)).toBe(true);
  });

  it("Node 20 needs the V8 flag; a child without it falls back to the SIMD build", async () => {
    const code = `import("${join(root, "cli/load-wasm-module.ts")}").then(async (m) => console.log((await m.loadWasmKernels()).kernels))`;
    const plain = await run(process.execPath, ["--import", "tsx", "-e", code], { cwd: root });
    const flagged = await run(process.execPath, [FLAG, "--import", "tsx", "-e", code], { cwd: root });
    expect(plain.stdout.trim()).toBe(nativeRelaxed ? "relaxed-simd" : "simd");
    expect(flagged.stdout.trim()).toBe("relaxed-simd");
    if (process.versions.node.startsWith("20.")) expect(nativeRelaxed).toBe(false);
  }, 60_000);

  it("the loader picks the relaxed build when asked for auto, the SIMD one when told to", async () => {
    expect((await loadWasmKernels())?.kernels).toBe("relaxed-simd");
    expect((await loadWasmKernels({ kernels: "simd" }))?.kernels).toBe("simd");
    // a caller that names its own file gets that file, never the relaxed one beside the default
    expect((await loadWasmKernels({ path: join(root, "build/heavytail-linalg.wasm") }))?.kernels).toBe("simd");
  });
});

describe("the relaxed Gram kernel", () => {
  const shapes: [number, number][] = [[97, 33], [300, 64], [64, 301], [1, 5], [5, 1], [130, 257], [513, 130]];
  for (const [rows, cols] of shapes) {
    it(`gives the SIMD kernel's Gram bit for bit (${rows}×${cols})`, () => {
      const w = seededWeights(rows, cols, rows * 31 + cols);
      // magnitudes far apart (denormal float32, 1e30), where an FMA would differ if the products were not exact
      for (let i = 0; i < w.length; i += 7) w[i] *= i % 3 === 0 ? 1e-39 : i % 3 === 1 ? 1e30 : 3;
      const out = [simd, relaxed].map((module) => {
        const e = createWasmLinalg(module, { gramStagingBytes: 4096 });
        const m = Math.min(rows, cols);
        const g = e.createGram(m);
        if (rows >= cols) g.addRows(w);
        else g.addPanelPair(w, 0, w, 0, cols);
        const full = g.toArray();
        return { full, eigenvalues: g.eigenvalues() };
      });
      expectSameBits(out[0].full, out[1].full, "Gram");
      expectSameBits(out[0].eigenvalues, out[1].eigenvalues, "eigenvalues");
    });
  }

  it("gives the same report, byte for byte, on the fixture, and that report keeps parity with the reference (1e-6)", async () => {
    const reports = [];
    for (const module of [simd, relaxed]) {
      const e = createWasmLinalg(module);
      const opened = openLocalModel(ppocr);
      reports.push(await analyzeModel(opened.model, opened.description, {
        randomize: false, seed: 1, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e), loraGrams: wasmLoraGrams(e), now: () => new Date(0),
      }));
    }
    expect(JSON.stringify(reports[1])).toBe(JSON.stringify(reports[0]));
    const reference = readReferenceCsv(readFileSync(join(ppocr, "reference.details.csv"), "utf8"));
    const byName = new Map(reports[1].layers.map((l) => [l.name, l]));
    expect(reference.length).toBeGreaterThan(40);
    for (const row of reference) expectReferenceRow(row, byName.get(row.name)!);
  }, 120_000);

  it("gives the same report at 1, 2 and 3 worker threads, each thread instantiating the relaxed module it is handed", async () => {
    const json: string[] = [];
    for (const threads of [1, 2, 3]) {
      const opened = openLocalModel(tesseract);
      const e = createWasmLinalg(relaxed);
      const pool = createLayerPool({ threads, memoryBytes: Infinity, location: opened.location, module: relaxed });
      try {
        const report: Report = await analyzeModel(opened.model, opened.description, {
          randomize: true, seed: 5, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e), runner: pool, now: () => new Date(0),
        });
        json.push(JSON.stringify(report));
      } finally {
        await pool.close();
      }
    }
    const e = createWasmLinalg(simd);
    const opened = openLocalModel(tesseract);
    const here = await analyzeModel(opened.model, opened.description, {
      randomize: true, seed: 5, engine: "wasm-simd-f64", eigvalsh: e.eigvalsh, grams: wasmLayerGrams(e), now: () => new Date(0),
    });
    for (const j of json) expect(j).toBe(JSON.stringify(here));
  }, 120_000);

  it("the CLI with the flag prints the report it prints without it, at 1 and 2 threads", async () => {
    const cli = async (flags: string[], threads: string) => {
      const { stdout } = await run(process.execPath, [...flags, "--import", "tsx", join(root, "cli/heavytail.ts"), "analyze", ppocr, "--format", "json", "--threads", threads], { cwd: root, maxBuffer: 64 << 20 });
      return stdout.replace(/\n\s*"created_at": "[^"]*",?/, "");
    };
    const plain = await cli([], "1");
    expect(await cli([FLAG], "1")).toBe(plain);
    expect(await cli([FLAG], "2")).toBe(plain);
  }, 180_000);
});
