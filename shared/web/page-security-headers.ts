/**
 * The headers every page of the site carries: from Workers assets (the `_headers` file the build
 * writes) and from the Worker for the pages it serves itself (the live card, the 404 page), so
 * both say the same. The policy allows what the built pages use and nothing more:
 * - scripts and stylesheets are the build's own files; Astro is told never to inline them
 *   (astro.config.mjs), so no inline script or `<style>` needs an exception;
 * - `style` attributes are allowed (`style-src-attr`): the cards' plots and bars set colours and
 *   widths in them. An attribute can neither run script nor hold selectors, and any `url()` in one
 *   is still bound by `img-src`;
 * - images are the site's own and the badge previews, which are `data:` SVGs;
 * - the API is the page's own origin, or the build's `--service` when the site is hosted apart;
 * - nothing may frame a page (clickjacking), change its base URL, or take its forms elsewhere.
 */
export function pageSecurityHeaders(service = ""): Record<string, string> {
  const api = service === "" ? "'self'" : `'self' ${new URL(service).origin}`;
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    "Content-Security-Policy": policy.join("; "),
    "X-Content-Type-Options": "nosniff",
    // links out (the Hub, GitHub) learn only this site's origin; the paths name public models anyway
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}
