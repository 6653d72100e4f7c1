import { describe, expect, it } from "vitest";
import { fitMarchenkoPastur, edgeSigma } from "./fit-marchenko-pastur.ts";
import { fitPowerLaw } from "./fit-power-law.ts";
import { eigvalsh } from "../linalg/eigvalsh.ts";
import { createRng } from "../metrics/create-rng.ts";

/** Eigenvalues of WᵀW for an N×M matrix of i.i.d. standard normals, plus optional rank-one spikes. */
function gaussianEsd(N: number, M: number, seed: number, spikes: number[] = []): Float64Array {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  const w = Float64Array.from({ length: N * M }, normal);
  spikes.forEach((strength, s) => {
    // a planted signal strength·u_s e_sᵀ, the u_s orthogonal ±1/√N patterns
    for (let i = 0; i < N; i++) w[i * M + s] += (strength * ((i >> s) % 2 === 0 ? 1 : -1)) / Math.sqrt(N);
  });
  const g = new Float64Array(M * M);
  for (let r = 0; r < N; r++) for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) g[i * M + j] += w[r * M + i] * w[r * M + j];
  return eigvalsh(M, g);
}

describe("fitMarchenkoPastur", () => {
  it("fits a Gaussian random matrix with σ ≈ 1, its bulk edge at λmax, no spikes", () => {
    const E = gaussianEsd(400, 100, 1);
    const fit = fitMarchenkoPastur(E, 400, 100);
    expect(fit.sigma_mp as number).toBeGreaterThan(0.9);
    expect(fit.sigma_mp as number).toBeLessThan(1.1);
    expect(fit.num_spikes).toBe(0);
    expect(fit.mp_softrank as number).toBeGreaterThan(0.8);
    // and the power law finds no heavy tail
    expect(fitPowerLaw(E).alpha).toBeGreaterThan(5);
  });

  it("reports W_scale = √(len/ΣE) and bulk edges in the eigenvalues' units", () => {
    const E = gaussianEsd(300, 100, 2);
    const total = E.reduce((s, v) => s + v, 0);
    const fit = fitMarchenkoPastur(E, 300, 100);
    expect(fit.W_scale).toBeCloseTo(Math.sqrt(100 / total), 15);
    const scale2 = (fit.W_scale as number) ** 2;
    const sigma = fit.sigma_mp as number;
    expect((fit.bulk_max as number) * scale2).toBeCloseTo((sigma * (1 + 1 / Math.sqrt(3))) ** 2, 12);
    expect((fit.bulk_min as number) * scale2).toBeCloseTo((sigma * (1 - 1 / Math.sqrt(3))) ** 2, 12);
  });

  it("counts planted spikes outside the bulk", () => {
    const E = gaussianEsd(400, 100, 3, [60, 80]);
    const fit = fitMarchenkoPastur(E, 400, 100);
    expect(fit.num_spikes).toBe(2);
    expect(fit.mp_softrank as number).toBeLessThan(0.5);
  });

  it("fits the quarter-circle law to singular values when Q = 1", () => {
    const fit = fitMarchenkoPastur(gaussianEsd(120, 120, 4), 120, 120);
    expect(fit.bulk_min).toBe(0);
    expect(fit.sigma_mp as number).toBeGreaterThan(0.5);
    expect(fit.sigma_mp as number).toBeLessThan(1.5);
  });

  it("returns nulls rather than NaN for an all-zero spectrum", () => {
    expect(fitMarchenkoPastur(new Float64Array(20), 40, 20)).toEqual({
      sigma_mp: null,
      num_spikes: 0,
      mp_softrank: null,
      bulk_max: null,
      bulk_min: null,
      W_scale: null,
    });
  });

  it("edgeSigma puts λmax on the MP upper edge", () => {
    const s = edgeSigma(4, 9);
    expect((s * (1 + 1 / 2)) ** 2).toBeCloseTo(9, 14);
  });
});
