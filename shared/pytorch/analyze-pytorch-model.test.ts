import { describe, expect, it } from "vitest";
import { analyzeModel } from "../analyze/analyze-model.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { Report } from "../report/schema.ts";
import { validateReport } from "../report/validate-report.ts";
import { tinyLlama, tinySafetensors, tinyTorchCheckpoint } from "../../test/helpers/tiny-llama.ts";
import { encodeTorchCheckpoint } from "../../test/helpers/write-torch-checkpoint.ts";
import { encodeSafetensorsIndex } from "../../test/helpers/write-safetensors.ts";

async function analyze(files: Record<string, Uint8Array | string>): Promise<Report> {
  const bytes = (f: string) => (typeof files[f] === "string" ? new TextEncoder().encode(files[f] as string) : (files[f] as Uint8Array));
  const report = await analyzeModel(
    { files: Object.keys(files), open: (f) => memoryByteSource(f, bytes(f), { chunkBytes: 40_000 }) },
    { id: "tiny", source: "local", revision: null, sha: null, family: null },
    { randomize: false, seed: 0, engine: "js", now: () => new Date(0) },
  );
  const checked = validateReport(JSON.parse(JSON.stringify(report)));
  expect(checked.ok ? [] : checked.errors).toEqual([]);
  return report;
}

const numbers = (r: Report) => ({ layers: r.layers, skipped: r.skipped, failed: r.failed, summary: r.summary });

describe("analyzeModel on PyTorch checkpoints", () => {
  const weights = tinyLlama({ layers: 1, seed: 3 });

  it("gives the same report for the same weights as safetensors and as pytorch_model.bin (F32 and BF16)", async () => {
    for (const dtype of ["F32", "BF16"] as const) {
      const fromSafetensors = await analyze({ "model.safetensors": tinySafetensors(weights, dtype) });
      const fromBin = await analyze({ "pytorch_model.bin": tinyTorchCheckpoint(weights, dtype) });
      expect(numbers(fromBin)).toEqual(numbers(fromSafetensors));
      expect(fromBin.model).toMatchObject({ files: [{ name: "pytorch_model.bin" }], dtypes: [dtype], format: { kind: "pytorch", file_type: null, tensor_types: { [dtype]: 12 }, dequantized: false } });
    }
  });

  it("reads a sharded checkpoint through pytorch_model.bin.index.json", async () => {
    const half = Math.ceil(weights.length / 2);
    const shards = {
      "pytorch_model-00001-of-00002.bin": tinyTorchCheckpoint(weights.slice(0, half)),
      "pytorch_model-00002-of-00002.bin": tinyTorchCheckpoint(weights.slice(half)),
    };
    const index = encodeSafetensorsIndex(weights.map((t, i) => [t.hf, i < half ? "pytorch_model-00001-of-00002.bin" : "pytorch_model-00002-of-00002.bin"]));
    const fromShards = await analyze({ ...shards, "pytorch_model.bin.index.json": index });
    const fromSafetensors = await analyze({ "model.safetensors": tinySafetensors(weights) });
    expect(numbers(fromShards)).toEqual(numbers(fromSafetensors));
    expect(fromShards.model.files.map((f) => f.name)).toEqual(["pytorch_model.bin.index.json", ...Object.keys(shards)]);
  });

  it("skips a tensor stored as a transposed view with its reason, analysing the rest", async () => {
    const embed = weights.find((t) => t.hf === "model.embed_tokens.weight")!;
    const bytes = encodeTorchCheckpoint([
      ...weights.map((t, i) => ({ name: t.hf, dtype: "F32" as const, shape: t.shape, data: t.values, storage: String(i) })),
      // a tied head stored as the embedding's transpose
      { name: "transposed_head.weight", dtype: "F32", shape: [embed.shape[1], embed.shape[0]], stride: [1, embed.shape[1]], data: embed.values, storage: String(weights.indexOf(embed)) },
    ]);
    const report = await analyze({ "pytorch_model.bin": bytes });
    expect(report.summary.layers_analysed).toBe(9);
    expect(report.skipped.find((s) => s.name === "transposed_head")?.reason).toMatch(/not stored contiguously .*stride \[1, 256\]/);
  });
});
