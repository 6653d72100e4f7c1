import type { Rng } from "./create-rng.ts";

/**
 * rounds per bit of n: a round swaps about n/4 pairs, and random swaps mix a deck of n after about
 * ½·n·ln n of them, so ≈ 1.4·log₂ n rounds; this is three times that (small n: at least MIN_ROUNDS)
 */
const ROUNDS_PER_BIT = 4;
const MIN_ROUNDS = 32;
/** indices and their pairs stay 32-bit integers in the rounds */
const MAX_N = 2 ** 31 - 1;

/**
 * A seeded random permutation of 0 … n−1, evaluated index by index in O(1) memory, for a shuffle
 * of values that are never held together (a lora_BA layer's B·A, computed entry by entry):
 * Hoang, Morris & Rogaway's swap-or-not shuffle. Each round pairs x with K − x (mod n) for a
 * random K and swaps the pair or not by a random bit of the pair, so every round is a permutation
 * of exactly 0 … n−1 (no cycle walking) and the composition approaches a uniform draw from all n!
 * orders. Fisher–Yates (shuffleInPlace) would need all n entries at hand. Branch-free: the swaps
 * are coin flips, which a branch would mispredict half the time.
 */
export function indexPermutation(n: number, rng: Rng): (index: number) => number {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_N) throw new RangeError(`a permutation needs an integer 1 ≤ n < 2^31, got ${n}`);
  const rounds = Math.max(MIN_ROUNDS, ROUNDS_PER_BIT * Math.ceil(Math.log2(n)));
  const offsets = Int32Array.from({ length: rounds }, () => rng.below(n));
  const keys = Int32Array.from({ length: rounds }, () => rng.nextUint32());
  return (index) => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= n) throw new RangeError(`index ${index} is outside 0 … ${n - 1}`);
    let x = index | 0;
    for (let i = 0; i < rounds; i++) {
      let partner = (offsets[i] - x) | 0;
      partner = (partner + (n & (partner >> 31))) | 0;
      // the pair's larger member, so that both members draw the same bit
      const pair = partner ^ ((x ^ partner) & -((partner - x) >>> 31));
      let z = pair ^ keys[i];
      z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
      z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
      x ^= (x ^ partner) & -((z ^ (z >>> 16)) & 1);
    }
    return x;
  };
}
