import { describe, expect, it } from "vitest";
import { formatParameters } from "./format-parameters.ts";

describe("formatParameters", () => {
  it("uses K, M, B, T with three significant digits", () => {
    expect(formatParameters(124_439_808)).toBe("124M");
    expect(formatParameters(6_738_415_616)).toBe("6.74B");
    expect(formatParameters(3200)).toBe("3.20K");
    expect(formatParameters(25_600_000)).toBe("25.6M");
    expect(formatParameters(1_500_000_000_000)).toBe("1.50T");
    expect(formatParameters(999)).toBe("999");
    expect(formatParameters(0)).toBe("0");
  });

  it("moves to the next unit when rounding reaches 1000", () => {
    expect(formatParameters(999_999)).toBe("1.00M");
    expect(formatParameters(999_499)).toBe("999K");
    expect(formatParameters(999_600_000_000)).toBe("1.00T");
  });

  it("says — for a count that is not a number", () => {
    expect(formatParameters(null)).toBe("—");
    expect(formatParameters(Number.NaN)).toBe("—");
  });
});
