/** The weight file formats a model may come in. */
export type WeightKind = "safetensors" | "pytorch" | "gguf";
