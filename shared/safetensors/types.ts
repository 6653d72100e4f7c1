/** Element types of the safetensors format that heavytail decodes (to float32 values, as torch's `.float()`). */
export const DTYPES = ["F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2", "I64", "I32", "I16", "I8", "U8", "U16", "U32", "U64", "BOOL"] as const;
export type Dtype = (typeof DTYPES)[number];

/** A tensor as its file's header describes it. Offsets are absolute byte positions in the file. */
export interface TensorInfo {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** absolute byte offset of the first element in `file` (8 + header length + data_offsets[0]) */
  begin: number;
  /** absolute byte offset one past the last element */
  end: number;
  /** file name the tensor lives in (relative to the model root, e.g. `model-00001-of-00002.safetensors`) */
  file: string;
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
