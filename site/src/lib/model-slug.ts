import { sanitizePathSegment } from "./sanitize-path-segment.ts";

/** Top-level paths of the site (and of the service in front of it) that a model page must not take. */
const RESERVED = new Set(["method", "trends", "compare", "lineage", "analyze", "analyze-local", "api", "badge", "_astro", "_live", "favicon.svg", "index.html"]);

/**
 * The site path of a model (no leading or trailing slash). Hub ids keep the Hub's own shape,
 * `org/name` or a legacy `name`, so the site's URLs match huggingface.co's; local reports, which
 * the Hub never knew, live under `~local/` (`~` is not a Hub id character, so no Hub id can clash).
 */
export function modelSlug(id: string, source: "hub" | "local"): string {
  if (source === "local") return `~local/${sanitizePathSegment(id)}`;
  const parts = id.split("/");
  if (parts.length === 2) return parts.map(sanitizePathSegment).join("/");
  const name = sanitizePathSegment(id);
  return parts.length === 1 && !RESERVED.has(name.toLowerCase()) ? name : `~/${name}`;
}
