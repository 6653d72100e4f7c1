import type { GramAccumulator } from "./types.ts";
import type { WasmSession } from "./wasm-session.ts";
import type { WasmRegion } from "./wasm-arena.ts";
import { eigvalshInPlace, type EigvalshTuning } from "./wasm-eigvalsh.ts";
import { unpackSymmetric } from "./packed-copy.ts";
import { packedRowStart } from "./packed-row-start.ts";
import { lowerBandOffset } from "../../esd/lower-band-offset.ts";
import { WasmLinalgError } from "./wasm-linalg-error.ts";

const MAX_CHUNK_ROWS = 256;
const MIN_CHUNK_ROWS = 4;

/**
 * A Gram accumulator of order m living in WASM memory: G (packed lower triangle) plus, once rows
 * arrive, a staging block of float32 rows and its float64 micro-panels sized to `stagingBytes`.
 */
export function createWasmGram(session: WasmSession, m: number, stagingBytes: number, tuning: EigvalshTuning): GramAccumulator {
  if (!Number.isInteger(m) || m < 1) throw new WasmLinalgError("bad_argument", `Gram order must be a positive integer, got ${m}`);
  const k = session.kernels();
  const gLength = k.packedLength(m);
  let g: WasmRegion | null = session.alloc(8 * gLength);
  session.f64(g.ptr, gLength).fill(0);
  // rows per staged block: float32 rows (4m bytes each) and their float64 panels (≈ 8m bytes)
  const chunkRows = clamp(Math.floor(stagingBytes / (12 * m)), MIN_CHUNK_ROWS, MAX_CHUNK_ROWS);
  let staging: { rows: WasmRegion; pack: WasmRegion } | null = null;
  let staged = 0;
  let rowsAdded = 0;

  const live = (): WasmRegion => {
    if (!g) throw new WasmLinalgError("finished", "this Gram accumulator has already been consumed or disposed");
    return g;
  };
  const multiplyStaged = (rows: number) => {
    if (rows === 0 || !staging) return;
    const p = live().ptr;
    const s = staging.rows.ptr;
    k.gramAccumulate(m, p, s, m, 1, s, m, 1, rows, 0, m, 0, m, staging.pack.ptr, chunkRows);
    rowsAdded += rows;
  };
  const flush = () => {
    if (staged % m !== 0) throw new WasmLinalgError("partial_row", `${staged % m} value(s) of an incomplete row of ${m} were fed to the Gram accumulator`);
    multiplyStaged(staged / m);
    staged = 0;
  };
  const releaseStaging = () => {
    if (staging) session.free(staging.pack, staging.rows);
    staging = null;
  };

  return {
    order: m,
    get rowsAdded() {
      return rowsAdded + Math.floor(staged / m);
    },
    addRows(values) {
      live();
      if (!staging) {
        const rows = session.alloc(4 * chunkRows * m);
        staging = { rows, pack: session.alloc(8 * k.gramWorkLength(m, m, chunkRows)) };
      }
      const capacity = chunkRows * m;
      let from = 0;
      while (from < values.length) {
        const take = Math.min(capacity - staged, values.length - from);
        session.f32(staging.rows.ptr + 4 * staged, take).set(values.subarray(from, from + take));
        staged += take;
        from += take;
        if (staged === capacity) {
          multiplyStaged(chunkRows);
          staged = 0;
        }
      }
    },
    addPanelPair(pa, a0, pb, b0, kk) {
      const p = live().ptr;
      if (!Number.isInteger(kk) || kk < 1 || pa.length % kk !== 0 || pb.length % kk !== 0) {
        throw new WasmLinalgError("bad_argument", `panels of ${pa.length} and ${pb.length} values are not whole rows of ${kk}`);
      }
      const same = a0 === b0 && pa.buffer === pb.buffer && pa.byteOffset === pb.byteOffset && pa.length === pb.length;
      // a block above the diagonal is stored as its transpose, P_b P_aᵀ
      const swap = a0 < b0;
      const [x, x0, y, y0] = swap ? [pb, b0, pa, a0] as const : [pa, a0, pb, b0] as const;
      const rx = x.length / kk;
      const ry = y.length / kk;
      if (!Number.isInteger(x0) || !Number.isInteger(y0) || y0 < 0 || x0 + rx > m || y0 + ry > m) {
        throw new WasmLinalgError("bad_argument", `panel rows [${a0}, ${a0 + pa.length / kk}) and [${b0}, ${b0 + pb.length / kk}) do not fit a Gram of order ${m}`);
      }
      if (!same && y0 + ry > x0) throw new WasmLinalgError("bad_argument", `panels [${y0}, ${y0 + ry}) and [${x0}, ${x0 + rx}) overlap without being the same panel`);
      const blocks = Math.ceil(rx / 4) + (same ? 0 : Math.ceil(ry / 4));
      const kc = clamp(Math.floor(stagingBytes / (32 * blocks)), MIN_CHUNK_ROWS, MAX_CHUNK_ROWS);
      const xr = session.alloc(4 * x.length);
      const yr = same ? xr : session.alloc(4 * y.length);
      const pack = session.alloc(8 * k.gramWorkLength(rx, same ? 0 : ry, kc));
      try {
        session.f32(xr.ptr, x.length).set(x);
        if (!same) session.f32(yr.ptr, y.length).set(y);
        k.gramAccumulate(m, p, xr.ptr, 1, kk, yr.ptr, 1, kk, kk, x0, rx, y0, ry, pack.ptr, kc);
      } finally {
        session.free(...(same ? [pack, xr] : [pack, yr, xr]));
      }
    },
    setBandValues(start, end, from, values) {
      const g = session.f64(live().ptr, gLength);
      const size = lowerBandOffset(start, end, m);
      if (!(0 <= start && start < end && end <= m) || !Number.isSafeInteger(from) || from < 0 || from + values.length > size) {
        throw new WasmLinalgError("bad_argument", `values ${from}..${from + values.length} are not inside the band [${start}, ${end}) of a Gram of order ${m} (${size} values)`);
      }
      let r = start;
      while (lowerBandOffset(start, end, r + 1) <= from) r++;
      for (let at = 0; at < values.length; r++) {
        const skip = from + at - lowerBandOffset(start, end, r);
        const take = Math.min(Math.min(end, r + 1) - start - skip, values.length - at);
        g.set(values.subarray(at, at + take), packedRowStart(r) + start + skip);
        at += take;
      }
    },
    toArray() {
      const p = live().ptr;
      flush();
      return unpackSymmetric(m, session.f64(p, gLength));
    },
    eigenvalues() {
      const region = live();
      flush();
      releaseStaging();
      try {
        return eigvalshInPlace(session, m, region, tuning);
      } finally {
        g = null;
        session.free(region);
      }
    },
    dispose() {
      if (!g) return;
      releaseStaging();
      session.free(g);
      g = null;
    },
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
