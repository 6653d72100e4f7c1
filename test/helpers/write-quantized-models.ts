/**
 * Quantized safetensors checkpoints for tests, written from the formats' specs (no downloads), each
 * with its "float twin": the same model with every quantized weight replaced by its dequantized
 * float32 values, computed here in float64 straight from the spec and rounded as the reference
 * dequantizer rounds (docs/metrics.md §9). A quantized model and its twin must give the same report.
 *
 * Layouts, as checked against public code (2025-26 snapshots):
 * - GPTQ: AutoGPTQ auto_gptq/nn_modules/qlinear/qlinear_cuda_old.py `pack` (qweight [in·bits/32, out],
 *   input i in bits·(i mod pf) of word ⌊i/pf⌋; qzeros [groups, out·bits/32] packed along out;
 *   `zeros -= 1` before packing) and qlinear_cuda.py `forward` (zeros & mask, then + 1;
 *   weight = scales[g_idx] · (q − zeros[g_idx]) in the scales' dtype); GPTQModel
 *   gptqmodel/utils/model.py convert_gptq_v1_to_v2_format_module (v2 stores zeros as they are).
 * - AWQ: AutoAWQ awq/utils/packing_utils.py (AWQ_ORDER [0,2,4,6,1,3,5,7], `dequantize_gemm`:
 *   (iweight − izeros) · scales, zeros not offset, result [in, out]).
 * - FP8: DeepSeek-V3 inference/fp8_cast_bf16.py (pairs `X` with `X_scale_inv`) and kernel.py
 *   `weight_dequant_kernel` (y = x.float() · s[⌊r/128⌋, ⌊c/128⌋], masked edge blocks).
 * - MXFP4: transformers src/transformers/integrations/mxfp4.py `convert_moe_packed_tensors`
 *   (FP4_VALUES, low nibble first, ldexp by scale − 127, blocks [.., out, in/32, 16]).
 */
import { encodeSafetensorsRaw, floatToHalfBits } from "./write-safetensors.ts";
import { seededRandom } from "./seeded-random.ts";
import { halfToFloat } from "#shared/safetensors";

interface RawTensor {
  name: string;
  dtype: string;
  shape: number[];
  bytes: Uint8Array;
}

const SIZE: Record<string, number> = { F32: 4, F16: 2, I32: 4, U8: 1, F8_E4M3: 1, F8_E8M0: 1 };

/** A safetensors file of raw tensors laid out in name order (as safetensors' writer sorts same-size dtypes). */
export function encodeRawTensors(tensors: RawTensor[]): Uint8Array {
  const sorted = [...tensors].sort((a, b) => (a.name < b.name ? -1 : 1));
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const t of sorted) {
    const expected = t.shape.reduce((p, d) => p * d, 1) * SIZE[t.dtype];
    if (t.bytes.byteLength !== expected) throw new Error(`${t.name}: ${t.bytes.byteLength} bytes, expected ${expected}`);
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.byteLength] };
    offset += t.bytes.byteLength;
  }
  const data = new Uint8Array(offset);
  let at = 0;
  for (const t of sorted) {
    data.set(t.bytes, at);
    at += t.bytes.byteLength;
  }
  return encodeSafetensorsRaw(header, data);
}

const f32 = (values: ArrayLike<number>) => new Uint8Array(Float32Array.from(values).buffer);
const u32 = (values: ArrayLike<number>) => new Uint8Array(Uint32Array.from(values).buffer);
const i32 = (values: ArrayLike<number>) => new Uint8Array(Int32Array.from(values).buffer);
const f16 = (values: ArrayLike<number>) => new Uint8Array(Uint16Array.from(Array.from(values, floatToHalfBits)).buffer);
/** x rounded to binary16 and back: the value a half tensor holds */
const half = (x: number) => halfToFloat(floatToHalfBits(x));

/** One quantized model: its files, and its float twin's `model.safetensors` (same names, F32). */
export interface QuantizedFixture {
  files: Record<string, Uint8Array | string>;
  twin: Uint8Array;
  /** the float [out, in] of each dequantized weight, by name, for direct checks */
  weights: Record<string, { shape: [number, number]; values: Float64Array }>;
}

/** The unquantized tensors every fixture carries: a norm (1-D, not a layer) and an F32 lm_head [24, 64]. */
function plainTensors(random: () => number): RawTensor[] {
  return [
    { name: "model.norm.weight", dtype: "F32", shape: [64], bytes: f32(Array.from({ length: 64 }, () => 1 + 0.1 * random())) },
    { name: "lm_head.weight", dtype: "F32", shape: [24, 64], bytes: f32(Array.from({ length: 24 * 64 }, () => random() - 0.5)) },
  ];
}

