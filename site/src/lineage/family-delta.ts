import type { Num } from "#shared/report";

/** A member's metric less its base's (negative: lower than the base), null when either is not finite. */
export function familyDelta(value: Num, base: Num): Num {
  if (value === null || base === null || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  return value - base;
}
