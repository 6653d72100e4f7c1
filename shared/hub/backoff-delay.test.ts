import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff-delay.ts";

describe("backoffDelay", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 8000, 10_000]);
  });
});