function finish(config: object, quantized: RawTensor[], weights: QuantizedFixture["weights"], random: () => number): QuantizedFixture {
  const plain = plainTensors(random);
  const twinTensors = [...plain, ...Object.entries(weights).map(([name, w]) => ({ name, dtype: "F32", shape: w.shape, bytes: f32(w.values) }))];
  return {
    files: { "model.safetensors": encodeRawTensors([...plain, ...quantized]), "config.json": JSON.stringify({ model_type: "llama", quantization_config: config }) },
    twin: encodeRawTensors(twinTensors),
    weights,
  };
}

export const GPTQ_SHAPE = { out: 48, in: 64, group: 16 } as const;

/**
 * GPTQ 4-bit, act-order (desc_act: a g_idx that is not ⌊i/group⌋), v1 ("gptq": zeros stored minus 1,
 * so a stored nibble 15 means zero point 16) or v2 ("gptq_v2"), F16 scales; q_proj and v_proj of one block.
 */
export function gptqFixture(options: { format?: "gptq" | "gptq_v2"; seed?: number } = {}): QuantizedFixture {
  const format = options.format ?? "gptq";
  const random = seededRandom(options.seed ?? 21);
  const { out, in: inF, group } = GPTQ_SHAPE;
  const groups = inF / group;
  const bits = 4;
  const pf = 32 / bits;
  const tensors: RawTensor[] = [];
  const weights: QuantizedFixture["weights"] = {};
  for (const module of ["q_proj", "v_proj"]) {
    const p = `model.layers.0.self_attn.${module}`;
    // act order: input i is quantized in group gIdx[i], a permutation of the plain ⌊i/group⌋
    const order = Array.from({ length: inF }, (_, i) => i).sort(() => random() - 0.5);
    const gIdx = new Int32Array(inF);
    order.forEach((i, rank) => (gIdx[i] = Math.floor(rank / group)));
    const q = Array.from({ length: inF }, () => Array.from({ length: out }, () => Math.floor(random() * 16)));
    // zero points 1 … 16 for v1 (stored z − 1 in 0 … 15), 0 … 15 for v2
    const z = Array.from({ length: groups }, (_, g) => Array.from({ length: out }, (_, o) => (g === 0 && o === 5 ? (format === "gptq" ? 16 : 15) : Math.floor(random() * 16) + (format === "gptq" ? 1 : 0))));
    const s = Array.from({ length: groups }, () => Array.from({ length: out }, () => half(0.002 + 0.02 * random())));
    const qweight = new Uint32Array((inF / pf) * out);
    for (let i = 0; i < inF; i++) for (let o = 0; o < out; o++) qweight[Math.floor(i / pf) * out + o] |= q[i][o] << (bits * (i % pf));
    const qzeros = new Uint32Array(groups * (out / pf));
    for (let g = 0; g < groups; g++) for (let o = 0; o < out; o++) qzeros[g * (out / pf) + Math.floor(o / pf)] |= (z[g][o] - (format === "gptq" ? 1 : 0)) << (bits * (o % pf));
    tensors.push(
      { name: `${p}.qweight`, dtype: "I32", shape: [inF / pf, out], bytes: u32(qweight) },
      { name: `${p}.qzeros`, dtype: "I32", shape: [groups, out / pf], bytes: u32(qzeros) },
      { name: `${p}.scales`, dtype: "F16", shape: [groups, out], bytes: f16(s.flat()) },
      { name: `${p}.g_idx`, dtype: "I32", shape: [inF], bytes: i32(gIdx) },
      { name: `${p}.bias`, dtype: "F16", shape: [out], bytes: f16(new Array(out).fill(0)) },
    );
    // W[o, i] = half(s[g, o] · (q[i, o] − z[g, o])), g = g_idx[i]
    const values = new Float64Array(out * inF);
    for (let o = 0; o < out; o++) for (let i = 0; i < inF; i++) values[o * inF + i] = half(s[gIdx[i]][o] * (q[i][o] - z[gIdx[i]][o]));
    weights[`${p}.weight`] = { shape: [out, inF], values };
  }
  return finish({ quant_method: "gptq", bits, group_size: group, desc_act: true, sym: false, checkpoint_format: format }, tensors, weights, random);
}

export const AWQ_SHAPE = { out: 40, in: 64, group: 32 } as const;

