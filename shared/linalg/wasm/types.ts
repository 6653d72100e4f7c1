import type { Eigvalsh } from "../eigvalsh.ts";

/** Eigenvalues of a symmetric matrix: the same signature as the JS solver (shared/linalg/eigvalsh.ts), with its `reduce`. */
export type EigvalshFn = Eigvalsh;

/**
 * G = Σ BᵀB accumulated in float64 from float32 values, kept in WASM memory as a packed lower
 * triangle (half the bytes of a full matrix) until its eigenvalues are taken in place.
 */
export interface GramAccumulator {
  /** order of G: the number of columns of the rows fed to addRows */
  readonly order: number;
  /** rows fed so far through addRows (whole rows only) */
  readonly rowsAdded: number;
  /**
   * G += BᵀB for rows of B (`order` values each) in storage order. Chunks may split rows anywhere
   * between values; rows are staged and multiplied in blocks.
   */
  addRows(values: Float32Array): void;
  /**
   * G[a0+i][b0+j] += Σ_t P_a[i][t]·P_b[j][t]: the block of W Wᵀ that two row panels of a wide
   * matrix (each row-major, `k` values per row) contribute. The panels are the same one
   * (views of the same memory and a0 = b0; then only the lower triangle of the block is formed)
   * or cover disjoint row ranges (a block above the diagonal is stored as its transpose).
   */
  addPanelPair(pa: Float32Array, a0: number, pb: Float32Array, b0: number, k: number): void;
  /**
   * Writes values of a lower band of G (see LowerBand) into place, `values[0]` being the band's
   * value number `from` in its row-major order: how a Gram built in bands by separate tasks is
   * put together without the full matrix.
   */
  setBandValues(start: number, end: number, from: number, values: Float64Array): void;
  /** G as a full symmetric row-major float64 matrix (the accumulator stays usable) */
  toArray(): Float64Array;
  /** eigenvalues of G, ascending; computed in place, so the accumulator is finished afterwards */
  eigenvalues(): Float64Array;
  /** gives the memory back without computing */
  dispose(): void;
}

/**
 * The columns [start, end) of the lower triangle of G = W Wᵀ for a wide matrix W with `m` rows of
 * `k` values: rows r ≥ start, each with the columns start … min(end, r + 1) − 1. The band's own rows
 * of W are held (float32, in WASM memory); the rows below them are streamed past in panels, so a
 * task that builds one band reads W's rows from `start` on once.
 */
export interface LowerBand {
  readonly start: number;
  readonly end: number;
  /** the band's own rows of W, in storage order; chunks may split rows anywhere */
  holdRows(values: Float32Array): void;
  /**
   * The band's values in rows [p0, p0 + rows) of G, row-major: from the held rows when `panel` is
   * absent (p0 ≥ start, inside the band), else from `panel`, rows [p0, p0 + rows) of W (p0 ≥ end).
   */
  bandRows(p0: number, rows: number, panel?: Float32Array): Float64Array;
  /** gives the memory back */
  dispose(): void;
}

export interface WasmLinalg {
  /**
   * eigenvalues (ascending) of the symmetric n×n row-major matrix a; reads its lower triangle only.
   * eigvalsh.reduce gives the same values and keeps the reduction in WASM memory for eigenvectors.
   */
  eigvalsh: EigvalshFn & { reduce: NonNullable<Eigvalsh["reduce"]> };
  /** a Gram accumulator of order m in WASM memory */
  createGram(m: number): GramAccumulator;
  /** a lower band of W Wᵀ (W: m rows of k values) in WASM memory */
  createLowerBand(m: number, start: number, end: number, k: number): LowerBand;
  /** bytes of WASM linear memory held now (0 after a release) */
  memoryBytes(): number;
  /** largest linear memory this engine has held, in bytes (for the memory benchmark) */
  peakMemoryBytes(): number;
}

export interface WasmLinalgOptions {
  /**
   * Memory growth policy: memory grows to exactly the pages a call needs; when nothing is allocated
   * any more and more than this many bytes are held, the instance (and its memory) is dropped and
   * the next call starts a fresh one. Default 32 MiB.
   */
  keepBytes?: number;
  /** bytes for staging float32 rows and their float64 micro-panels per Gram (default 8 MiB) */
  gramStagingBytes?: number;
  /** panel width of the one-stage reduction and bandwidth of the two-stage one (default 32) */
  blockSize?: number;
  /**
   * order from which the two-stage reduction (dense → band by level-3 updates → tridiagonal by
   * bulge chasing) replaces the one-stage one, whose per-column pass over the trailing matrix is
   * memory-bound once the matrix leaves the caches (default 2048)
   */
  twoStageFrom?: number;
}
