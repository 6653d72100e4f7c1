import { describe, expect, it } from "vitest";
import { EsdError } from "../esd/esd-error.ts";
import { shuffledProductReader } from "./shuffled-product-reader.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";

const random = seededRandom(3);
const [r, inDim, out] = [3, 5, 4];
const a = Float32Array.from({ length: r * inDim }, () => random() - 0.5);
const b = Float32Array.from({ length: out * r }, () => random() - 0.5);

/** B·A formed in float64, each entry rounded to float32 */
const product = Array.from({ length: out * inDim }, (_, p) => {
  const [i, j] = [Math.floor(p / inDim), p % inDim];
  let s = 0;
  for (let k = 0; k < r; k++) s += b[i * r + k] * a[k * inDim + j];
  return Math.fround(s);
});

async function collect(read: ReturnType<typeof shuffledProductReader>, first: number, count: number): Promise<number[]> {
  const values: number[] = [];
  for await (const chunk of read(first, count)) values.push(...chunk);
  return values;
}

describe("shuffledProductReader", () => {
  it("streams B·A's entries in the permutation's order, any range of them", async () => {
    const reverse = (e: number) => out * inDim - 1 - e;
    expect(await collect(shuffledProductReader(a, b, r, inDim, out, (e) => e), 0, out * inDim)).toEqual(product);
    expect(await collect(shuffledProductReader(a, b, r, inDim, out, reverse), 0, out * inDim)).toEqual(product.slice().reverse());
    expect(await collect(shuffledProductReader(a, b, r, inDim, out, reverse), 7, 6)).toEqual(product.slice().reverse().slice(7, 13));
  });

  it("refuses matrices of the wrong size and a range outside the product", async () => {
    expect(() => shuffledProductReader(a, b.subarray(1), r, inDim, out, (e) => e)).toThrow(EsdError);
    await expect(collect(shuffledProductReader(a, b, r, inDim, out, (e) => e), 15, 6)).rejects.toThrow(EsdError);
  });
});
