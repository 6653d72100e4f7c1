/// <reference types="astro/client" />

declare module "virtual:heavytail/site-config" {
  const config: import("./lib/site-config.ts").SiteConfig;
  export default config;
}

// The local analysis's folder picker: browsers take `webkitdirectory` on a file input, Astro's JSX types do not list it.
declare namespace astroHTML.JSX {
  interface InputHTMLAttributes {
    webkitdirectory?: boolean | string | undefined | null;
  }
}
