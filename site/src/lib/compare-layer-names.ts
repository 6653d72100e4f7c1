import { moduleRank } from "./module-rank.ts";

const isIndex = (s: string) => /^\d+$/.test(s);

/**
 * Depth order of two layer names ("correlation flow" order): compare dot-separated segments in
 * turn; block indices compare as numbers (so `h.2` comes before `h.10`), module names by their
 * usual position in the forward pass (`q_proj` before `down_proj`), then alphabetically.
 */
export function compareLayerNames(a: string, b: string): number {
  const sa = a.split(".");
  const sb = b.split(".");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === y) continue;
    if (isIndex(x) && isIndex(y)) return Number(x) - Number(y);
    if (isIndex(x) !== isIndex(y)) return isIndex(x) ? -1 : 1;
    return moduleRank(x) - moduleRank(y) || (x < y ? -1 : 1);
  }
  return sa.length - sb.length;
}
