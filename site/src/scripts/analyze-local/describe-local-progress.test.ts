import { describe, expect, it } from "vitest";
import { describeLocalProgress } from "./describe-local-progress.ts";

describe("describeLocalProgress", () => {
  it("counts layers and bytes, and names the current layer", () => {
    expect(describeLocalProgress({ layersTotal: 40, layersDone: 10, layersFailed: 0, bytesRead: 3 << 20, bytesTotal: 12 << 20, currentLayer: "conv2d_10" })).toEqual({
      text: "10 of 40 layers · 3.0 MiB of 12.0 MiB read · now conv2d_10",
      fraction: 0.25,
    });
  });

  it("mentions failed layers and falls back to layers when no bytes are to be read", () => {
    const { text, fraction } = describeLocalProgress({ layersTotal: 4, layersDone: 1, layersFailed: 1, bytesRead: 0, bytesTotal: 0, currentLayer: null });
    expect(text).toBe("1 of 4 layers, 1 failed");
    expect(fraction).toBe(0.25);
  });

  it("says how many layers run beside the earliest one on a pool of workers", () => {
    const p = { layersTotal: 40, layersDone: 10, layersFailed: 0, bytesRead: 3 << 20, bytesTotal: 12 << 20, currentLayer: "conv2d_10" };
    expect(describeLocalProgress({ ...p, layersRunning: 3 }).text).toBe("10 of 40 layers · 3.0 MiB of 12.0 MiB read · now conv2d_10 and 2 more");
    expect(describeLocalProgress({ ...p, layersRunning: 1 }).text).toBe("10 of 40 layers · 3.0 MiB of 12.0 MiB read · now conv2d_10");
  });
});
