import { describe, expect, it } from "vitest";
import { formatParameters } from "./format-parameters.ts";

describe("formatParameters", () => {
  it("uses K, M, B, T with three significant digits", () => {
    expect(formatParameters(124_439_808)).toBe("124M");
    expect(formatParameters(6_738_415_616)).toBe("6.74B");
    expect(formatParameters(3200)).toBe("3.20K");
    expect(formatParameters(25_600_000)).toBe("25.6M");
    expect(formatParameters(999)).toBe("999");
  });
});
