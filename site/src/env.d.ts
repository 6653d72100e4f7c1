/// <reference types="astro/client" />

declare module "virtual:heavytail/site-config" {
  const config: import("./lib/site-config.ts").SiteConfig;
  export default config;
}
