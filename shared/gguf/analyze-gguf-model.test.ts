import { describe, expect, it } from "vitest";
import { analyzeModel } from "../analyze/analyze-model.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { Report } from "../report/schema.ts";
import { validateReport } from "../report/validate-report.ts";
import { quantizedTensor, tinyGguf, tinyLlama, tinySafetensors, type TinyTensor } from "../../test/helpers/tiny-llama.ts";
import type { BlockSpec } from "../../test/helpers/ggml-blocks.ts";
import { meta } from "../../test/helpers/write-gguf.ts";

async function analyze(files: Record<string, Uint8Array>): Promise<Report> {
  const report = await analyzeModel(
    { files: Object.keys(files), open: (f) => memoryByteSource(f, files[f], { chunkBytes: 50_000 }) },
    { id: "tiny", source: "local", revision: null, sha: null, family: null },
    { randomize: false, seed: 0, engine: "js", chunkBytes: 30_000, now: () => new Date(0) },
  );
  const checked = validateReport(JSON.parse(JSON.stringify(report)));
  expect(checked.ok ? [] : checked.errors).toEqual([]);
  return report;
}

/** The report's numbers and names, without the stored dtype (which differs between a quantized file and its float copy). */
const numbers = (r: Report, withDtype = true) => {
  const strip = <T extends { dtype: string }>(x: T) => (withDtype ? x : { ...x, dtype: undefined });
  return { layers: r.layers.map(strip), skipped: r.skipped.map(strip), failed: r.failed, reference: r.summary.reference, fits: r.summary.successful_fits };
};

const TYPES: BlockSpec["type"][] = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"];

describe("analyzeModel on GGUF files", () => {
  const weights = tinyLlama({ layers: 1 });

  it("gives the same report numbers for the same weights as F32 safetensors and as F32 GGUF", async () => {
    const fromSafetensors = await analyze({ "model.safetensors": tinySafetensors(weights) });
    const fromGguf = await analyze({ "tiny-F32.gguf": tinyGguf(weights, () => "F32", [["general.file_type", meta.u32(0)]]) });
    expect(fromSafetensors.summary.layers_analysed).toBe(9);
    expect(numbers(fromGguf)).toEqual(numbers(fromSafetensors));
    expect(fromGguf.layers.map((l) => [l.name, l.N, l.M])).toEqual(fromSafetensors.layers.map((l) => [l.name, l.N, l.M]));
    expect(fromGguf.model).toMatchObject({
      family: "llama",
      dtypes: ["F32"],
      files: [{ name: "tiny-F32.gguf" }],
      format: { kind: "gguf", file_type: "F32", tensor_types: { F32: 12 }, dequantized: false },
    });
    expect(fromSafetensors.model.format).toBeUndefined();
    expect(fromGguf.summary.notes).toEqual(fromSafetensors.summary.notes);
  });

  it("gives the same numbers for F16 GGUF as for F16 safetensors", async () => {
    const fromSafetensors = await analyze({ "model.safetensors": tinySafetensors(weights, "F16") });
    const fromGguf = await analyze({ "tiny-F16.gguf": tinyGguf(weights, () => "F16") });
    // norms stay F32 in the GGUF file, as llama.cpp writes them: only the skipped norms' dtype differs
    expect(numbers(fromGguf, false)).toEqual(numbers(fromSafetensors, false));
    expect(fromGguf.layers.every((l) => l.dtype === "F16")).toBe(true);
  });

  it("dequantizes every block type as it streams: the numbers of the values the blocks define", async () => {
    const two = tinyLlama({ layers: 2, seed: 5 });
    const matrices = two.filter((t) => t.shape.length === 2);
    const stored = new Map<TinyTensor, { type: string; bytes: Uint8Array }>();
    const asFloats = two.map((t) => {
      const i = matrices.indexOf(t);
      if (i < 0) return t;
      const type = TYPES[i % TYPES.length];
      const q = quantizedTensor(t, type, 100 + i);
      stored.set(t, { type, bytes: q.bytes });
      return { ...t, values: q.values };
    });
    const fromGguf = await analyze({ "tiny-Q4_K_M.gguf": tinyGguf(two, (t) => stored.get(t)!, [["general.file_type", meta.u32(15)]]) });
    const fromFloats = await analyze({ "model.safetensors": tinySafetensors(asFloats) });
    expect(numbers(fromGguf, false)).toEqual(numbers(fromFloats, false));
    expect(fromGguf.summary.layers_analysed).toBe(16);
    expect(new Set(fromGguf.layers.map((l) => l.dtype))).toEqual(new Set(TYPES));
    expect(fromGguf.model.format).toMatchObject({ kind: "gguf", file_type: "Q4_K_M", dequantized: true });
    expect(fromGguf.summary.notes.at(-1)).toMatch(/^Layers stored as Q2_K, Q3_K, .*Q8_0 \(file type Q4_K_M\) were dequantized to float32/);
  });

  it("skips a tensor of an unsupported quantization with its reason and analyses the rest", async () => {
    const report = await analyze({
      "tiny-IQ2_XS.gguf": tinyGguf(weights, (t) => (t.gguf === "blk.0.attn_v.weight" ? { type: "IQ2_XS", bytes: new Uint8Array(256 * 74) } : "F16")),
    });
    expect(report.summary.layers_analysed).toBe(8);
    expect(report.skipped.find((s) => s.name === "model.layers.0.self_attn.v_proj")).toMatchObject({ dtype: "IQ2_XS", reason: "unsupported quantization IQ2_XS" });
    expect(report.model.format).toMatchObject({ tensor_types: { F16: 8, F32: 3, IQ2_XS: 1 }, dequantized: false });
  });
});
