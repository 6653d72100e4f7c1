import { describe, expect, it } from "vitest";
import type { AnalysedLayer } from "#shared/report";
import { matchLayers } from "./match-layers.ts";

const layer = (name: string, alpha: number) => ({ name, alpha }) as AnalysedLayer;

describe("matchLayers", () => {
  it("pairs layers by name in depth order, keeping those only one model has", () => {
    const matched = matchLayers([layer("h.10.mlp", 3), layer("h.2.attn", 4)], [layer("h.2.attn", 5), layer("h.1.new", 2)]);
    expect(matched.map((m) => [m.name, m.a?.alpha ?? null, m.b?.alpha ?? null])).toEqual([
      ["h.1.new", null, 2],
      ["h.2.attn", 4, 5],
      ["h.10.mlp", 3, null],
    ]);
  });
});
