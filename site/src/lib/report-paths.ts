import { sanitizePathSegment } from "./sanitize-path-segment.ts";

export interface ReportPaths {
  /** the model's card, always showing its latest report */
  card: string;
  /** this report's own folder: `/{slug}/@{sha}/` when pinned to a commit, else the card's */
  base: string;
  spectra: string;
  rawJson: string;
}

/** Where a report's pages live on the site (all paths absolute, ending in `/` for pages). */
export function reportPaths(slug: string, sha: string | null): ReportPaths {
  const card = `/${slug}/`;
  const base = sha ? `${card}@${sanitizePathSegment(sha)}/` : card;
  return { card, base, spectra: `${base}spectra/`, rawJson: `${base}report.json` };
}
