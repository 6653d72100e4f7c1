import { pageSecurityHeaders } from "#shared/web";

// JSON, errors, event streams, redirects: nothing in them is ever to be run, styled or framed
const NOTHING = "default-src 'none'; frame-ancestors 'none'";
// A badge draws with presentation attributes only (shared/badge/render-badge-svg.ts), so it needs
// no styles either. No frame-ancestors: READMEs embed it with <img> (where no policy applies), some
// with <object> so that its link works, which frame-ancestors would refuse.
const BADGE = "default-src 'none'";

/**
 * The security headers of one of the Worker's answers, by its content type: on HTML (the live card
 * and the 404 page) the site's own, as Workers assets send them from the site's `_headers`; on
 * anything else the same nosniff and referrer policy with a policy that allows next to nothing.
 */
export function securityHeadersFor(contentType: string | null): Record<string, string> {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  const page = pageSecurityHeaders();
  if (type === "text/html") return page;
  return { ...page, "Content-Security-Policy": type === "image/svg+xml" ? BADGE : NOTHING };
}
