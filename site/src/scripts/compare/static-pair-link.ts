/**
 * The static compare page the build made for two models, either way round (the page lists them
 * as links with `data-a` and `data-b`), or null. Ids compare without case, as the Hub's do.
 */
export function staticPairLink(links: readonly { a: string; b: string; href: string }[], a: string, b: string): string | null {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const found = links.find((l) => (l.a.toLowerCase() === x && l.b.toLowerCase() === y) || (l.a.toLowerCase() === y && l.b.toLowerCase() === x));
  return found?.href ?? null;
}
