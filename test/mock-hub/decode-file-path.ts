import { MockHubError } from "./mock-hub-error.ts";

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MockHubError("BadPath", `malformed percent-encoding in path segment ${JSON.stringify(segment)}`);
  }
}

/**
 * Joins URL path segments (still percent-encoded) into a repo-relative file path, refusing anything
 * that could name a file outside the repo: `.`/`..` (also as `%2e%2e`), empty segments (`//`, an
 * absolute path), separators smuggled in as `%2F` or `%5C`, and NUL.
 */
export function decodeFilePath(segments: string[]): string {
  const parts = segments.map(decodeSegment);
  for (const part of parts) {
    if (part === "" || part === "." || part === ".." || /[/\\\0]/.test(part)) {
      throw new MockHubError("BadPath", `refused path ${JSON.stringify(segments.join("/"))}: it may not hold empty, "." or ".." segments or encoded separators`);
    }
  }
  return parts.join("/");
}

/** Percent-decodes one segment that is not a file path (a repo part, a revision). */
export function decodePathSegment(segment: string): string {
  const part = decodeSegment(segment);
  if (part.includes("\0")) throw new MockHubError("BadPath", "NUL in path");
  return part;
}
