import { ApiError } from "../http/api-error.ts";

export const INDEX_FILE = "model.safetensors.index.json";

/**
 * Which files hold the weights: the sharded index when there is one, else `model.safetensors`,
 * else the only `.safetensors` file at the root. Anything else is ambiguous or absent (422).
 */
export function selectWeightFiles(files: { name: string }[]): { index: string | null; file: string | null } {
  const names = new Set(files.map((f) => f.name));
  if (names.has(INDEX_FILE)) return { index: INDEX_FILE, file: null };
  if (names.has("model.safetensors")) return { index: null, file: "model.safetensors" };
  const root = [...names].filter((n) => !n.includes("/") && n.endsWith(".safetensors"));
  if (root.length === 1) return { index: null, file: root[0] };
  if (root.length === 0) throw new ApiError(422, "no_safetensors", "the model has no safetensors weights (model.safetensors or model.safetensors.index.json)");
  throw new ApiError(
    422,
    "no_safetensors",
    `the model has several safetensors files (${root.slice(0, 5).join(", ")}) and no model.safetensors.index.json saying which form the model`,
  );
}
