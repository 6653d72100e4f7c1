import type { WasmSession } from "./wasm-session.ts";
import { packLowerTriangle } from "./packed-copy.ts";
import { WasmLinalgError } from "./wasm-linalg-error.ts";
import type { WasmRegion } from "./wasm-arena.ts";

/** how the reduction to tridiagonal form is blocked */
export interface EigvalshTuning {
  /** panel width (one-stage) and bandwidth (two-stage) */
  blockSize: number;
  /** order from which the two-stage (dense → band → tridiagonal) reduction is used */
  twoStageFrom: number;
}

/**
 * Eigenvalues of the symmetric matrix already packed in `packed` (order n), ascending, computed in
 * place (the region's contents are destroyed). Raises on NaN/±∞ or a QL/QR that did not converge.
 */
export function eigvalshInPlace(session: WasmSession, n: number, packed: WasmRegion, tuning: EigvalshTuning): Float64Array {
  if (n === 0) return new Float64Array(0);
  const k = session.kernels();
  const w = session.alloc(8 * (n + (n & 1)));
  const work = session.alloc(8 * k.eigvalshWorkLength(n, tuning.blockSize));
  try {
    const info = k.eigvalshPacked(n, packed.ptr, w.ptr, work.ptr, tuning.blockSize, tuning.twoStageFrom);
    if (info === -1) throw new WasmLinalgError("NON_FINITE_INPUT", `the ${n}×${n} matrix holds NaN or infinite values`);
    if (info > 0) throw new WasmLinalgError("NO_CONVERGENCE", `tridiagonal QL/QR left ${info} off-diagonal value(s) unconverged (n = ${n})`);
    return session.f64(w.ptr, n).slice();
  } finally {
    session.free(work, w);
  }
}

/** eigvalsh(n, a) with the JS solver's signature: a is the full row-major matrix; only its lower triangle is read. */
export function wasmEigvalsh(session: WasmSession, n: number, a: Float64Array, tuning: EigvalshTuning): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new WasmLinalgError("BAD_ARGUMENT", `matrix order must be a non-negative integer, got ${n}`);
  if (a.length < n * n) throw new WasmLinalgError("BAD_ARGUMENT", `a ${n}×${n} matrix needs ${n * n} values, got ${a.length}`);
  if (n === 0) return new Float64Array(0);
  const packed = session.alloc(8 * session.kernels().packedLength(n));
  try {
    packLowerTriangle(n, a, session.f64(packed.ptr, session.kernels().packedLength(n)));
    return eigvalshInPlace(session, n, packed, tuning);
  } finally {
    session.free(packed);
  }
}
