import { EsdError } from "./esd-error.ts";
import type { ValueReader } from "./types.ts";

/**
 * The reader's chunks of the `count` values from `offset`, checked: a reader that delivers more
 * (before the chunk that overflows is used) or fewer (once it ends) is an error, never a Gram of
 * the wrong values. Every pass over a layer's values goes through here.
 */
export async function* exactValues(
  read: ValueReader,
  offset: number,
  count: number,
  mismatch: (message: string) => Error = (message) => new EsdError("reader_mismatch", message),
): AsyncGenerator<Float32Array> {
  let delivered = 0;
  if (count > 0) {
    for await (const chunk of read(offset, count)) {
      if (delivered + chunk.length > count) throw mismatch(`reader delivered more than the ${count} values asked for`);
      delivered += chunk.length;
      yield chunk;
    }
  }
  if (delivered !== count) throw mismatch(`reader delivered ${delivered} of the ${count} values asked for`);
}
