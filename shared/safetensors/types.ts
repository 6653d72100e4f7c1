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

/** Any element type a TensorInfo may carry: safetensors dtypes, GGUF block types, and types listed but not decoded. */
export type TensorDtype = Dtype | BlockDtype | OpaqueDtype;

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
