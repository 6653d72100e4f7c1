import { describe, expect, it } from "vitest";
import { jacobiSingularValues } from "./jacobi-singular-values.ts";
import { choleskyFactor } from "./cholesky-factor.ts";
import { choleskySolve } from "./cholesky-solve.ts";
import { orthonormalize } from "./orthonormalize.ts";
import { LinalgError } from "./linalg-error.ts";

describe("jacobiSingularValues", () => {
  it("finds singular values of orthogonal-by-construction columns, tiny ones to full relative accuracy", () => {
    // columns e_1·3, e_2·1e-20, (e_3 + e_4)·2: singular values 3, 1e-20, 2√2
    const cols = [Float64Array.of(3, 0, 0, 0), Float64Array.of(0, 1e-20, 0, 0), Float64Array.of(0, 0, 2, 2)];
    const s = jacobiSingularValues(cols);
    expect(s[0]).toBe(1e-20);
    expect(s[1]).toBeCloseTo(2 * Math.SQRT2, 15);
    expect(s[2]).toBe(3);
  });

  it("matches a 2×2 closed form", () => {
    // [[2, 1], [1, 2]] has singular values 1 and 3
    const s = jacobiSingularValues([Float64Array.of(2, 1), Float64Array.of(1, 2)]);
    expect(s[0]).toBeCloseTo(1, 15);
    expect(s[1]).toBeCloseTo(3, 15);
  });
});

describe("Cholesky and orthonormalisation", () => {
  it("solves a symmetric positive definite system", () => {
    const a = Float64Array.of(4, 0, 0, 2, 5, 0, 1, 3, 6); // lower triangle of [[4,2,1],[2,5,3],[1,3,6]]
    choleskyFactor(3, a);
    const b = Float64Array.of(7, 10, 10); // = A·[1, 1, 1]
    choleskySolve(3, a, b);
    b.forEach((x) => expect(x).toBeCloseTo(1, 14));
    expect(() => choleskyFactor(2, Float64Array.of(1, 0, 2, 1))).toThrow(LinalgError);
  });

  it("makes vectors orthonormal and refuses dependent ones", () => {
    const v = [Float64Array.of(1, 1, 0), Float64Array.of(1, 0, 1), Float64Array.of(0, 1, 1)];
    orthonormalize(v);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const dot = v[i].reduce((s, x, k) => s + x * v[j][k], 0);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 15);
      }
    }
    expect(() => orthonormalize([Float64Array.of(1, 2), Float64Array.of(2, 4)])).toThrow(LinalgError);
  });
});