/** AWQ 4-bit GEMM (AutoAWQ): nibble k of a word holds output column 8j + [0,2,4,6,1,3,5,7][k]; zeros stored as they are. */
export function awqFixture(seed = 23): QuantizedFixture {
  const random = seededRandom(seed);
  const { out, in: inF, group } = AWQ_SHAPE;
  const groups = inF / group;
  const order = [0, 2, 4, 6, 1, 3, 5, 7];
  const p = "model.layers.0.mlp.down_proj";
  const q = Array.from({ length: inF }, () => Array.from({ length: out }, () => Math.floor(random() * 16)));
  const z = Array.from({ length: groups }, () => Array.from({ length: out }, () => Math.floor(random() * 16)));
  const s = Array.from({ length: groups }, () => Array.from({ length: out }, () => half(0.001 + 0.03 * random())));
  const pack = (rows: number, value: (r: number, o: number) => number) => {
    const words = new Uint32Array(rows * (out / 8));
    for (let r = 0; r < rows; r++) for (let j = 0; j < out / 8; j++) for (let k = 0; k < 8; k++) words[r * (out / 8) + j] |= value(r, 8 * j + order[k]) << (4 * k);
    return words;
  };
  const tensors: RawTensor[] = [
    { name: `${p}.qweight`, dtype: "I32", shape: [inF, out / 8], bytes: u32(pack(inF, (i, o) => q[i][o])) },
    { name: `${p}.qzeros`, dtype: "I32", shape: [groups, out / 8], bytes: u32(pack(groups, (g, o) => z[g][o])) },
    { name: `${p}.scales`, dtype: "F16", shape: [groups, out], bytes: f16(s.flat()) },
  ];
  // W[o, i] = half(s[g, o] · (q[i, o] − z[g, o])), g = ⌊i / group⌋
  const values = new Float64Array(out * inF);
  for (let o = 0; o < out; o++) for (let i = 0; i < inF; i++) values[o * inF + i] = half(s[Math.floor(i / group)][o] * (q[i][o] - z[Math.floor(i / group)][o]));
  return finish({ quant_method: "awq", bits: 4, group_size: group, zero_point: true, version: "gemm" }, tensors, { [`${p}.weight`]: { shape: [out, inF], values } }, random);
}

/** float8_e4m3fn byte → value, from the OCP FP8 spec: bias 7, no infinities, S.1111.111 NaN. */
export function e4m3(byte: number): number {
  const sign = byte & 0x80 ? -1 : 1;
  const e = (byte >> 3) & 15;
  const m = byte & 7;
  if (e === 15 && m === 7) return NaN;
  return e === 0 ? sign * (m / 8) * 2 ** -6 : sign * (1 + m / 8) * 2 ** (e - 7);
}

export const FP8_SHAPE = { out: 130, in: 140, block: 128 } as const;

/** FP8 e4m3 with 128 × 128 weight_scale_inv blocks (DeepSeek-V3): [130, 140] leaves partial edge blocks on both sides. */
export function fp8Fixture(seed = 25): QuantizedFixture {
  const random = seededRandom(seed);
  const { out, in: inF, block } = FP8_SHAPE;
  const sr = Math.ceil(out / block);
  const sc = Math.ceil(inF / block);
  const p = "model.layers.0.self_attn.o_proj";
  // any byte but the NaNs 0x7f, 0xff
  const x = Uint8Array.from({ length: out * inF }, () => {
    const b = Math.floor(random() * 256);
    return (b & 0x7f) === 0x7f ? b - 1 : b;
  });
  const s = Float32Array.from({ length: sr * sc }, () => 2 ** -10 * (1 + random()));
  const tensors: RawTensor[] = [
    { name: `${p}.weight`, dtype: "F8_E4M3", shape: [out, inF], bytes: x },
    { name: `${p}.weight_scale_inv`, dtype: "F32", shape: [sr, sc], bytes: f32(s) },
  ];
  // W[r, c] = float32(e4m3(x) · s[⌊r/128⌋, ⌊c/128⌋])
  const values = new Float64Array(out * inF);
  for (let r = 0; r < out; r++) for (let c = 0; c < inF; c++) values[r * inF + c] = Math.fround(e4m3(x[r * inF + c]) * s[Math.floor(r / block) * sc + Math.floor(c / block)]);
  return finish({ quant_method: "fp8", fmt: "e4m3", activation_scheme: "dynamic", weight_block_size: [block, block] }, tensors, { [`${p}.weight`]: { shape: [out, inF], values } }, random);
}

export const MXFP4_SHAPE = { experts: 2, out: 24, in: 64 } as const;
const E2M1 = [0, 0.5, 1, 1.5, 2, 3, 4, 6, -0, -0.5, -1, -1.5, -2, -3, -4, -6];

