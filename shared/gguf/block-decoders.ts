import type { BlockDtype } from "../safetensors/types.ts";
import { dequantizeQ4_0 } from "./dequantize-q4-0.ts";
import { dequantizeQ4_1 } from "./dequantize-q4-1.ts";
import { dequantizeQ5_0 } from "./dequantize-q5-0.ts";
import { dequantizeQ5_1 } from "./dequantize-q5-1.ts";
import { dequantizeQ8_0 } from "./dequantize-q8-0.ts";
import { dequantizeQ2_K } from "./dequantize-q2-k.ts";
import { dequantizeQ3_K } from "./dequantize-q3-k.ts";
import { dequantizeQ4_K } from "./dequantize-q4-k.ts";
import { dequantizeQ5_K } from "./dequantize-q5-k.ts";
import { dequantizeQ6_K } from "./dequantize-q6-k.ts";

/** A block type's layout and its dequantizer (whole blocks in, float32 values out; returns the count written). */
export interface BlockDecoder {
  valuesPerBlock: number;
  bytesPerBlock: number;
  decode: (bytes: Uint8Array, out: Float32Array) => number;
}

/** The block types heavytail dequantizes, as llama.cpp's reference (scalar) dequantizers do. */
export const BLOCK_DECODERS: Record<BlockDtype, BlockDecoder> = {
  Q4_0: { valuesPerBlock: 32, bytesPerBlock: 18, decode: dequantizeQ4_0 },
  Q4_1: { valuesPerBlock: 32, bytesPerBlock: 20, decode: dequantizeQ4_1 },
  Q5_0: { valuesPerBlock: 32, bytesPerBlock: 22, decode: dequantizeQ5_0 },
  Q5_1: { valuesPerBlock: 32, bytesPerBlock: 24, decode: dequantizeQ5_1 },
  Q8_0: { valuesPerBlock: 32, bytesPerBlock: 34, decode: dequantizeQ8_0 },
  Q2_K: { valuesPerBlock: 256, bytesPerBlock: 84, decode: dequantizeQ2_K },
  Q3_K: { valuesPerBlock: 256, bytesPerBlock: 110, decode: dequantizeQ3_K },
  Q4_K: { valuesPerBlock: 256, bytesPerBlock: 144, decode: dequantizeQ4_K },
  Q5_K: { valuesPerBlock: 256, bytesPerBlock: 176, decode: dequantizeQ5_K },
  Q6_K: { valuesPerBlock: 256, bytesPerBlock: 210, decode: dequantizeQ6_K },
};
