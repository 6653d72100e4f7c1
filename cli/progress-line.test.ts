import { describe, expect, it } from "vitest";
import { progressLine } from "./progress-line.ts";

const progress = { layersTotal: 40, layersDone: 10, layersFailed: 0, bytesRead: 100 << 20, bytesTotal: 400 << 20, currentLayer: "h.3.mlp.c_fc" };

describe("progressLine", () => {
  it("says layers done, bytes read, the time left at the rate so far and the layer under way", () => {
    expect(progressLine(progress, 10)).toBe("10 of 40 layers · 100 MiB of 400 MiB read · about 30 s left · now h.3.mlp.c_fc");
  });

  it("says how many layers run at once when it is more than one, and the failures", () => {
    expect(progressLine({ ...progress, layersRunning: 3, layersFailed: 1 }, 10)).toBe("10 of 40 layers, 1 failed · 100 MiB of 400 MiB read · about 30 s left · now h.3.mlp.c_fc and 2 more");
    expect(progressLine({ ...progress, layersRunning: 1 }, 10)).toBe(progressLine(progress, 10));
  });

  it("gives no time left before a byte has been read", () => {
    expect(progressLine({ ...progress, layersDone: 0, bytesRead: 0, currentLayer: null }, 0)).toBe("0 of 40 layers · 0 B of 400 MiB read");
  });
});
