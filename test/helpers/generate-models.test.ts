import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryByteSource, parseSafetensorsHeader } from "#shared/safetensors";
import { planGpt2LikeTensors, writeGpt2LikeModel, writeLlamaLikeModel } from "./generate-models.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "heavytail-generate-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function header(path: string) {
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, header: await parseSafetensorsHeader(memoryByteSource(path, bytes), path) };
}

async function sha256(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

function readF32(bytes: Uint8Array, begin: number, count: number): Float32Array {
  return new Float32Array(bytes.slice(begin, begin + 4 * count).buffer);
}

// largest eigenvalue of WᵀW by power iteration (W rows × cols, row-major)
function lambdaMax(w: Float32Array, rows: number, cols: number): number {
  let v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  let lambda = 0;
  for (let it = 0; it < 200; it++) {
    const wv = new Float64Array(rows);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) wv[i] += w[i * cols + j] * v[j];
    const next = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) next[j] += w[i * cols + j] * wv[i];
    lambda = Math.hypot(...next);
    v = next.map((x) => x / lambda);
  }
  return lambda;
}

describe("writeLlamaLikeModel", () => {
  const options = { hidden: 64, intermediate: 172, layers: 2, vocab: 300, dtype: "BF16" as const, shards: 2, heads: 4, kvHeads: 2, seed: 7 };

  it("writes sharded files, an index and a config in the Hub's layout", async () => {
    const dir = join(root, "llama");
    const model = await writeLlamaLikeModel(dir, options);
    expect((await readdir(dir)).sort()).toEqual(["config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors", "model.safetensors.index.json"]);
    expect(model.files).toEqual(["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]);
    const config = JSON.parse(await readFile(join(dir, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "llama", hidden_size: 64, intermediate_size: 172, num_hidden_layers: 2, num_key_value_heads: 2, vocab_size: 300, torch_dtype: "bfloat16" });

    const index = JSON.parse(await readFile(join(dir, "model.safetensors.index.json"), "utf8"));
    const names = Object.keys(index.weight_map);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(2 + 9 * 2 + 1);
    let dataBytes = 0;
    const shapes = new Map<string, number[]>();
    for (const file of model.files) {
      const { header: h } = await header(join(dir, file));
      expect(h.tensors.map((t) => t.name)).toEqual(h.tensors.map((t) => t.name).sort());
      for (const t of h.tensors) {
        expect(index.weight_map[t.name]).toBe(file);
        expect(t.dtype).toBe("BF16");
        shapes.set(t.name, t.shape);
        dataBytes += t.end - t.begin;
      }
    }
    expect(index.metadata.total_size).toBe(dataBytes);
    expect(shapes.size).toBe(names.length);
    expect(shapes.get("model.embed_tokens.weight")).toEqual([300, 64]);
    expect(shapes.get("lm_head.weight")).toEqual([300, 64]);
    expect(shapes.get("model.layers.1.self_attn.q_proj.weight")).toEqual([64, 64]);
    expect(shapes.get("model.layers.1.self_attn.k_proj.weight")).toEqual([32, 64]);
    expect(shapes.get("model.layers.0.mlp.gate_proj.weight")).toEqual([172, 64]);
    expect(shapes.get("model.layers.0.mlp.down_proj.weight")).toEqual([64, 172]);
    expect(shapes.get("model.layers.0.input_layernorm.weight")).toEqual([64]);
    expect(shapes.get("model.norm.weight")).toEqual([64]);
    expect(model.tensors.map((t) => t.name).sort()).toEqual(names);
  });

  it("is deterministic in the seed", async () => {
    const a = await writeLlamaLikeModel(join(root, "seed-a"), options);
    const b = await writeLlamaLikeModel(join(root, "seed-b"), options);
    const c = await writeLlamaLikeModel(join(root, "seed-c"), { ...options, seed: 8 });
    for (const file of a.files) {
      expect(await sha256(join(a.dir, file))).toBe(await sha256(join(b.dir, file)));
      expect(await sha256(join(a.dir, file))).not.toBe(await sha256(join(c.dir, file)));
    }
  });

  it("stores F16 and BF16 as the same values as F32, rounded", async () => {
    const f32 = await writeLlamaLikeModel(join(root, "f32"), { ...options, dtype: "F32", shards: 1 });
    const f16 = await writeLlamaLikeModel(join(root, "f16"), { ...options, dtype: "F16", shards: 1 });
    const a = await header(join(f32.dir, f32.files[0]));
    const b = await header(join(f16.dir, f16.files[0]));
    const name = "model.layers.0.mlp.up_proj.weight";
    const ta = a.header.tensors.find((t) => t.name === name)!;
    const tb = b.header.tensors.find((t) => t.name === name)!;
    const values = readF32(a.bytes, ta.begin, 172 * 64);
    const halves = new DataView(b.bytes.buffer, tb.begin, 2 * 172 * 64);
    for (let i = 0; i < values.length; i += 97) {
      const bits = halves.getUint16(2 * i, true);
      const exponent = (bits >> 10) & 0x1f;
      const mantissa = bits & 0x3ff;
      const half = (bits & 0x8000 ? -1 : 1) * (exponent === 0 ? mantissa * 2 ** -24 : (1 + mantissa / 1024) * 2 ** (exponent - 15));
      expect(Math.abs(half - values[i])).toBeLessThanOrEqual(Math.abs(values[i]) * 2 ** -11 + 2 ** -25);
    }
  });

  it("plants spikes well above the noise's spectral edge, and values stay finite", async () => {
    const model = await writeLlamaLikeModel(join(root, "spikes"), { ...options, dtype: "F32", shards: 1 });
    const { bytes, header: h } = await header(join(model.dir, model.files[0]));
    const t = h.tensors.find((x) => x.name === "model.layers.0.mlp.down_proj.weight")!;
    const [rows, cols] = t.shape;
    const w = readF32(bytes, t.begin, rows * cols);
    expect(w.every(Number.isFinite)).toBe(true);
    // entries have variance μ/(μ-2)/cols = 3/cols, so the noise's edge is 3/cols·(√rows+√cols)²
    const edge = (3 / cols) * (Math.sqrt(rows) + Math.sqrt(cols)) ** 2;
    expect(lambdaMax(w, rows, cols)).toBeGreaterThan(8 * edge);
    const flat = await writeLlamaLikeModel(join(root, "no-spikes"), { ...options, dtype: "F32", shards: 1, spikes: [] });
    const g = await header(join(flat.dir, flat.files[0]));
    const u = g.header.tensors.find((x) => x.name === t.name)!;
    expect(lambdaMax(readF32(g.bytes, u.begin, rows * cols), rows, cols)).toBeLessThan(4 * edge);
  });

  it("refuses impossible options", async () => {
    await expect(writeLlamaLikeModel(join(root, "bad"), { ...options, hidden: 0 })).rejects.toThrow(/hidden/);
    await expect(writeLlamaLikeModel(join(root, "bad"), { ...options, heads: 5 })).rejects.toThrow(/heads/);
    await expect(writeLlamaLikeModel(join(root, "bad"), { ...options, shards: 40 })).rejects.toThrow(/shards/);
    await expect(writeLlamaLikeModel(join(root, "bad"), { ...options, dtype: "I8" as never })).rejects.toThrow(/dtype/);
    await expect(writeLlamaLikeModel(join(root, "bad"), { ...options, tailExponent: 2 })).rejects.toThrow(/tailExponent/);
  });
});

describe("writeGpt2LikeModel", () => {
  it("plans GPT-2 small by default: 160 tensors, 124,439,808 parameters plus the mask buffers", () => {
    const plan = planGpt2LikeTensors();
    expect(plan).toHaveLength(160);
    const count = (t: { shape: number[] }) => t.shape.reduce((a, b) => a * b, 1);
    const params = plan.filter((t) => !t.name.endsWith(".attn.bias")).reduce((sum, t) => sum + count(t), 0);
    expect(params).toBe(124_439_808);
    const shapes = new Map(plan.map((t) => [t.name, t.shape]));
    expect(shapes.get("wte.weight")).toEqual([50257, 768]);
    expect(shapes.get("wpe.weight")).toEqual([1024, 768]);
    expect(shapes.get("h.11.attn.c_attn.weight")).toEqual([768, 2304]);
    expect(shapes.get("h.0.attn.c_proj.weight")).toEqual([768, 768]);
    expect(shapes.get("h.0.mlp.c_fc.weight")).toEqual([768, 3072]);
    expect(shapes.get("h.0.mlp.c_proj.weight")).toEqual([3072, 768]);
    expect(shapes.get("h.0.attn.bias")).toEqual([1, 1, 1024, 1024]);
    expect(shapes.get("ln_f.bias")).toEqual([768]);
  });

  it("streams one F32 file sorted by name, with a causal mask and a gpt2 config", async () => {
    const dir = join(root, "gpt2");
    const model = await writeGpt2LikeModel(dir, { layers: 2, hidden: 64, vocab: 500, positions: 32, seed: 3 });
    const { bytes, header: h } = await header(join(dir, "model.safetensors"));
    expect(h.metadata).toEqual({ format: "pt" });
    expect(h.tensors.map((t) => t.name)).toEqual(planGpt2LikeTensors({ layers: 2, hidden: 64, vocab: 500, positions: 32 }).map((t) => t.name));
    expect(h.tensors.map((t) => t.name)).toEqual(h.tensors.map((t) => t.name).sort());
    expect(h.tensors.every((t) => t.dtype === "F32")).toBe(true);
    expect(bytes.byteLength).toBe(h.tensors[h.tensors.length - 1].end);
    expect(model.tensors).toHaveLength(4 + 13 * 2);
    const mask = h.tensors.find((t) => t.name === "h.1.attn.bias")!;
    const m = readF32(bytes, mask.begin, 32 * 32);
    for (const [i, j] of [[0, 0], [0, 1], [5, 5], [5, 6], [31, 0], [31, 31]]) expect(m[i * 32 + j]).toBe(j <= i ? 1 : 0);
    const fc = h.tensors.find((t) => t.name === "h.0.mlp.c_fc.weight")!;
    expect(fc.shape).toEqual([64, 256]);
    expect(readF32(bytes, fc.begin, 64 * 256).every(Number.isFinite)).toBe(true);
    const config = JSON.parse(await readFile(join(dir, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "gpt2", n_embd: 64, n_layer: 2, n_positions: 32, vocab_size: 500 });

    const again = await writeGpt2LikeModel(join(root, "gpt2-again"), { layers: 2, hidden: 64, vocab: 500, positions: 32, seed: 3 });
    expect(await sha256(join(again.dir, "model.safetensors"))).toBe(await sha256(join(dir, "model.safetensors")));
  });

  it("leaves the mask buffers out on request", () => {
    expect(planGpt2LikeTensors({ layers: 1, maskBuffers: false }).some((t) => t.name.endsWith(".attn.bias"))).toBe(false);
  });
});
