import { describe, expect, it } from "vitest";
import { formatMetric } from "./format-metric.ts";

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
});
