import type { SiteConfig } from "../src/lib/site-config.ts";

const ID = "virtual:heavytail/site-config";

/** A Vite plugin that hands the build's settings to the pages as `virtual:heavytail/site-config`. */
export function siteConfigPlugin(config: SiteConfig) {
  return {
    name: "heavytail-site-config",
    resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
    load: (id: string) => (id === `\0${ID}` ? `export default ${JSON.stringify(config)};` : undefined),
  };
}
