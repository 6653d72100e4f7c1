/** A seeded pseudo-random generator: the same seed gives the same stream on every platform. */
export interface Rng {
  readonly seed: number;
  /** next raw 32-bit output */
  nextUint32(): number;
  /** uniform in [0, 1) with 53 random bits */
  uniform(): number;
  /** uniform integer in [0, n), unbiased, for 1 ≤ n ≤ 2^53 */
  below(n: number): number;
}

const TWO_32 = 4294967296;

/** splitmix32 (Steele, Lea & Flood), used only to spread a seed over the generator's 128-bit state. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * xoshiro128** (Blackman & Vigna): a small, fast generator with a 2^128 − 1 period and no
 * low-bit weaknesses, seeded from any integer seed in [0, 2^53) (the report records the seed).
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be an integer in [0, 2^53), got ${seed}`);
  let mix = (seed % TWO_32) >>> 0;
  let high = Math.floor(seed / TWO_32) >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(mix ^ high);
    mix = next;
    high = 0;
    s[i] = out;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const uniform = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const below = (n: number): number => {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`below(n) needs an integer n ≥ 1, got ${n}`);
    if (n <= TWO_32) {
      // rejection keeps every residue equally likely
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const u = nextUint32();
        if (u < limit) return u % n;
      }
    }
    for (;;) {
      const u = Math.floor(uniform() * 2 ** 53);
      const limit = 2 ** 53 - (2 ** 53 % n);
      if (u < limit) return u % n;
    }
  };
  return { seed, nextUint32, uniform, below };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
