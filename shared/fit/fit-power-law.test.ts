import { describe, expect, it } from "vitest";
import { fitPowerLaw, FIT_THRESHOLD } from "./fit-power-law.ts";
import { createRng } from "../metrics/create-rng.ts";

/** The reference's O(n²) scan, written out plainly: every candidate's D in full, first minimum wins. */
function naiveFit(values: number[]) {
  const x = values.filter((v) => v > FIT_THRESHOLD).sort((a, b) => a - b);
  const n = x.length;
  const logs = x.map(Math.log);
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n - 1; i++) {
    const k = n - i;
    let tail = 0;
    let carry = 0;
    for (let j = n - 1; j >= i; j--) {
      const t = tail + logs[j];
      carry += Math.abs(tail) >= Math.abs(logs[j]) ? tail - t + logs[j] : logs[j] - t + tail;
      tail = t;
    }
    const alpha = 1 + k / (tail + carry - k * logs[i]);
    let D = 1;
    if (alpha > 1) {
      D = 0;
      for (let t = 0; t < k; t++) D = Math.max(D, Math.abs(1 - (x[i + t] / x[i] === 1 ? 1 : Math.pow(x[i + t] / x[i], -alpha + 1)) - t / k));
    }
    if (D < bestD) {
      bestD = D;
      best = i;
    }
  }
  return { xmin: x[best], D: bestD };
}

function powerLawSample(n: number, alpha: number, xmin: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => xmin * Math.pow(1 - rng.uniform(), -1 / (alpha - 1)));
}

describe("fitPowerLaw", () => {
  it("recovers the exponent of a planted power law", () => {
    const fit = fitPowerLaw(powerLawSample(5000, 3, 0.5, 1));
    expect(fit.status).toBe("success");
    expect(Math.abs(fit.alpha - 3)).toBeLessThan(4 * fit.sigma + 0.05);
    expect(fit.D).toBeLessThan(0.05);
    expect(fit.warning).toBe("");
  });

  it("finds a tail above a bulk", () => {
    const rng = createRng(2);
    const bulk = Array.from({ length: 2000 }, () => 0.1 + rng.uniform());
    const fit = fitPowerLaw([...bulk, ...powerLawSample(300, 2.5, 1.5, 3)]);
    expect(fit.xmin).toBeGreaterThan(1);
    expect(fit.alpha).toBeGreaterThan(2);
    expect(fit.alpha).toBeLessThan(3.2);
  });

  it("gives exactly the O(n²) scan's xmin and D, ties and duplicates included", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = createRng(seed);
      const values = Array.from({ length: 400 }, () => (rng.uniform() < 0.1 ? 2 : Math.exp(3 * rng.uniform())));
      const fit = fitPowerLaw(values);
      const naive = naiveFit(values);
      expect(fit.xmin).toBe(naive.xmin);
      expect(fit.D).toBe(naive.D);
    }
  });

  it("leaves out eigenvalues ≤ 1e-5 from the fit but counts all ≥ xmin as spikes", () => {
    const values = [0, 1e-6, 1e-5, ...powerLawSample(200, 3, 1, 9)];
    const fit = fitPowerLaw(values);
    expect(fit.xmax).toBe(Math.max(...values));
    expect(fit.num_pl_spikes).toBe(values.filter((v) => v >= fit.xmin).length);
    expect(fitPowerLaw(values.slice(3)).alpha).toBe(fit.alpha);
  });

  it("fails with fewer than two eigenvalues above the threshold, as the reference reports it", () => {
    for (const values of [[], [1], [0, 1e-6, 3]]) {
      expect(fitPowerLaw(values)).toEqual({
        status: "failed",
        alpha: -1,
        D: -1,
        sigma: -1,
        xmin: -1,
        xmax: null,
        num_pl_spikes: -1,
        warning: "over-trained",
      });
    }
  });

  it("labels heavy tails over-trained and light ones under-trained", () => {
    expect(fitPowerLaw(powerLawSample(3000, 1.6, 1, 4)).warning).toBe("over-trained");
    expect(fitPowerLaw(powerLawSample(3000, 9, 1, 5)).warning).toBe("under-trained");
  });
});
