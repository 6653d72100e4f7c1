// Which tensors are layers and how each is analysed (shapes, Conv2D slices, LoRA pairs), and why a tensor is skipped.
export { planLayers } from "./plan-layers.ts";
export { isLoraAdapter } from "./plan-lora-layers.ts";
export { planLoraWithBase } from "./plan-lora-with-base.ts";
export { type LayerPlan } from "./types.ts";
