import { fnv1aHex } from "./fnv1a-hex.ts";

/**
 * A URL path segment made only of the Hub's id characters (letters, digits, `.`, `_`, `-`), not
 * starting with a dot. Anything else (spaces, markup, RTL or zero-width marks, `..`) is replaced,
 * and a hash of the original keeps two different raw strings from landing on the same page.
 */
export function sanitizePathSegment(raw: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(raw)) return raw;
  const base = raw.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "").slice(0, 60) || "x";
  return `${base}-${fnv1aHex(raw)}`;
}