/** gpt-oss-style MXFP4 experts: `mlp.experts.down_proj_blocks` [E, out, in/32, 16] U8 with F8_E8M0 `…_scales` [E, out, in/32]. */
export function mxfp4Fixture(seed = 27): QuantizedFixture {
  const random = seededRandom(seed);
  const { experts, out, in: inF } = MXFP4_SHAPE;
  const groups = inF / 32;
  const p = "model.layers.0.mlp.experts.down_proj";
  const blocks = Uint8Array.from({ length: experts * out * groups * 16 }, () => Math.floor(random() * 256));
  const scales = Uint8Array.from({ length: experts * out * groups }, () => 120 + Math.floor(random() * 8));
  const tensors: RawTensor[] = [
    { name: `${p}_blocks`, dtype: "U8", shape: [experts, out, groups, 16], bytes: blocks },
    { name: `${p}_scales`, dtype: "F8_E8M0", shape: [experts, out, groups], bytes: scales },
  ];
  const weights: QuantizedFixture["weights"] = {};
  for (let e = 0; e < experts; e++) {
    // W_e[o, i] = e2m1(nibble i) · 2^(scale − 127): byte ⌊i/2⌋ of the row, low nibble for even i
    const values = new Float64Array(out * inF);
    for (let o = 0; o < out; o++) {
      for (let i = 0; i < inF; i++) {
        const block = (e * out + o) * groups + Math.floor(i / 32);
        const byte = blocks[block * 16 + Math.floor((i % 32) / 2)];
        values[o * inF + i] = E2M1[i % 2 === 0 ? byte & 15 : byte >> 4] * 2 ** (scales[block] - 127);
      }
    }
    weights[`model.layers.0.mlp.experts.${e}.down_proj.weight`] = { shape: [out, inF], values };
  }
  return finish({ quant_method: "mxfp4", modules_to_not_convert: ["lm_head"] }, tensors, weights, random);
}

/** bitsandbytes nf4: `weight` [n/2, 1] U8 with absmax, quant_map and a JSON quant_state naming the shape; never dequantized. */
export function bitsandbytesFixture(seed = 29): QuantizedFixture {
  const random = seededRandom(seed);
  const p = "model.layers.0.self_attn.q_proj.weight";
  const n = 64 * 32;
  const state = new TextEncoder().encode(JSON.stringify({ quant_type: "nf4", blocksize: 64, dtype: "bfloat16", shape: [64, 32] }));
  const tensors: RawTensor[] = [
    { name: p, dtype: "U8", shape: [n / 2, 1], bytes: Uint8Array.from({ length: n / 2 }, () => Math.floor(random() * 256)) },
    { name: `${p}.absmax`, dtype: "F32", shape: [n / 64], bytes: f32(Array.from({ length: n / 64 }, () => random())) },
    { name: `${p}.quant_map`, dtype: "F32", shape: [16], bytes: f32(Array.from({ length: 16 }, (_, i) => i / 8 - 1)) },
    { name: `${p}.quant_state.bitsandbytes__nf4`, dtype: "U8", shape: [state.byteLength], bytes: state },
  ];
  return finish({ quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" }, tensors, {}, random);
}

/** Every fixture by repo name (`quantized/<name>` on the mock Hub); "<name>-float" is its twin. */
export function quantizedFixtures(): Record<string, QuantizedFixture> {
  return { gptq: gptqFixture(), "gptq-v2": gptqFixture({ format: "gptq_v2", seed: 22 }), awq: awqFixture(), fp8: fp8Fixture(), mxfp4: mxfp4Fixture(), bitsandbytes: bitsandbytesFixture() };
}

/** Writes each fixture and its twin (model.safetensors + the same config.json minus quantization_config) under `dir`; returns the folder names. */
export async function writeQuantizedModels(dir: string): Promise<string[]> {
  const { mkdir, writeFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const names: string[] = [];
  for (const [name, fixture] of Object.entries(quantizedFixtures())) {
    await mkdir(join(dir, name), { recursive: true });
    for (const [file, bytes] of Object.entries(fixture.files)) await writeFile(join(dir, name, file), bytes);
    await mkdir(join(dir, `${name}-float`), { recursive: true });
    await writeFile(join(dir, `${name}-float`, "model.safetensors"), fixture.twin);
    await writeFile(join(dir, `${name}-float`, "config.json"), JSON.stringify({ model_type: "llama" }));
    names.push(name, `${name}-float`);
  }
  return names;
}
