import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { seededRandom } from "../helpers/seeded-random.ts";
import { encodeSafetensors } from "../helpers/write-safetensors.ts";

/** The token the Worker suites give the service (HF_TOKEN): it opens the private and gated repos below. */
export const SUITE_TOKEN = "hf_workerSuiteToken0123456789";
/** Gated repos the suites' operator allows (GATED_REPOS). */
export const ALLOWED_GATED = "trust/gated-allowed";

function gaussian(n: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

const small = (seed: number) => encodeSafetensors([{ name: "proj.weight", dtype: "F32", shape: [40, 20], data: gaussian(800, seed) }]);

/**
 * Repos that attack the service's trust boundaries, as folders under `dir` (mounted by
 * mock-hub-setup.ts as `trust/{folder}`):
 * - `private`, `gated`, `gated-allowed`: a small model behind the suite's token;
 * - `Case-Test`: a model whose canonical id has capitals;
 * - `many-shards`: an index naming 10,000 shards (none exist); `missing-shards`: one naming three, one present;
 * - `many-skipped`: 30,000 1-D tensors and one matrix (a skipped list far over one storage value);
 * - `long-name`: a tensor whose name is 2.2 MB;
 * - `upstream`: a plain small model the suites break the Hub under (faults).
 */
export async function writeTrustModels(dir: string): Promise<string[]> {
  const folders: string[] = [];
  const write = async (folder: string, files: Record<string, Uint8Array | string>) => {
    await mkdir(join(dir, folder), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, folder, name), bytes);
    folders.push(folder);
  };
  await write("private", { "model.safetensors": small(1), ".mockhub.json": JSON.stringify({ private: true, token: SUITE_TOKEN }) });
  await write("gated", { "model.safetensors": small(2), ".mockhub.json": JSON.stringify({ gated: true, token: SUITE_TOKEN }) });
  await write("gated-allowed", { "model.safetensors": small(3), ".mockhub.json": JSON.stringify({ gated: "auto", token: SUITE_TOKEN }) });
  await write("Case-Test", { "model.safetensors": small(4) });
  await write("upstream", { "model.safetensors": small(5) });

  const weightMap = (shards: number) => Object.fromEntries(Array.from({ length: shards }, (_, i) => [`t${i}.weight`, `model-${String(i + 1).padStart(5, "0")}-of-${String(shards).padStart(5, "0")}.safetensors`]));
  await write("many-shards", { "model.safetensors.index.json": JSON.stringify({ metadata: {}, weight_map: weightMap(10_000) }) });
  const three = weightMap(3);
  await write("missing-shards", { "model.safetensors.index.json": JSON.stringify({ metadata: {}, weight_map: three }), [Object.values(three)[0]!]: small(6) });

  const skipped = Array.from({ length: 30_000 }, (_, i) => ({ name: `norm.${i}.weight`, dtype: "F32" as const, shape: [1], data: new Float32Array([1]) }));
  await write("many-skipped", { "model.safetensors": encodeSafetensors([...skipped, { name: "proj.weight", dtype: "F32", shape: [40, 20], data: gaussian(800, 7) }]) });
  await write("long-name", {
    "model.safetensors": encodeSafetensors([
      { name: `${"n".repeat(2_200_000)}.weight`, dtype: "F32", shape: [40, 20], data: gaussian(800, 8) },
      { name: "proj.weight", dtype: "F32", shape: [40, 20], data: gaussian(800, 9) },
    ]),
  });
  return folders;
}
