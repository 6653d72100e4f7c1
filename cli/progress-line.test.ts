import { describe, expect, it } from "vitest";
import { progressLine } from "./progress-line.ts";

const progress = { layersTotal: 40, layersDone: 10, layersFailed: 0, bytesRead: 100e6, bytesTotal: 400e6, currentLayer: "h.3.mlp.c_fc" };

describe("progressLine", () => {
  it("says layers done, MB read, the ETA and the layer under way", () => {
    expect(progressLine(progress, 10)).toBe("layers 10/40  100.0/400.0 MB  ETA 30 s  h.3.mlp.c_fc");
  });

  it("says how many layers run at once when it is more than one, and the failures", () => {
    expect(progressLine({ ...progress, layersRunning: 3, layersFailed: 1 }, 10)).toBe("layers 10/40, 1 failed, 3 running  100.0/400.0 MB  ETA 30 s  h.3.mlp.c_fc");
    expect(progressLine({ ...progress, layersRunning: 1 }, 10)).toBe(progressLine(progress, 10));
  });
});
