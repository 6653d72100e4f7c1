import { describe, expect, it } from "vitest";
import { describeProgress, progressFraction, safeLink } from "./analyze-status.ts";

describe("analyse box helpers", () => {
  it("describes a running job", () => {
    const status = {
      state: "running",
      layers: { total: 48, done: 11, failed: 1, skipped: 2 },
      bytes_streamed: 123456789,
      bytes_total: 497758208,
      eta_seconds: 41,
    };
    expect(describeProgress(status)).toBe("running · 12 of 48 layers, 1 failed, 2 skipped · 118 MiB of 475 MiB read · about 41 s left");
    expect(progressFraction(status)).toBeCloseTo(0.25, 12);
    expect(describeProgress({ state: "queued" })).toBe("queued");
    expect(describeProgress({ state: "planning", bytes_streamed: 0, bytes_total: 0 })).toBe("planning");
    expect(describeProgress({ ...status, state: "done", eta_seconds: 0 })).toBe("done · 12 of 48 layers, 1 failed, 2 skipped · 118 MiB of 475 MiB read");
    expect(progressFraction({ state: "queued" })).toBeNull();
    expect(describeProgress({ state: "running", eta_seconds: 600 })).toContain("about 10 min left");
    expect(describeProgress({ state: "running", eta_seconds: null, stalled: true, stalled_seconds: 75 })).toBe("running · stalled: no worker has reported for 75 s; the service sends the work again");
  });

  it("keeps only http links from the service's answer", () => {
    expect(safeLink("/org/name", "http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787/org/name");
    expect(safeLink("https://ht.example.org/org/name", "http://127.0.0.1:8787")).toBe("https://ht.example.org/org/name");
    expect(safeLink("javascript:alert(1)", "http://127.0.0.1:8787")).toBeNull();
    expect(safeLink(42, "http://127.0.0.1:8787")).toBeNull();
  });
});
