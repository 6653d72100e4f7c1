/**
 * Whether an `If-None-Match` header matches an ETag, with the weak comparison RFC 9110 §13.1.2
 * asks of it: `*`, a list, and `W/` prefixes (which caches and CDNs add) all match.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
