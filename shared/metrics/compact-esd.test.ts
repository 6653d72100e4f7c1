import { describe, expect, it } from "vitest";
import type { LayerSpectrum } from "../esd/types.ts";
import type { LayerColumns } from "../report/schema.ts";
import { compactEsd, ESD_BINS, TAIL_SIZE } from "./compact-esd.ts";

const spectrum = (values: number[]): LayerSpectrum => ({ slices: [Float64Array.from(values).sort()], numericallyZero: [new Uint8Array(values.length)] });
const columns = { status: "success", alpha: 3, xmin: 2, xmax: 300, bulk_min: 0.1, bulk_max: 1.5 } as LayerColumns;

describe("compactEsd", () => {
  const values = [0, 0, ...Array.from({ length: 400 }, (_, i) => 0.01 * 1.02 ** i)];

  it("bins the positive eigenvalues on log10 edges and keeps the zeros apart", () => {
    const esd = compactEsd(spectrum(values), columns);
    expect(esd.log10_edges.length).toBe(ESD_BINS + 1);
    expect(esd.log10_edges[0]).toBeCloseTo(-2, 12);
    expect(esd.log10_edges[ESD_BINS]).toBeCloseTo(Math.log10(Math.max(...values)), 12);
    expect(esd.counts.reduce((s, c) => s + c, 0)).toBe(400);
    expect(esd.zero_count).toBe(2);
    expect(esd.tail.length).toBe(TAIL_SIZE);
    expect(esd.tail[0]).toBe(Math.max(...values));
    expect(esd.fit).toEqual({ alpha: 3, xmin: 2, xmax: 300 });
    expect(esd.mp).toEqual({ bulk_min: 0.1, bulk_max: 1.5 });
    expect(esd.randomized_counts).toBeUndefined();
  });

  it("puts the randomized spectrum on the same edges", () => {
    const randomized = values.map((v) => 0.5 + v / 100);
    const esd = compactEsd(spectrum(values), columns, spectrum(randomized));
    expect(esd.randomized_counts?.reduce((s, c) => s + c, 0)).toBe(402);
    expect(esd.counts.reduce((s, c) => s + c, 0)).toBe(400);
  });

  it("draws no fit when it failed, and handles an all-zero layer", () => {
    const esd = compactEsd(spectrum([0, 0, 0]), { ...columns, status: "failed", bulk_max: null, bulk_min: null });
    expect(esd).toEqual({ log10_edges: [], counts: [], zero_count: 3, tail: [0, 0, 0], fit: null, mp: null });
  });
});
