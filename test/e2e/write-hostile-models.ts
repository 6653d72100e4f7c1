import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeSafetensors, encodeSafetensorsRaw } from "../helpers/write-safetensors.ts";

/** Markup that must come out of every page and badge as text, never as markup. */
export const INJECTION = `"><script>alert(1)</script><img src=x onerror=alert(1)>`;

function gaussian(n: number, seed: number): Float32Array {
  // xorshift32 + Box–Muller: deterministic values for the test models
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

/**
 * Model folders that test how the service copes with bad and hostile input, written under `dir`:
 * - `nan-layer/`: one good layer and one holding a NaN (that layer fails, the report completes);
 * - `injection/`: tensor names and metadata carrying markup;
 * - `header-past-end/`: a header length far beyond the file;
 * - `header-bomb/`: a well-formed but 24 MB header (over the service's header limit).
 */
export async function writeHostileModels(dir: string): Promise<void> {
  const write = async (folder: string, bytes: Uint8Array | string, file = "model.safetensors") => {
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, folder, file), bytes);
  };

  const poisoned = gaussian(48 * 24, 3);
  poisoned[100] = Number.NaN;
  await write(
    "nan-layer",
    encodeSafetensors([
      { name: "good.weight", dtype: "F32", shape: [48, 24], data: gaussian(48 * 24, 2) },
      { name: "poisoned.weight", dtype: "F32", shape: [48, 24], data: poisoned },
    ]),
  );

  await write(
    "injection",
    encodeSafetensors(
      [
        { name: `block.${INJECTION}.weight`, dtype: "F32", shape: [40, 20], data: gaussian(800, 4) },
        { name: "plain.weight", dtype: "F32", shape: [40, 20], data: gaussian(800, 5) },
      ],
      { source: INJECTION, license: "test" },
    ),
  );
  await write("injection", JSON.stringify({ model_type: INJECTION }), "config.json");

  await write("header-past-end", encodeSafetensorsRaw({ "w.weight": { dtype: "F32", shape: [2, 2], data_offsets: [0, 16] } }, new Uint8Array(16), { headerLength: 1n << 40n }));

  const bomb: Record<string, string> = {};
  for (let i = 0; i < 24 * 1024; i++) bomb[`k${i}`] = "x".repeat(1000);
  await write("header-bomb", encodeSafetensorsRaw({ __metadata__: bomb, "w.weight": { dtype: "F32", shape: [2, 2], data_offsets: [0, 16] } }, new Uint8Array(16)));
}
