/**
 * Single-layer safetensors files for the benchmark, generated inside it (never committed):
 * Gaussian and heavy-tailed (Student-t) weights of a transformer's shapes, and a rank-deficient
 * heavy-tailed one (exactly repeated columns), deterministic from a seed.
 */
import { writeFileSync } from "node:fs";
import { encodeSafetensorsRaw } from "../test/helpers/write-safetensors.ts";
import { seededRandom } from "../test/helpers/seeded-random.ts";

export type LayerKind = "gaussian" | "student-t" | "rank-deficient";

export interface BenchLayer {
  kind: LayerKind;
  rows: number;
  cols: number;
  /** entries are scale·X, X standard normal or Student-t with `nu` degrees of freedom */
  scale: number;
  nu: number;
  /** rank-deficient: how many columns are exact copies of others (the rank lost) */
  repeated: number;
  seed: number;
}

/** rows×cols float32 weights of the given kind, row-major */
export function benchWeights(layer: BenchLayer): Float32Array {
  const { rows, cols, scale, nu, seed } = layer;
  const uniform = seededRandom(seed);
  const open = () => 1 - uniform(); // (0, 1]
  // Box–Muller, both values used
  let spare = Number.NaN;
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(open()));
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  // χ²_ν for even ν as −2 ln Π of ν/2 uniforms
  if (layer.kind !== "gaussian" && (nu < 2 || nu % 2 !== 0)) throw new RangeError(`nu must be an even integer ≥ 2, got ${nu}`);
  const studentT = () => {
    let product = 1;
    for (let k = 0; k < nu / 2; k++) product *= open();
    const chi2 = -2 * Math.log(product);
    return normal() / Math.sqrt(chi2 / nu);
  };
  const draw = layer.kind === "gaussian" ? normal : studentT;
  const w = new Float32Array(rows * cols);
  for (let i = 0; i < w.length; i++) w[i] = Math.fround(scale * draw());
  if (layer.kind === "rank-deficient") {
    // column c (c < repeated) is copied into column cols−1−c: exactly singular, rank loss = repeated
    for (let r = 0; r < rows; r++) for (let c = 0; c < layer.repeated; c++) w[r * cols + cols - 1 - c] = w[r * cols + c];
  }
  return w;
}

/** Writes one F32 tensor `layer.weight` holding benchWeights(layer) as a safetensors file. */
export function writeBenchLayer(path: string, layer: BenchLayer): Float32Array {
  const w = benchWeights(layer);
  const header = { "layer.weight": { dtype: "F32", shape: [layer.rows, layer.cols], data_offsets: [0, 4 * w.length] } };
  writeFileSync(path, encodeSafetensorsRaw(header, new Uint8Array(w.buffer, w.byteOffset, w.byteLength)));
  return w;
}
