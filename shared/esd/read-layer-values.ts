import type { LayerPlan } from "../plan/types.ts";
import { EsdError } from "./esd-error.ts";
import { gramLayout } from "./gram-layout.ts";
import type { ValueReader } from "./types.ts";

/** Every value of the layer's tensor, in storage order, in one pass over the reader (4 bytes each). */
export async function readLayerValues(plan: LayerPlan, read: ValueReader): Promise<Float32Array> {
  const { rows, rowLength } = gramLayout(plan);
  const expected = rows * rowLength;
  const values = new Float32Array(expected);
  let at = 0;
  for await (const chunk of read(0, expected)) {
    if (at + chunk.length > expected) throw new EsdError("reader_mismatch", `reader delivered more than the ${expected} values asked for`);
    values.set(chunk, at);
    at += chunk.length;
  }
  if (at !== expected) throw new EsdError("reader_mismatch", `reader delivered ${at} of the ${expected} values asked for`);
  return values;
}
