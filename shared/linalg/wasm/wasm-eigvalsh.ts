import type { WasmSession } from "./wasm-session.ts";
import type { SymmetricReduction } from "../symmetric-reduction.ts";
import { packLowerTriangle } from "./packed-copy.ts";
import { packedRowStart } from "./packed-row-start.ts";
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
 * place (the region's contents are destroyed; with `keep`, they become the kept reduction, see
 * assembly/eigvalsh-packed.ts). Raises on NaN/±∞ or a QL/QR that did not converge.
 */
export function eigvalshInPlace(session: WasmSession, n: number, packed: WasmRegion, tuning: EigvalshTuning, keep?: WasmRegion): Float64Array {
  if (n === 0) return new Float64Array(0);
  const k = session.kernels();
  const w = session.alloc(8 * (n + (n & 1)));
  const work = session.alloc(8 * k.eigvalshWorkLength(n, tuning.blockSize));
  try {
    const info = k.eigvalshPacked(n, packed.ptr, w.ptr, work.ptr, tuning.blockSize, tuning.twoStageFrom, keep ? keep.ptr : 0);
    if (info === -1) throw new WasmLinalgError("non_finite_input", `the ${n}×${n} matrix holds NaN or infinite values`);
    if (info > 0) throw new WasmLinalgError("no_convergence", `tridiagonal QL/QR left ${info} off-diagonal value(s) unconverged (n = ${n})`);
    return session.f64(w.ptr, n).slice();
  } finally {
    session.free(work, w);
  }
}

function checkInput(n: number, a: Float64Array): void {
  if (!Number.isInteger(n) || n < 0) throw new WasmLinalgError("bad_argument", `matrix order must be a non-negative integer, got ${n}`);
  if (a.length < n * n) throw new WasmLinalgError("bad_argument", `a ${n}×${n} matrix needs ${n * n} values, got ${a.length}`);
}

/** eigvalsh(n, a) with the JS solver's signature: a is the full row-major matrix; only its lower triangle is read. */
export function wasmEigvalsh(session: WasmSession, n: number, a: Float64Array, tuning: EigvalshTuning): Float64Array {
  checkInput(n, a);
  if (n === 0) return new Float64Array(0);
  const packed = session.alloc(8 * session.kernels().packedLength(n));
  try {
    packLowerTriangle(n, a, session.f64(packed.ptr, session.kernels().packedLength(n)));
    return eigvalshInPlace(session, n, packed, tuning);
  } finally {
    session.free(packed);
  }
}

/**
 * eigvalsh's `reduce`: the same eigenvalues (bit for bit: keeping the reflectors adds stores, no
 * arithmetic), with the packed reduction held in WASM memory until dispose(): the reflectors below
 * the band of the packed triangle, the band (two-stage) or T (one-stage), τ and the scaling σ.
 * `a` is not modified.
 */
export function wasmReduce(session: WasmSession, n: number, a: Float64Array, tuning: EigvalshTuning): SymmetricReduction {
  checkInput(n, a);
  if (n === 0) return { values: new Float64Array(0), bandwidth: 1, band: () => new Float64Array(0), applyQ() {}, dispose() {} };
  const k = session.kernels();
  const packedLength = k.packedLength(n);
  const keepLength = k.reductionKeepLength(n);
  const packed = session.alloc(8 * packedLength);
  const keep = session.alloc(8 * keepLength);
  let values: Float64Array;
  try {
    packLowerTriangle(n, a, session.f64(packed.ptr, packedLength));
    values = eigvalshInPlace(session, n, packed, tuning, keep);
  } catch (error) {
    session.free(keep, packed);
    throw error;
  }
  const header = session.f64(keep.ptr, 2);
  const bandwidth = header[0];
  const sigma = header[1];
  const even = n + (n & 1);
  const tauPtr = keep.ptr + 16;
  let live = true;
  const check = () => {
    if (!live) throw new WasmLinalgError("finished", "this reduction has been disposed");
  };
  return {
    values,
    bandwidth,
    band() {
      check();
      const w = bandwidth + 1;
      const band = new Float64Array(n * w);
      if (bandwidth === 1) {
        const t = session.f64(tauPtr + 8 * even, 2 * even);
        for (let i = 0; i < n; i++) {
          band[2 * i] = t[i] / sigma;
          band[2 * i + 1] = i > 0 ? t[even + i - 1] / sigma : 0;
        }
      } else {
        const p = session.f64(packed.ptr, packedLength);
        for (let i = 0; i < n; i++) {
          const row = packedRowStart(i);
          for (let d = 0; d <= Math.min(bandwidth, i); d++) band[i * w + d] = p[row + i - d] / sigma;
        }
      }
      return band;
    },
    applyQ(vectors) {
      check();
      if (vectors.length === 0) return;
      if (vectors.some((x) => x.length !== n)) throw new WasmLinalgError("bad_argument", `vectors must have ${n} values`);
      const x = session.alloc(8 * even * vectors.length);
      const work = session.alloc(8 * k.applyReflectorsWorkLength(n));
      try {
        vectors.forEach((v, j) => session.f64(x.ptr + 8 * even * j, n).set(v));
        k.applyReflectors(n, packed.ptr, bandwidth, tauPtr, x.ptr, even, vectors.length, work.ptr);
        vectors.forEach((v, j) => v.set(session.f64(x.ptr + 8 * even * j, n)));
      } finally {
        session.free(work, x);
      }
    },
    dispose() {
      if (!live) return;
      live = false;
      session.free(keep, packed);
    },
  };
}
