import { describe, expect, it } from "vitest";
import { HubError, ModelLookupError } from "#shared/hub";
import { NonFiniteWeightError, SafetensorsError } from "#shared/safetensors";
import { isUpstreamError } from "./is-upstream-error.ts";

describe("isUpstreamError", () => {
  it("blames the Hub for any Hub answer, final or not", () => {
    expect(isUpstreamError(new HubError("forbidden", 403, "https://hub/x", "403"))).toBe(true);
    expect(isUpstreamError(new HubError("retries_exhausted", 503, "https://hub/x", "gave up"))).toBe(true);
    expect(isUpstreamError(new ModelLookupError("hub_error", 502, "odd answer"))).toBe(true);
  });

  it("blames the network for the platform's dropped, aborted and timed-out requests", async () => {
    expect(isUpstreamError(new TypeError("fetch failed"))).toBe(true);
    expect(isUpstreamError(AbortSignal.abort().reason)).toBe(true);
    const timeout = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timeout.reason).toBeInstanceOf(DOMException);
    expect(isUpstreamError(timeout.reason)).toBe(true);
  });

  it("blames the model's bytes for the rest, and nothing for look-alikes of ours by name", () => {
    expect(isUpstreamError(new SafetensorsError("file_too_short", "m.safetensors", "3 bytes"))).toBe(false);
    expect(isUpstreamError(new NonFiniteWeightError("m.safetensors", "w", 3, NaN))).toBe(false);
    expect(isUpstreamError(new DOMException("bad", "DataCloneError"))).toBe(false);
    expect(isUpstreamError(new Error("boom"))).toBe(false);
    expect(isUpstreamError({ name: "HubError" })).toBe(false);
    expect(isUpstreamError({ name: "TimeoutError" })).toBe(false);
  });
});
