import type { ModelFiles } from "../safetensors/types.ts";
import { parseQuantizationConfig, type QuantizationConfig } from "./parse-quantization-config.ts";

/** A config.json is a few kB; anything far larger is not one. */
const MAX_CONFIG_BYTES = 1 << 20;

/**
 * The quantization config of the model's `config.json`, beside its first weight file, or null when
 * there is none, it cannot be read, or it is not JSON: the tensor names then say the scheme
 * (docs/metrics.md §9). Read only when some tensor name says the weights are quantized.
 */
export async function readQuantizationConfig(model: Pick<ModelFiles, "files" | "open">): Promise<QuantizationConfig | null> {
  const first = model.files[0] ?? "";
  const folder = first.includes("/") ? first.slice(0, first.lastIndexOf("/") + 1) : "";
  try {
    const source = model.open(`${folder}config.json`);
    const size = await source.size();
    if (size > MAX_CONFIG_BYTES) return null;
    return parseQuantizationConfig(JSON.parse(new TextDecoder().decode(await source.read(0, size))));
  } catch {
    return null;
  }
}
