import { describe, expect, it } from "vitest";
import type { LayerColumns } from "#shared/report";
import { gpuColumnDifferences } from "./gpu-column-differences.ts";

const exact = {
  name: "fc",
  layer_type: "dense",
  num_evals: 10,
  lambda_max: 100,
  alpha: 3,
  log_norm: 0.001,
  sv_min: 0.5,
  D: 0.05,
  warning: "",
  rand_distance: 0.2,
  shape: [10, 20],
} as unknown as LayerColumns;

const change = (patch: Record<string, unknown>) => ({ ...exact, ...patch }) as unknown as LayerColumns;

describe("gpuColumnDifferences", () => {
  it("accepts a layer within every tolerance", () => {
    const within = change({ lambda_max: 100 * (1 + 9e-7), alpha: 3 * (1 - 9e-7), log_norm: 0.001 + 9e-7, sv_min: Math.sqrt(0.25 + 9e-6), D: 0.05 * (1 + 9e-5), shape: [10, 20] });
    expect(gpuColumnDifferences(within, exact)).toEqual([]);
  });

  it("names each column beyond its tolerance", () => {
    const problems = gpuColumnDifferences(change({ alpha: 3 * (1 + 2e-6), num_evals: 9, sv_min: 0.51, warning: "over-trained", rand_distance: 0.2000001 }), exact);
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/fc alpha: .*relative/);
    expect(problems.join("\n")).toMatch(/fc num_evals: 9 vs 10 \(exact\)/);
    expect(problems.join("\n")).toMatch(/fc sv_min: .*eigenvalue, bound 1\.0\de-5/);
    expect(problems.join("\n")).toMatch(/fc warning: "over-trained" ≠ ""/);
    expect(problems.join("\n")).toMatch(/fc rand_distance/);
  });

  it("lets a large sv_min (slices of one column) be as accurate as λmax, relative to itself", () => {
    const large = change({ sv_min: 9, lambda_max: 100 });
    expect(gpuColumnDifferences(change({ sv_min: 9 * (1 + 4e-7), lambda_max: 100 }), large)).toEqual([]);
    expect(gpuColumnDifferences(change({ sv_min: 9 * (1 + 2e-6), lambda_max: 100 }), large)).toHaveLength(1);
  });

  it("measures logarithms near zero on an absolute scale", () => {
    expect(gpuColumnDifferences(change({ log_norm: 0.001 + 1.1e-6 }), exact)).toHaveLength(1);
  });

  it("treats a null (non-finite) column as equal only to null", () => {
    const withNull = change({ lambda_max: null });
    expect(gpuColumnDifferences(withNull, withNull)).toEqual([]);
    expect(gpuColumnDifferences(exact, withNull)).toHaveLength(1);
  });
});
