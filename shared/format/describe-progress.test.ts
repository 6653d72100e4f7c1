import { describe, expect, it } from "vitest";
import { describeProgress } from "./describe-progress.ts";

const facts = { layersEnded: 12, layersTotal: 48, layersFailed: 1, layersSkipped: 2, bytesRead: 123456789, bytesTotal: 497758208 };

describe("describeProgress", () => {
  it("says the layers, the bytes read, the time left and the layers under way, in that order", () => {
    expect(describeProgress({ ...facts, secondsLeft: 41, currentLayer: "h.3.mlp.c_fc", layersRunning: 3 })).toBe(
      "12 of 48 layers, 1 failed, 2 skipped · 118 MiB of 475 MiB read · about 41 s left · now h.3.mlp.c_fc and 2 more",
    );
  });

  it("leaves out what it has nothing to say of", () => {
    expect(describeProgress({ layersEnded: 10, layersTotal: 40, layersFailed: 0, bytesRead: 3 << 20, bytesTotal: 12 << 20, currentLayer: "conv2d_10", layersRunning: 1 })).toBe(
      "10 of 40 layers · 3.0 MiB of 12.0 MiB read · now conv2d_10",
    );
    expect(describeProgress({ layersEnded: 0, layersTotal: 0, layersFailed: 0, bytesRead: 0, bytesTotal: 0 })).toBe("");
    expect(describeProgress({ layersEnded: 0, layersTotal: 0, layersFailed: 0, bytesRead: 2048, bytesTotal: null })).toBe("2.0 KiB read");
    expect(describeProgress({ ...facts, secondsLeft: null })).toBe("12 of 48 layers, 1 failed, 2 skipped · 118 MiB of 475 MiB read");
  });

  it("gives the time left in seconds, minutes or hours", () => {
    expect(describeProgress({ ...facts, secondsLeft: 600 })).toContain("about 10 min left");
    expect(describeProgress({ ...facts, secondsLeft: 4 * 3600 })).toContain("about 4.0 h left");
    expect(describeProgress({ ...facts, secondsLeft: Number.POSITIVE_INFINITY })).not.toContain("left");
  });
});
