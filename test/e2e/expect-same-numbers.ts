import { expect } from "vitest";

/**
 * Asserts two JSON-like values are the same: equal structure, equal strings and integers, and
 * floats equal to `relative` of their size. The default is the parity bar of docs/metrics.md:
 * a layer the service splits into parts sums its Gram in another order than a whole-layer pass,
 * which moves the smallest eigenvalues (accurate only to ~ε·λmax) by far more than ε of their size.
 */
export function expectSameNumbers(actual: unknown, expected: unknown, relative = 1e-6, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected) && Number.isInteger(actual) && Math.abs(expected) < 2 ** 31) {
      expect(actual, path).toBe(expected);
    } else {
      const scale = Math.max(Math.abs(expected), Math.abs(actual), Number.MIN_VALUE);
      expect(Math.abs(actual - expected) / scale, `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((item, i) => expectSameNumbers((actual as unknown[])[i], item, relative, `${path}[${i}]`));
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual === "object" && actual !== null, path).toBe(true);
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], value, relative, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}
