import type { Dtype } from "./types.ts";

const SIZES: Record<Dtype, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  F8_E4M3: 1,
  F8_E5M2: 1,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  U16: 2,
  U32: 4,
  U64: 8,
  BOOL: 1,
};

/** Bytes per element of a dtype. */
export function dtypeByteSize(dtype: Dtype): number {
  return SIZES[dtype];
}
