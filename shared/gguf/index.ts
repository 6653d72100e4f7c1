// GGUF files: the header, the tensor infos and llama.cpp's block dequantizers.
export { GGML_TYPES } from "./ggml-types.ts";
export { listGgufTensors } from "./list-gguf-tensors.ts";
