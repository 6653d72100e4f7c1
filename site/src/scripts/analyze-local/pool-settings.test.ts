import { describe, expect, it } from "vitest";
import { defaultPoolSize, FALLBACK_MEMORY_BYTES, MAX_MEMORY_BYTES, MAX_POOL_WORKERS, poolMemoryBudget, requestedPoolSize } from "./pool-settings.ts";

describe("the local analysis' pool settings", () => {
  it("starts one worker per core, at least 1 and at most 8", () => {
    expect(defaultPoolSize(4)).toBe(4);
    expect(defaultPoolSize(64)).toBe(MAX_POOL_WORKERS);
    expect(MAX_POOL_WORKERS).toBe(8);
    expect(defaultPoolSize(0)).toBe(1);
    expect(defaultPoolSize(undefined)).toBe(1);
    expect(defaultPoolSize(Number.NaN)).toBe(1);
  });

  it("budgets half the device's memory where the browser tells it, at most 4 GiB, else 1 GiB", () => {
    expect(poolMemoryBudget(4)).toBe(2 * 2 ** 30);
    expect(poolMemoryBudget(0.5)).toBe(2 ** 28);
    expect(poolMemoryBudget(16)).toBe(MAX_MEMORY_BYTES);
    expect(poolMemoryBudget(undefined)).toBe(FALLBACK_MEMORY_BYTES);
    expect(FALLBACK_MEMORY_BYTES).toBe(2 ** 30);
    expect(poolMemoryBudget(0)).toBe(FALLBACK_MEMORY_BYTES);
  });

  it("takes a whole number of workers from the first place that names one, and ignores anything else", () => {
    expect(requestedPoolSize("3", "2")).toBe(3);
    expect(requestedPoolSize(null, "2")).toBe(2);
    expect(requestedPoolSize("", undefined, "1")).toBe(1);
    expect(requestedPoolSize(null, undefined)).toBeNull();
    for (const bad of ["0", "9", "2.5", "-1", "two", " 3"]) expect(requestedPoolSize(bad, "2")).toBeNull();
  });
});
