import { describe, expect, it } from "vitest";
import { listWeightTensors } from "../analyze/list-weight-tensors.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import { awqFixture, fp8Fixture, gptqFixture, mxfp4Fixture, type QuantizedFixture } from "../../test/helpers/write-quantized-models.ts";

function modelOf(fixture: QuantizedFixture, chunkBytes = 7): ModelFiles {
  const files = Object.keys(fixture.files).filter((f) => f.endsWith(".safetensors"));
  const bytes = (f: string) => {
    const v = fixture.files[f];
    if (v === undefined) throw new Error(`no ${f}`);
    return typeof v === "string" ? new TextEncoder().encode(v) : v;
  };
  return { files, open: (f) => memoryByteSource(f, bytes(f), { chunkBytes }) };
}

async function collect(model: ModelFiles, tensor: TensorInfo, first: number, count: number): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of tensorValueReader(model.open(tensor.file), tensor)(first, count)) out.push(...chunk);
  return out;
}

const cases: [string, () => QuantizedFixture, string][] = [
  ["GPTQ v1 (act order, zeros stored minus 1)", () => gptqFixture(), "GPTQ_INT4"],
  ["GPTQ v2", () => gptqFixture({ format: "gptq_v2", seed: 22 }), "GPTQ_INT4"],
  ["AWQ GEMM", () => awqFixture(), "AWQ_INT4"],
  ["FP8 e4m3 128×128 blocks", () => fp8Fixture(), "F8_E4M3_BLOCK"],
  ["MXFP4 experts", () => mxfp4Fixture(), "MXFP4_E2M1"],
];

describe("quantized safetensors weights, listed and read", () => {
  for (const [what, make, dtype] of cases) {
    it(`${what}: one [out, in] ${dtype} tensor per weight, its values those of the spec, over any element range`, async () => {
      const fixture = make();
      const model = modelOf(fixture);
      const listing = await listWeightTensors(model);
      const names = Object.keys(fixture.weights);
      const quantized = listing.tensors.filter((t) => t.quantized);
      expect(quantized.map((t) => t.name).sort()).toEqual(names.sort());
      // no part is left as a tensor of its own
      expect(listing.tensors.map((t) => t.name).filter((n) => /qweight|qzeros|scales|g_idx|scale_inv|_blocks/.test(n))).toEqual([]);
      expect(listing.format).toMatchObject({ kind: "safetensors", dequantized: true });
      for (const tensor of quantized) {
        const want = fixture.weights[tensor.name]!;
        expect(tensor.dtype).toBe(dtype);
        expect(tensor.shape).toEqual(want.shape);
        const total = want.shape[0] * want.shape[1];
        expect(await collect(model, tensor, 0, total)).toEqual(Array.from(want.values));
        // a row range, a range cutting rows, one value, nothing
        const cols = want.shape[1];
        for (const [first, count] of [[3 * cols, 5 * cols], [cols + 7, 2 * cols + 3], [total - 1, 1], [11, 0]]) {
          expect(await collect(model, tensor, first, count)).toEqual(Array.from(want.values.subarray(first, first + count)));
        }
      }
    });
  }

  it("refuses an element range outside the weight", async () => {
    const fixture = gptqFixture();
    const model = modelOf(fixture);
    const tensor = (await listWeightTensors(model)).tensors.find((t) => t.quantized)!;
    await expect(collect(model, tensor, 1, 48 * 64)).rejects.toThrow(/outside its 3072 elements/);
  });

  it("reads the packed words as one stream per part, not one request per row", async () => {
    const fixture = gptqFixture();
    const base = modelOf(fixture, 1 << 20);
    const calls: string[] = [];
    const model: ModelFiles = {
      files: base.files,
      open: (f) => {
        const s = base.open(f);
        return { ...s, read: (o, l) => (calls.push(`read ${l}`), s.read(o, l)), stream: (o, l) => (calls.push(`stream ${l}`), s.stream(o, l)) };
      },
    };
    const tensor = (await listWeightTensors(model)).tensors.find((t) => t.quantized)!;
    calls.length = 0;
    await collect(model, tensor, 10 * 64, 20 * 64);
    // g_idx read once; qweight, qzeros and scales one stream each
    expect(calls).toHaveLength(4);
  });
});
