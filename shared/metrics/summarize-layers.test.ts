import { describe, expect, it } from "vitest";
import type { LayerColumns } from "../report/schema.ts";
import { summarizeLayers } from "./summarize-layers.ts";

function layer(name: string, over: Partial<LayerColumns>): LayerColumns {
  return {
    layer_id: 0, name, layer_type: "dense", N: 10, M: 5, Q: 2, rf: 1, num_evals: 5, lambda_max: 1, sv_max: 1, sv_min: 0.1,
    rank_loss: 0, weak_rank_loss: 0, alpha: 3, D: 0.1, sigma: 0.2, xmin: 0.5, xmax: 1, num_pl_spikes: 2, warning: "",
    status: "success", norm: 2, log_norm: 0.3, spectral_norm: 1, log_spectral_norm: 0, alpha_weighted: 0, log_alpha_norm: 0.1,
    stable_rank: 2, matrix_rank: 5, entropy: 0.9, sigma_mp: 1, num_spikes: 0, mp_softrank: 0.5, bulk_max: 1, bulk_min: 0.1, W_scale: 1,
    ...over,
  };
}

describe("summarizeLayers", () => {
  it("takes plain means, failed fits included, and the means over successful fits", () => {
    const s = summarizeLayers([
      layer("a", { alpha: 2, log_norm: 1 }),
      layer("b", { alpha: 4, log_norm: 2, warning: "" }),
      layer("c", { alpha: -1, log_norm: 3, status: "failed", warning: "over-trained" }),
    ], { skipped: 2, failed: 1 });
    expect(s.reference.alpha).toBeCloseTo(5 / 3, 15);
    expect(s.reference.log_norm).toBe(2);
    expect(s.successful_fits.alpha).toBe(3);
    expect(s.successful_fits.layers).toBe(2);
    expect(s).toMatchObject({ layers_analysed: 3, layers_skipped: 2, layers_failed: 1, over_trained: 1, under_trained: 0 });
    expect(s.notes.join(" ")).toMatch(/failed power-law fit/);
  });

  it("says so when an all-zero layer makes the reference's mean log_norm −∞", () => {
    const s = summarizeLayers([layer("zero", { log_norm: null }), layer("b", {})]);
    expect(s.reference.log_norm).toBeNull();
    expect(s.reference.alpha).toBe(3);
    expect(s.notes.join(" ")).toMatch(/log_norm is not finite for zero .*−∞/);
  });

  it("summarises no layers as nulls", () => {
    const s = summarizeLayers([]);
    expect(s.reference.alpha).toBeNull();
    expect(s.successful_fits.layers).toBe(0);
    expect(s).not.toHaveProperty("avg_dW");
  });

  it("averages a delta analysis's delta_W and delta_b over its layers, as the reference's distances", () => {
    const s = summarizeLayers([layer("a", { delta_W: 1, delta_b: 0.5 }), layer("b", { delta_W: 2, delta_b: 0 }), layer("c", { delta_W: 6, status: "failed", alpha: -1 })]);
    expect(s.avg_dW).toBe(3);
    // a layer without delta_b (no bias in both) counts as the reference's 0
    expect(s.avg_db).toBeCloseTo(0.5 / 3, 15);
    expect(summarizeLayers([layer("a", { delta_W: null, delta_b: 1 })])).toMatchObject({ avg_dW: null, avg_db: 1 });
  });

  it("leaves them out of reports that are not deltas", () => {
    const s = summarizeLayers([layer("a", {}), layer("b", {})]);
    expect(s).not.toHaveProperty("avg_dW");
    expect(s).not.toHaveProperty("avg_db");
  });
});
