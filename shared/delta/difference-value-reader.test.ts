import { describe, expect, it } from "vitest";
import type { ValueReader } from "../esd/types.ts";
import { differenceValueReader } from "./difference-value-reader.ts";

/** A reader over values in chunks of the given sizes, cycled. */
function chunked(values: Float32Array, sizes: number[]): ValueReader {
  return async function* (first, count) {
    let k = 0;
    for (let at = first; at < first + count; ) {
      const n = Math.min(sizes[k++ % sizes.length], first + count - at);
      yield values.slice(at, at + n);
      at += n;
    }
  };
}

async function collect(read: ValueReader, first: number, count: number): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of read(first, count)) out.push(...chunk);
  return out;
}

describe("differenceValueReader", () => {
  const a = Float32Array.from({ length: 23 }, (_, i) => Math.fround(Math.sin(i + 1) * 1e3));
  const b = Float32Array.from({ length: 23 }, (_, i) => Math.fround(Math.cos(i) * 1e-3));

  it("yields fl32(w − w_base) elementwise, whatever the two streams' chunking", async () => {
    const want = Array.from(a, (v, i) => Math.fround(v - b[i]));
    expect(await collect(differenceValueReader(chunked(a, [5]), chunked(b, [3, 7, 1])), 0, 23)).toEqual(want);
    expect(await collect(differenceValueReader(chunked(a, [23]), chunked(b, [2])), 4, 11)).toEqual(want.slice(4, 15));
  });

  it("rounds each difference once, to float32, as numpy subtracts float32 arrays", async () => {
    const x = Float32Array.of(1, 16777216);
    const y = Float32Array.of(Math.fround(1e-8), -1);
    // 1 − 1e-8 rounds to 1 in float32; 2^24 + 1 rounds to 2^24
    expect(await collect(differenceValueReader(chunked(x, [1]), chunked(y, [2])), 0, 2)).toEqual([1, 16777216]);
  });

  it("fails when a stream delivers fewer values than asked", async () => {
    const short: ValueReader = async function* () {
      yield new Float32Array(3);
    };
    await expect(collect(differenceValueReader(chunked(a, [4]), short), 0, 10)).rejects.toThrow(/delivered 3 of the 10/);
  });
});
