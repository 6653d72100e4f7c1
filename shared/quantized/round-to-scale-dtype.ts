import type { Dtype, PartDtype } from "../safetensors/types.ts";

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Round half to even of a non-negative number. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  return fraction > 0.5 || (fraction === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
}

/** x rounded once to the nearest binary16 (ties to even; past 65504 + ½ulp to ±Inf), as a torch half op rounds its exact result. */
export function roundToHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return Math.sign(x) * Infinity;
  // ulp = 2^(e−10) for normals (e ≥ −14), 2^−24 below
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const ulp = 2 ** (Math.max(e, -14) - 10);
  return Math.sign(x) * roundHalfEven(a / ulp) * ulp;
}

/** x (a float32) rounded once to the nearest bfloat16, ties to even: the upper 16 bits of the float32. */
export function roundToBfloat16(x: number): number {
  F32[0] = x;
  if (Number.isNaN(F32[0])) return NaN;
  U32[0] = ((U32[0] + 0x7fff + ((U32[0] >>> 16) & 1)) >>> 16) << 16;
  return F32[0];
}

/**
 * The rounding of a product s·(q − z) that torch applies when `scales` has this dtype: the op's
 * result has the scales' dtype (a half or bfloat16 tensor times an integer tensor stays half), so the
 * exact product is rounded once to it; float32 scales round to float32.
 */
export function roundToScaleDtype(dtype: Dtype | PartDtype): (x: number) => number {
  if (dtype === "F16") return roundToHalf;
  if (dtype === "BF16") return (x) => roundToBfloat16(Math.fround(x));
  return Math.fround;
}
