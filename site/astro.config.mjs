// The static report site. Build it with `npm run site:build -- --from <url|folder>` (site/build.ts),
// which passes the reports and settings in; `astro build` on its own has no data to render.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  trailingSlash: "ignore",
  build: { format: "directory", inlineStylesheets: "never" },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Astro's image service is not used: every picture is SVG drawn at build time
  image: { service: { entrypoint: "astro/assets/services/noop" } },
  // Astro inlines scripts (and Vite assets) below this size; the pages' Content-Security-Policy
  // (shared/web/page-security-headers.ts) allows only the site's own files, so nothing is inlined
  vite: { build: { assetsInlineLimit: 0 } },
});
