import type { LayerPlan } from "../plan/types.ts";
import { gramLayout } from "./gram-layout.ts";
import type { ValueReader } from "./types.ts";
import { exactValues } from "./exact-values.ts";

/** Every value of the layer's tensor, in storage order, in one pass over the reader (4 bytes each). */
export async function readLayerValues(plan: LayerPlan, read: ValueReader): Promise<Float32Array> {
  const { rows, rowLength } = gramLayout(plan);
  return readValues(read, rows * rowLength, Float32Array);
}

/** The first `count` values of a reader, held in one array of the given type. */
export async function readValues<T extends Float32Array | Float64Array>(read: ValueReader, count: number, Type: new (length: number) => T): Promise<T> {
  const values = new Type(count);
  let at = 0;
  for await (const chunk of exactValues(read, 0, count)) {
    values.set(chunk, at);
    at += chunk.length;
  }
  return values;
}
