import type { TensorDtype } from "../safetensors/types.ts";

/** One ggml tensor type as a GGUF file names it by id: its dtype in heavytail and its block layout. */
export interface GgmlType {
  id: number;
  dtype: TensorDtype;
  valuesPerBlock: number;
  bytesPerBlock: number;
}

/**
 * Every ggml type id a GGUF file may use (ggml.h's enum; ids 4, 5, 31–33 and 36–38 were removed
 * from the format), with the block layouts of ggml-common.h.
 */
export const GGML_TYPES: readonly GgmlType[] = [
  { id: 0, dtype: "F32", valuesPerBlock: 1, bytesPerBlock: 4 },
  { id: 1, dtype: "F16", valuesPerBlock: 1, bytesPerBlock: 2 },
  { id: 2, dtype: "Q4_0", valuesPerBlock: 32, bytesPerBlock: 18 },
  { id: 3, dtype: "Q4_1", valuesPerBlock: 32, bytesPerBlock: 20 },
  { id: 6, dtype: "Q5_0", valuesPerBlock: 32, bytesPerBlock: 22 },
  { id: 7, dtype: "Q5_1", valuesPerBlock: 32, bytesPerBlock: 24 },
  { id: 8, dtype: "Q8_0", valuesPerBlock: 32, bytesPerBlock: 34 },
  { id: 9, dtype: "Q8_1", valuesPerBlock: 32, bytesPerBlock: 36 },
  { id: 10, dtype: "Q2_K", valuesPerBlock: 256, bytesPerBlock: 84 },
  { id: 11, dtype: "Q3_K", valuesPerBlock: 256, bytesPerBlock: 110 },
  { id: 12, dtype: "Q4_K", valuesPerBlock: 256, bytesPerBlock: 144 },
  { id: 13, dtype: "Q5_K", valuesPerBlock: 256, bytesPerBlock: 176 },
  { id: 14, dtype: "Q6_K", valuesPerBlock: 256, bytesPerBlock: 210 },
  { id: 15, dtype: "Q8_K", valuesPerBlock: 256, bytesPerBlock: 292 },
  { id: 16, dtype: "IQ2_XXS", valuesPerBlock: 256, bytesPerBlock: 66 },
  { id: 17, dtype: "IQ2_XS", valuesPerBlock: 256, bytesPerBlock: 74 },
  { id: 18, dtype: "IQ3_XXS", valuesPerBlock: 256, bytesPerBlock: 98 },
  { id: 19, dtype: "IQ1_S", valuesPerBlock: 256, bytesPerBlock: 50 },
  { id: 20, dtype: "IQ4_NL", valuesPerBlock: 32, bytesPerBlock: 18 },
  { id: 21, dtype: "IQ3_S", valuesPerBlock: 256, bytesPerBlock: 110 },
  { id: 22, dtype: "IQ2_S", valuesPerBlock: 256, bytesPerBlock: 82 },
  { id: 23, dtype: "IQ4_XS", valuesPerBlock: 256, bytesPerBlock: 136 },
  { id: 24, dtype: "I8", valuesPerBlock: 1, bytesPerBlock: 1 },
  { id: 25, dtype: "I16", valuesPerBlock: 1, bytesPerBlock: 2 },
  { id: 26, dtype: "I32", valuesPerBlock: 1, bytesPerBlock: 4 },
  { id: 27, dtype: "I64", valuesPerBlock: 1, bytesPerBlock: 8 },
  { id: 28, dtype: "F64", valuesPerBlock: 1, bytesPerBlock: 8 },
  { id: 29, dtype: "IQ1_M", valuesPerBlock: 256, bytesPerBlock: 56 },
  { id: 30, dtype: "BF16", valuesPerBlock: 1, bytesPerBlock: 2 },
  { id: 34, dtype: "TQ1_0", valuesPerBlock: 256, bytesPerBlock: 54 },
  { id: 35, dtype: "TQ2_0", valuesPerBlock: 256, bytesPerBlock: 66 },
  { id: 39, dtype: "MXFP4", valuesPerBlock: 32, bytesPerBlock: 17 },
  { id: 40, dtype: "NVFP4", valuesPerBlock: 64, bytesPerBlock: 36 },
  { id: 41, dtype: "Q1_0", valuesPerBlock: 128, bytesPerBlock: 18 },
  { id: 42, dtype: "Q2_0", valuesPerBlock: 64, bytesPerBlock: 18 },
];

const BY_ID = new Map(GGML_TYPES.map((t) => [t.id, t]));

/** The ggml type with this id, or undefined for an id no GGUF version defines (as far as heavytail knows). */
export function ggmlType(id: number): GgmlType | undefined {
  return BY_ID.get(id);
}
