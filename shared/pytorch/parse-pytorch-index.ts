import type { SafetensorsIndex } from "../safetensors/types.ts";
import { compareNames } from "../safetensors/compare-names.ts";
import { PytorchError } from "./pytorch-error.ts";
import { isSafeBinShardName } from "./is-safe-bin-shard-name.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses `pytorch_model.bin.index.json` (the same shape as safetensors' index): `weight_map` in order, and the shard files sorted by name. */
export function parsePytorchIndex(json: string, file: string): SafetensorsIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new PytorchError("invalid_index", file, `index is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(parsed) || !isPlainObject(parsed.weight_map)) throw new PytorchError("invalid_index", file, "index has no weight_map object");
  const weight_map = Object.entries(parsed.weight_map).map(([tensor, shard]): [string, string] => {
    if (typeof shard !== "string") throw new PytorchError("invalid_index", file, `weight_map entry is ${JSON.stringify(shard)?.slice(0, 80)}, not a file name`, tensor);
    if (!isSafeBinShardName(shard)) throw new PytorchError("unsafe_shard_name", file, `shard ${JSON.stringify(shard.slice(0, 200))} is not a plain *.bin file name`, tensor);
    return [tensor, shard];
  });
  if (weight_map.length === 0) throw new PytorchError("invalid_index", file, "weight_map names no tensors");
  return { weight_map, files: [...new Set(weight_map.map(([, shard]) => shard))].sort(compareNames) };
}
