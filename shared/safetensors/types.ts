/** Element types of the safetensors format that heavytail decodes (to float32 values, as torch's `.float()`). */
export const DTYPES = ["F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2", "I64", "I32", "I16", "I8", "U8", "U16", "U32", "U64", "BOOL"] as const;
export type Dtype = (typeof DTYPES)[number];

/**
 * Block-quantized element types of GGUF files (llama.cpp's ggml types) that heavytail dequantizes:
 * values are stored in blocks (32 or 256 values) that share scales, so a tensor is read in whole
 * blocks (see `dtypeLayout`).
 */
export const BLOCK_DTYPES = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"] as const;
export type BlockDtype = (typeof BLOCK_DTYPES)[number];

/**
 * ggml types a GGUF file may hold that heavytail lists but does not decode (i-quants, ternary and
 * FP4 formats, the dot-product-only Q8_1/Q8_K): such a tensor gets a skip reason, never analysed.
 */
export const OPAQUE_DTYPES = [
  "Q8_1", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS", "IQ1_M",
  "TQ1_0", "TQ2_0", "MXFP4", "NVFP4", "Q1_0", "Q2_0",
] as const;
export type OpaqueDtype = (typeof OPAQUE_DTYPES)[number];

/**
 * Element types of safetensors files that heavytail reads only as a part of a quantized weight
 * (docs/metrics.md §9): `F8_E8M0`, the power-of-two scales 2^(e−127) of MXFP4 blocks. A tensor of
 * such a type alone is listed unreadable.
 */
export const PART_DTYPES = ["F8_E8M0"] as const;
export type PartDtype = (typeof PART_DTYPES)[number];

/**
 * Quantized safetensors weights heavytail dequantizes (shared/quantized/, docs/metrics.md §9): one
 * TensorInfo with such a dtype stands for a weight stored as several tensors (packed integers,
 * scales, zeros, a g_idx), its `shape` the float matrix [out, in] the reference would see, and its
 * `quantized` saying where each part lies.
 */
export const QUANTIZED_DTYPES = ["GPTQ_INT2", "GPTQ_INT4", "GPTQ_INT8", "AWQ_INT4", "F8_E4M3_BLOCK", "F8_E5M2_BLOCK", "MXFP4_E2M1"] as const;
export type QuantizedDtype = (typeof QUANTIZED_DTYPES)[number];

/** Any element type a TensorInfo may carry: safetensors dtypes, GGUF block types, and types listed but not decoded. */
export type TensorDtype = Dtype | BlockDtype | OpaqueDtype | PartDtype | QuantizedDtype;

/** Where one stored part of a quantized weight lies in the weight's file (absolute byte offsets). */
export interface QuantizedPart {
  name: string;
  dtype: Dtype | PartDtype;
  shape: number[];
  begin: number;
  end: number;
}

/**
 * How a quantized weight's parts make its float32 values (shared/quantized/, docs/metrics.md §9):
 * GPTQ (`qweight` [in·bits/32, out] I32, `qzeros` [groups, out·bits/32] I32, `scales` [groups, out],
 * optional `g_idx` [in]; `zeroOffset` 1 for checkpoint_format "gptq", whose zeros are stored minus 1),
 * AWQ GEMM (`qweight` [in, out/8], `qzeros` [groups, out/8], `scales` [groups, out], nibbles in the
 * order 0,2,4,6,1,3,5,7), FP8 block-scaled (`weight` [out, in] F8, `scale` [⌈out/br⌉, ⌈in/bc⌉]
 * multiplying each block), MXFP4 (`blocks` [out, in/32, 16] U8 of e2m1 nibbles, `scales` [out, in/32]
 * E8M0 exponents; offsets of one expert's matrix when the stored tensor holds several).
 */
export type QuantizedLayout =
  | { scheme: "gptq"; bits: 2 | 4 | 8; groupSize: number; zeroOffset: 0 | 1; qweight: QuantizedPart; qzeros: QuantizedPart; scales: QuantizedPart; gIdx: QuantizedPart | null }
  | { scheme: "awq"; bits: 4; groupSize: number; qweight: QuantizedPart; qzeros: QuantizedPart; scales: QuantizedPart }
  | { scheme: "fp8-block"; blockRows: number; blockCols: number; weight: QuantizedPart; scale: QuantizedPart }
  | { scheme: "mxfp4"; blocks: QuantizedPart; scales: QuantizedPart };

/** A tensor as its file's header describes it. Offsets are absolute byte positions in the file. */
export interface TensorInfo {
  name: string;
  /** safetensors, PyTorch and unquantized GGUF tensors carry a `Dtype`; quantized GGUF tensors a block type */
  dtype: TensorDtype;
  shape: number[];
  /** absolute byte offset of the first element in `file` (8 + header length + data_offsets[0]) */
  begin: number;
  /** absolute byte offset one past the last element */
  end: number;
  /** file name the tensor lives in (relative to the model root, e.g. `model-00001-of-00002.safetensors`) */
  file: string;
  /**
   * present when the tensor is listed but its values cannot be read (a ggml type heavytail does not
   * decode, a PyTorch tensor that is not stored contiguously): the planner skips it with this reason
   */
  unreadable?: string;
  /**
   * present on a quantized safetensors weight (dtype one of QUANTIZED_DTYPES): where its parts lie;
   * begin..end then span all of them (other tensors may lie between)
   */
  quantized?: QuantizedLayout;
}

/**
 * Random-access bytes: a local file, an HTTP URL answering Range requests, an in-memory buffer.
 * shared/ never opens files or sockets itself; callers pass one of these in.
 */
export interface ByteSource {
  /** what to call this source in error messages (a file name or URL without credentials) */
  readonly name: string;
  /** total size in bytes */
  size(): Promise<number>;
  /** exactly `length` bytes from `offset`; rejects when fewer are available */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** the same bytes as consecutive chunks of any size, for streaming without holding them all */
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
}

/** Bytes of a model spread over files (one for a single file, several for a sharded model). */
export interface ModelFiles {
  /** file names, in the order the reference enumerates them */
  files: string[];
  open(file: string): ByteSource;
  /** header reads in flight at once (default 8) */
  concurrency?: number;
}

/** One safetensors file's header, validated. */
export interface SafetensorsHeader {
  file: string;
  /** length of the JSON header in bytes (the data starts at 8 + headerLength) */
  headerLength: number;
  /** `__metadata__`, string → string (empty when absent) */
  metadata: Record<string, string>;
  /** tensors in the order the header lists them */
  tensors: TensorInfo[];
}

/** `model.safetensors.index.json` of a sharded model. */
export interface SafetensorsIndex {
  /** tensor name → shard file, in the index's order */
  weight_map: [string, string][];
  /** the distinct shard files, sorted by name */
  files: string[];
}
