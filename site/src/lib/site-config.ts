/** The build's settings, as the pages receive them (see site/builder/site-config-plugin.ts). */
export interface SiteConfig {
  /** the staged data folder: index.json and reports/ */
  dataDir: string;
  /** public origin of the site, for copy-ready links */
  siteUrl: string;
  /** the service the analyse box and live badges use; "" is the site's own origin */
  serviceBase: string;
  /** the model the analyse box offers as its example */
  exampleModel: string;
  /** when the site was built (ISO) */
  builtAt: string;
  /** where the reports came from, in words */
  source: string;
}
