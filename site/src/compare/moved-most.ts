import type { MatchedLayer } from "./match-layers.ts";

/** A layer both models have, with α in each and how far it moved (b − a). */
export interface MovedLayer {
  name: string;
  alphaA: number;
  alphaB: number;
  delta: number;
}

/**
 * The layers that moved most between the two models: the largest |Δα| over names both have and
 * both fitted (a failed fit's α = −1 is no position to move from), at most `limit`, ties by name.
 */
export function movedMost(matched: readonly MatchedLayer[], limit = 10): MovedLayer[] {
  return matched
    .flatMap((m) => {
      const a = m.a?.alpha;
      const b = m.b?.alpha;
      return typeof a === "number" && typeof b === "number" && a > 0 && b > 0 ? [{ name: m.name, alphaA: a, alphaB: b, delta: b - a }] : [];
    })
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, limit);
}
