import type { SafetensorsIndex } from "./types.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { isSafeShardName } from "./is-safe-shard-name.ts";
import { compareNames } from "./compare-names.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses `model.safetensors.index.json`: `weight_map` (tensor → shard file) in order, and the shard files sorted by name. */
export function parseSafetensorsIndex(json: string, file: string): SafetensorsIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new SafetensorsError("invalid_index", file, `index is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(parsed) || !isPlainObject(parsed.weight_map)) {
    throw new SafetensorsError("invalid_index", file, "index has no weight_map object");
  }
  const weight_map = Object.entries(parsed.weight_map).map(([tensor, shard]): [string, string] => {
    if (typeof shard !== "string") {
      throw new SafetensorsError("invalid_index", file, `weight_map entry is ${JSON.stringify(shard)?.slice(0, 80)}, not a file name`, tensor);
    }
    if (!isSafeShardName(shard)) {
      throw new SafetensorsError("unsafe_shard_name", file, `shard ${JSON.stringify(shard.slice(0, 200))} is not a plain *.safetensors file name`, tensor);
    }
    return [tensor, shard];
  });
  if (weight_map.length === 0) throw new SafetensorsError("invalid_index", file, "weight_map names no tensors");
  const files = [...new Set(weight_map.map(([, shard]) => shard))].sort(compareNames);
  return { weight_map, files };
}
