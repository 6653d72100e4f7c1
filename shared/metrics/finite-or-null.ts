import type { Num } from "../report/schema.ts";

/** A computed number as the report stores it: non-finite values (log10 0, 0/0) become null. */
export function finiteOrNull(x: number): Num {
  return Number.isFinite(x) ? x : null;
}
