import { describe, expect, it } from "vitest";
import type { AnalysedLayer } from "#shared/report";
import { movedMost } from "./moved-most.ts";

const l = (alpha: number | null) => ({ alpha }) as AnalysedLayer;

describe("movedMost", () => {
  it("ranks layers both models fitted by |Δα|, largest first", () => {
    const moved = movedMost(
      [
        { name: "a", a: l(3), b: l(3.1) },
        { name: "b", a: l(3), b: l(1.5) },
        { name: "c", a: l(-1), b: l(6) },
        { name: "d", a: l(3), b: null },
        { name: "e", a: l(2), b: l(3.5) },
        { name: "f", a: l(null), b: l(2) },
      ],
      2,
    );
    expect(moved.map((m) => [m.name, m.delta])).toEqual([
      ["b", -1.5],
      ["e", 1.5],
    ]);
  });
});
