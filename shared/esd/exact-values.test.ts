import { describe, expect, it } from "vitest";
import { exactValues } from "./exact-values.ts";
import type { ValueReader } from "./types.ts";

const reader = (chunks: number[][]): ValueReader =>
  async function* () {
    for (const c of chunks) yield Float32Array.from(c);
  };

async function all(read: ValueReader, count: number): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of exactValues(read, 0, count)) out.push(...chunk);
  return out;
}

describe("exactValues", () => {
  it("passes the chunks of exactly the values asked for", async () => {
    expect(await all(reader([[1, 2], [3]]), 3)).toEqual([1, 2, 3]);
    expect(await all(reader([]), 0)).toEqual([]);
  });

  it("refuses a reader that delivers more, before the overflowing chunk is used, or fewer", async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const chunk of exactValues(reader([[1, 2], [3, 4]]), 0, 3)) seen.push(...chunk);
      })(),
    ).rejects.toMatchObject({ code: "reader_mismatch", message: "reader delivered more than the 3 values asked for" });
    expect(seen).toEqual([1, 2]);
    await expect(all(reader([[1]]), 3)).rejects.toMatchObject({ message: "reader delivered 1 of the 3 values asked for" });
  });
});
