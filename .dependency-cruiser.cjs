// The walls of docs/architecture.md ("Walls"), checked by `npm run typecheck` (npm run -s walls).
// shared/ runs unchanged in Workers, Node and the browser, so its product code (its tests are exempt:
// they run under vitest in Node or workerd) reaches no platform, framework or app; the two apps stay
// apart; shared/ has no cycles, so no module imports one that depends on it; and everything outside
// shared/ reaches it through its modules' faces (shared/<module>/index.ts, imported as #shared/<module>),
// which shared/ itself never imports: its files import files, so the faces add no cycle.
const sharedProduct = { path: "^shared/", pathNot: "\\.test\\.ts$" };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "shared-no-node",
      comment: "shared/ uses no Node built-in (node:fs, node:path, ..., not even for types): byte sources are passed in",
      severity: "error",
      from: sharedProduct,
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "shared-no-workers",
      comment: "shared/ uses no Worker runtime module (cloudflare:*): bindings stay in functions/",
      severity: "error",
      from: sharedProduct,
      to: { path: "^cloudflare:" },
    },
    {
      name: "shared-no-frameworks",
      comment: "shared/ imports no test runner, site framework or Worker tooling (test kits live in test/helpers/)",
      severity: "error",
      from: sharedProduct,
      to: { path: "^node_modules/(vitest|@vitest|astro|@astrojs|playwright-core|@cloudflare|wrangler|miniflare)/" },
    },
    {
      name: "shared-no-apps",
      comment: "functions/, site/ and the CLI import shared/, never the other way round; nor does shared/ reach tests, benchmarks or scripts",
      severity: "error",
      from: sharedProduct,
      to: { path: "^(functions|site|cli|test|bench|scripts)/" },
    },
    {
      name: "functions-not-site",
      comment: "the Workers and the static site share code only through shared/ (a test may hold one against the other)",
      severity: "error",
      from: { path: "^functions/", pathNot: "\\.test\\.ts$" },
      to: { path: "^site/" },
    },
    {
      name: "site-not-functions",
      comment: "the Workers and the static site share code only through shared/",
      severity: "error",
      from: { path: "^site/", pathNot: "\\.test\\.ts$" },
      to: { path: "^functions/" },
    },
    {
      name: "through-faces",
      comment: "outside shared/, a module of shared/ is imported through its face (#shared/<module>), never one of its files",
      severity: "error",
      from: { path: "^(functions|site|cli|test|bench|scripts)/" },
      to: { path: "^shared/", pathNot: "^shared/[^/]+/index\\.ts$" },
    },
    {
      name: "shared-no-faces",
      comment: "inside shared/, files import files: a face is for the front ends, and importing one would tie its whole module into a cycle",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^shared/[^/]+/index\\.ts$" },
    },
    {
      name: "shared-no-circular",
      comment: "a module in shared/ imports none that (through any chain) imports it back",
      severity: "error",
      from: { path: "^shared/" },
      to: { circular: true, path: "^shared/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(site/dist|site/\\.astro|shared/linalg/wasm/assembly)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
