import { describe, expect, it } from "vitest";
import { HubError, ModelLookupError } from "#shared/hub";
import { NonFiniteWeightError, SafetensorsError } from "#shared/safetensors";
import { ApiError } from "../http/api-error.ts";
import { isTransientError } from "./is-transient-error.ts";

describe("isTransientError", () => {
  it("retries a Hub that rate-limits (429), fails (5xx) or gave no answer", () => {
    const hub = (status: number) => isTransientError(new HubError("retries_exhausted", status, "https://hub/x", "gave up"));
    expect([429, 500, 502, 503, 504, 0].every(hub)).toBe(true);
    expect([401, 403, 404, 409, 410, 416, 200, 302].some(hub)).toBe(false);
    expect(isTransientError(new ModelLookupError("hub_rate_limited", 503, "slow down", 60))).toBe(true);
    expect(isTransientError(new ModelLookupError("hub_error", 504, "timeout"))).toBe(true);
    expect(isTransientError(new ModelLookupError("model_not_found", 404, "none"))).toBe(false);
    expect(isTransientError(new ModelLookupError("too_many_files", 422, "many"))).toBe(false);
  });

  it("retries a dropped connection: fetch's TypeError", () => {
    expect(isTransientError(new TypeError("fetch failed"))).toBe(true);
  });

  it("does not retry bad files, non-finite weights, refused access, nor look-alikes of ours by name", () => {
    expect(isTransientError(new SafetensorsError("file_too_short", "m.safetensors", "3 bytes"))).toBe(false);
    expect(isTransientError(new NonFiniteWeightError("m.safetensors", "w", 3, NaN))).toBe(false);
    expect(isTransientError(new HubError("forbidden", 403, "https://hub/x", "403"))).toBe(false);
    expect(isTransientError(new ApiError(503, "busy", "busy", 5))).toBe(false);
    expect(isTransientError(new Error("boom"))).toBe(false);
    expect(isTransientError({ name: "HubError", status: 503 })).toBe(false);
    expect(isTransientError({ name: "TypeError", message: "fetch failed" })).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});
