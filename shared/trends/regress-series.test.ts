import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTrendsCsv } from "./parse-trends-csv.ts";
import { regressSeries } from "./regress-series.ts";

const csv = readFileSync(new URL("../../test/fixtures/trends/torchvision_vgg_resnet.csv", import.meta.url), "utf8");

// The paper's Table 1 (Nature Communications version), as test/fixtures/trends/README.md lists it.
const table1: Record<string, Record<string, { rmse: number; r2: number; tau: number }>> = {
  VGG: {
    log_norm: { rmse: 0.56, r2: 0.88, tau: -0.79 },
    log_spectral_norm: { rmse: 0.23, r2: 0.98, tau: -0.93 },
    alpha_weighted: { rmse: 0.48, r2: 0.92, tau: -0.93 },
    log_alpha_norm: { rmse: 0.34, r2: 0.96, tau: -0.93 },
  },
  ResNet: {
    log_norm: { rmse: 0.9, r2: 0.92, tau: -1 },
    log_spectral_norm: { rmse: 0.97, r2: 0.9, tau: -1 },
    alpha_weighted: { rmse: 0.61, r2: 0.96, tau: -1 },
    log_alpha_norm: { rmse: 0.66, r2: 0.95, tau: -1 },
  },
};

describe("regressSeries on the paper's data", () => {
  const fits = regressSeries(parseTrendsCsv(csv));
  for (const [series, metrics] of Object.entries(table1)) {
    for (const [metric, expected] of Object.entries(metrics)) {
      it(`reproduces Table 1: ${series} / ${metric}`, () => {
        const fit = fits.find((f) => f.series === series && f.metric === metric)!;
        expect(fit).toBeDefined();
        // the table prints two decimals
        expect(Math.abs(fit.rmse - expected.rmse)).toBeLessThanOrEqual(0.005 + 1e-12);
        expect(Math.abs(fit.r2 - expected.r2)).toBeLessThanOrEqual(0.005 + 1e-12);
        expect(Math.abs(fit.kendall_tau - expected.tau)).toBeLessThanOrEqual(0.005 + 1e-12);
      });
    }
  }
});

describe("parseTrendsCsv", () => {
  it("turns top-1 error into accuracy", () => {
    const rows = parseTrendsCsv("series,model,top1_error,m\nS,a,30,1\n");
    expect(rows[0].accuracy).toBe(70);
  });
  it("names the line and column of a bad number", () => {
    expect(() => parseTrendsCsv("series,model,accuracy,m\nS,a,x,1\n", "t.csv")).toThrow(/t\.csv: line 2: accuracy 'x'/);
  });
  it("rejects rows with the wrong number of fields", () => {
    expect(() => parseTrendsCsv("series,model,accuracy,m\nS,a,1\n")).toThrow(/3 fields/);
  });
});
