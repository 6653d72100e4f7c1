import type { LowerBand } from "./types.ts";
import type { WasmSession } from "./wasm-session.ts";
import { packedRowStart } from "./packed-row-start.ts";
import { WasmLinalgError } from "./wasm-linalg-error.ts";

const MAX_CHUNK_ROWS = 256;
const MIN_CHUNK_ROWS = 4;

/**
 * A lower band of G = W Wᵀ in WASM memory (see LowerBand). Each panel's rows of G are formed by the
 * Gram kernel in a scratch copy of just those rows of the packed triangle: the kernel is handed
 * the triangle's address shifted back by the rows before them, so it writes, as for a whole Gram,
 * only inside the panel's rows, and the band never needs the triangle above it.
 */
export function createWasmLowerBand(session: WasmSession, m: number, start: number, end: number, k: number, stagingBytes: number): LowerBand {
  if (![m, start, end, k].every(Number.isSafeInteger) || start < 0 || end <= start || end > m || k < 1) {
    throw new WasmLinalgError("bad_argument", `band [${start}, ${end}) of a Gram of order ${m} with rows of ${k} is not a band`);
  }
  const kernels = session.kernels();
  const width = end - start;
  let band: ReturnType<WasmSession["alloc"]> | null = session.alloc(4 * width * k);
  let held = 0;

  const live = () => {
    if (!band) throw new WasmLinalgError("finished", "this band has been disposed");
    return band;
  };

  return {
    start,
    end,
    holdRows(values) {
      const region = live();
      if (held + values.length > width * k) throw new WasmLinalgError("bad_argument", `the band holds ${width} rows of ${k}; ${held + values.length} values were given`);
      session.f32(region.ptr + 4 * held, values.length).set(values);
      held += values.length;
    },
    bandRows(p0, rows, panel) {
      const region = live();
      const own = panel === undefined;
      if (held !== width * k) throw new WasmLinalgError("partial_row", `the band's rows are not all held yet (${held} of ${width * k} values)`);
      if (!Number.isSafeInteger(p0) || !Number.isSafeInteger(rows) || rows < 1 || (own ? p0 < start || p0 + rows > end : p0 < end || p0 + rows > m)) {
        throw new WasmLinalgError("bad_argument", `rows [${p0}, ${p0 + rows}) are not ${own ? "inside" : "below"} the band [${start}, ${end}) of a Gram of order ${m}`);
      }
      if (!own && panel.length !== rows * k) throw new WasmLinalgError("bad_argument", `a panel of ${rows} rows of ${k} holds ${rows * k} values, not ${panel.length}`);
      const cols = Math.min(end, p0 + rows) - start;
      const first = packedRowStart(p0);
      const length = packedRowStart(p0 + rows) - first;
      const blocks = Math.ceil(rows / 4) + Math.ceil(cols / 4);
      const kc = Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.floor(stagingBytes / (32 * blocks))));
      const rowsOfG = session.alloc(8 * length);
      const copy = own ? null : session.alloc(4 * panel.length);
      const pack = session.alloc(8 * kernels.gramWorkLength(rows, cols, kc));
      try {
        session.f64(rowsOfG.ptr, length).fill(0);
        if (copy) session.f32(copy.ptr, panel!.length).set(panel!);
        const x = copy ? copy.ptr : region.ptr + 4 * (p0 - start) * k;
        // i32 arithmetic in the kernel wraps, so a base before the scratch rows addresses them exactly
        kernels.gramAccumulate(m, rowsOfG.ptr - 8 * first, x, 1, k, region.ptr, 1, k, k, p0, rows, start, cols, pack.ptr, kc);
        const g = session.f64(rowsOfG.ptr, length);
        const out = new Float64Array(own ? ((2 * (p0 - start) + rows + 1) * rows) / 2 : rows * width);
        let at = 0;
        for (let r = p0; r < p0 + rows; r++) {
          const from = packedRowStart(r) - first + start;
          const count = Math.min(end, r + 1) - start;
          out.set(g.subarray(from, from + count), at);
          at += count;
        }
        return out;
      } finally {
        session.free(...(copy ? [pack, copy, rowsOfG] : [pack, rowsOfG]));
      }
    },
    dispose() {
      if (!band) return;
      session.free(band);
      band = null;
    },
  };
}
