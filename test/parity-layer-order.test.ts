import { describe, expect, it } from "vitest";
import { analyzeModel } from "#shared/analyze";
import { memoryByteSource } from "#shared/safetensors";
import { validateReport } from "#shared/report";
import { createRng } from "#shared/metrics";
import { encodeSafetensors, type TensorSpec } from "./helpers/write-safetensors.ts";

/**
 * layer_id on a single safetensors file whose header is not sorted by name. The reference
 * (weightwatcher 0.7.5.5) walks `safe_open(file).keys()` (SafeTensorDict, weightwatcher.py
 * 5803–5826) and numbers the `.weight` keys in that order (PyStateDictLayer.get_layer_iterator,
 * 428–475); safetensors' Python binding returns those keys sorted (bindings/python/src/lib.rs:
 * `keys.sort()` on Rust Strings, i.e. by UTF-8 bytes = code points), not in header or offset order.
 */
const matrix = (name: string, rows: number, cols: number, seed: number): TensorSpec => {
  const rng = createRng(seed);
  return { name, dtype: "F32", shape: [rows, cols], data: Float32Array.from({ length: rows * cols }, () => rng.uniform() - 0.5) };
};
const vector = (name: string): TensorSpec => ({ name, dtype: "F32", shape: [4], data: new Float32Array(4) });

// header (and data) order: deliberately not sorted in any of the ways that disagree
const HEADER_ORDER: TensorSpec[] = [
  matrix("h.10.mlp.weight", 24, 12, 1),
  vector("h.10.mlp.bias"),
  matrix("h.2.mlp.weight", 24, 12, 2),
  matrix("emb\u{1F600}.weight", 30, 12, 3), // U+1F600: before U+FF5E in UTF-16 code units, after it in code points
  matrix("emb\u{FF5E}.weight", 30, 12, 4),
  vector("ln_f.weight"), // 1-D: not analysed, still counted
  matrix("a_b.weight", 20, 12, 5),
  matrix("a.b.weight", 20, 12, 6), // '.' (0x2E) before '_' (0x5F)
  matrix("Z.weight", 16, 12, 7), // upper case before lower case
  matrix("a.weight", 16, 12, 8), // the whole key is sorted: "a.b.weight" < "a.weight", although "a" < "a.b"
];

// what the reference numbers them: the .weight keys in code-point order, from 0
const REFERENCE_IDS: [string, number][] = [
  ["Z", 0],
  ["a.b", 1],
  ["a", 2],
  ["a_b", 3],
  ["emb\u{FF5E}", 4],
  ["emb\u{1F600}", 5],
  ["h.10.mlp", 6],
  ["h.2.mlp", 7],
  ["ln_f", 8],
];

describe("layer_id on a safetensors file whose header is not sorted", () => {
  it("numbers the .weight tensors in the order safetensors' keys() gives the reference", async () => {
    const file = encodeSafetensors(HEADER_ORDER);
    const report = await analyzeModel(
      { files: ["model.safetensors"], open: (f) => memoryByteSource(f, file) },
      { id: "unsorted", source: "local", revision: null, sha: null, family: null },
      { randomize: false, seed: 0, engine: "js", now: () => new Date(0) },
    );
    const checked = validateReport(JSON.parse(JSON.stringify(report)));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    const ids = [...report.layers, ...report.skipped, ...report.failed].map((l) => [l.name, l.layer_id] as [string, number]).sort((a, b) => a[1] - b[1]);
    expect(ids).toEqual(REFERENCE_IDS);
    expect(report.skipped.map((l) => l.name)).toEqual(["ln_f"]);
    // neither the header's order nor JS's default (UTF-16) sort would give these ids
    const headerWeights = HEADER_ORDER.filter((t) => t.name.endsWith(".weight")).map((t) => t.name.slice(0, -".weight".length));
    expect(headerWeights).not.toEqual(REFERENCE_IDS.map(([name]) => name));
    expect([...headerWeights].sort()).not.toEqual(REFERENCE_IDS.map(([name]) => name));
  });
});
