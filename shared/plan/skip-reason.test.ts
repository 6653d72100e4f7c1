import { describe, expect, it } from "vitest";
import { skipReason } from "./skip-reason.ts";

describe("skipReason", () => {
  it("accepts the boundaries and rejects just past them, in the reference's order", () => {
    expect(skipReason(100, 10, 1)).toBeUndefined();
    expect(skipReason(100, 9, 1)).toMatch(/^too small: 9 eigenvalues/);
    expect(skipReason(15000, 15000, 1)).toBeUndefined();
    expect(skipReason(15001, 15001, 1)).toMatch(/^too large: 15001 eigenvalues/);
    expect(skipReason(50000, 768, 1)).toBeUndefined();
    expect(skipReason(50001, 768, 1)).toMatch(/N = 50001/);
    // M·rf is checked before N
    expect(skipReason(60000, 5, 1)).toMatch(/too small/);
    expect(skipReason(240, 1, 25)).toBeUndefined();
  });
});
