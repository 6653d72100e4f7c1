// safetensors files: the header, dtypes and their decoders, tensor layouts, and byte sources.
export { ByteRangeError } from "./byte-range-error.ts";
export { checkByteRange } from "./check-byte-range.ts";
export { DEFAULT_CHUNK_BYTES } from "./default-chunk-bytes.ts";
export { dtypeByteSize } from "./dtype-byte-size.ts";
export { halfToFloat } from "./scalar-to-float.ts";
export { isSafetensorsIndex, listModelTensors } from "./list-model-tensors.ts";
export { memoryByteSource } from "./memory-byte-source.ts";
export { NonFiniteWeightError } from "./non-finite-weight-error.ts";
export { parseSafetensorsHeader } from "./parse-safetensors-header.ts";
export { parseSafetensorsIndex } from "./parse-safetensors-index.ts";
export { readFromStream } from "./read-from-stream.ts";
export { SafetensorsError } from "./safetensors-error.ts";
export { tensorValueReader } from "./tensor-value-reader.ts";
export { type ByteSource, type Dtype, type ModelFiles, type SafetensorsIndex, type TensorInfo } from "./types.ts";
