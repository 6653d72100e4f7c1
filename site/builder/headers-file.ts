import { pageSecurityHeaders } from "#shared/web";

/**
 * The build's `_headers`: Workers static assets serve the site's files before the Worker runs, so
 * they, not the Worker, must attach the pages' security headers (Cloudflare Pages and Netlify
 * read the same file). Every file gets them: a policy on a script, stylesheet or JSON is harmless,
 * and the local analysis's worker script is held to the pages' own policy.
 */
export function headersFile(serviceBase: string): string {
  const lines = Object.entries(pageSecurityHeaders(serviceBase)).map(([name, value]) => `  ${name}: ${value}`);
  return ["# written by the site build (site/builder/headers-file.ts)", "/*", ...lines, ""].join("\n");
}
