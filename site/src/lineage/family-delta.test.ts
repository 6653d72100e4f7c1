import { describe, expect, it } from "vitest";
import { familyDelta } from "./family-delta.ts";

describe("familyDelta", () => {
  it("subtracts the base's value, and gives null without both", () => {
    expect(familyDelta(3, 3.5)).toBeCloseTo(-0.5, 12);
    expect(familyDelta(null, 3.5)).toBeNull();
    expect(familyDelta(3, null)).toBeNull();
  });
});
