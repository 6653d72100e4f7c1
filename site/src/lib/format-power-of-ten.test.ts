import { describe, expect, it } from "vitest";
import { formatPowerOfTen } from "./format-power-of-ten.ts";

describe("formatPowerOfTen", () => {
  it("writes decades with superscripts and other ticks as values", () => {
    expect(formatPowerOfTen(-3)).toBe("10⁻³");
    expect(formatPowerOfTen(12)).toBe("10¹²");
    expect(formatPowerOfTen(0)).toBe("10⁰");
    expect(formatPowerOfTen(Math.log10(2))).toBe("2");
  });
});
