import { describe, expect, it } from "vitest";
import { formatDelta, formatMetric } from "./format-metric.ts";

describe("formatMetric", () => {
  it("formats plain, tiny, huge and missing values", () => {
    expect(formatMetric(3.14159)).toBe("3.142");
    expect(formatMetric(3.14159, 2)).toBe("3.14");
    expect(formatMetric(-1)).toBe("-1");
    expect(formatMetric(1234)).toBe("1234");
    expect(formatMetric(7e-34)).toBe("7.00e-34");
    expect(formatMetric(2.5e7 + 0.5)).toBe("2.50e7");
    expect(formatMetric(2.5e9)).toBe("2.50e9");
    expect(formatMetric(0)).toBe("0");
    expect(formatMetric(null)).toBe("—");
    expect(formatMetric(undefined)).toBe("—");
  });

  it("writes the exponent without a plus and always with two decimals", () => {
    expect(formatMetric(1234567.89)).toBe("1.23e6");
    expect(formatMetric(-1234567.89)).toBe("-1.23e6");
    expect(formatMetric(1234567.89, 2)).toBe("1.23e6");
    expect(formatMetric(0.000123)).toBe("1.23e-4");
    expect(formatMetric(0.000123, 2)).toBe("1.23e-4");
  });

  it("switches to the exponent below 10^−digits, so no value prints as a bare zero", () => {
    expect(formatMetric(0.001)).toBe("0.001");
    expect(formatMetric(0.0009)).toBe("9.00e-4");
    expect(formatMetric(0.005, 2)).toBe("5.00e-3");
    expect(formatMetric(0.01, 2)).toBe("0.01");
    expect(formatMetric(999999.5)).toBe("999999.500");
  });

  it("prints integers as they are below 1e9, in exponent form above", () => {
    expect(formatMetric(7, 2)).toBe("7");
    expect(formatMetric(2, 2)).toBe("2");
    expect(formatMetric(123456789)).toBe("123456789");
    expect(formatMetric(1e12)).toBe("1.00e12");
  });

  it("says — for anything that is not a finite number", () => {
    expect(formatMetric(Number.NaN)).toBe("—");
    expect(formatMetric(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatMetric(Number.NEGATIVE_INFINITY, 2)).toBe("—");
  });
});

describe("formatDelta", () => {
  it("always shows the sign, with the minus sign and ± for no change", () => {
    expect(formatDelta(0.1234)).toBe("+0.123");
    expect(formatDelta(-0.1234, 2)).toBe("−0.12");
    expect(formatDelta(0)).toBe("±0");
    expect(formatDelta(-2.5e-7)).toBe("−2.50e-7");
    expect(formatDelta(null)).toBe("—");
  });
});
