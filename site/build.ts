// Builds the static report site: `npm run site:build -- --from <service URL | folder> [options]`
// (see USAGE in builder/parse-build-args.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "astro";
import { acceptReports } from "./builder/accept-reports.ts";
import { SiteBuildError } from "./builder/build-error.ts";
import { fetchServiceReports } from "./builder/fetch-service-reports.ts";
import { headersFile } from "./builder/headers-file.ts";
import { parseBuildArgs } from "./builder/parse-build-args.ts";
import { publishRawReports } from "./builder/publish-raw-reports.ts";
import { readReportFolder } from "./builder/read-report-folder.ts";
import { siteConfigPlugin } from "./builder/site-config-plugin.ts";
import { stageSiteData } from "./builder/stage-site-data.ts";
import { groupReports } from "./src/lib/group-reports.ts";
import { parseAccuraciesCsv } from "./src/lib/parse-accuracies-csv.ts";

async function main(argv: string[]): Promise<void> {
  const siteDir = import.meta.dirname;
  const options = parseBuildArgs(argv, process.cwd(), {
    out: join(siteDir, "dist"),
    accuracies: join(siteDir, "data", "accuracies.csv"),
  });
  const inputs =
    options.from.kind === "folder" ? readReportFolder(options.from.path) : await fetchServiceReports(options.from.url);
  const { accepted, rejected } = acceptReports(inputs);
  for (const { source, errors } of rejected) {
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : "";
    console.warn(`site:build: left out ${source}: ${errors.slice(0, 5).join("; ")}${more}`);
  }
  let accuracies;
  try {
    accuracies = parseAccuraciesCsv(readFileSync(options.accuracies, "utf8"), options.accuracies);
  } catch (error) {
    throw new SiteBuildError("ACCURACIES", (error as Error).message);
  }

  const dataDir = mkdtempSync(join(tmpdir(), "heavytail-site-"));
  const workDir = mkdtempSync(join(siteDir, ".build-"));
  const cwd = process.cwd();
  try {
    const index = stageSiteData(accepted, accuracies, dataDir);
    // Astro would otherwise try to send usage data over the network
    process.env.ASTRO_TELEMETRY_DISABLED = "1";
    // Astro bundles the pages it prerenders into ./.astro/ of the working directory when the
    // output folder lies outside it; concurrent builds (tests) would share and overwrite that
    // folder, so each build works from its own, inside the project so the bundle finds node_modules
    process.chdir(workDir);
    await build({
      root: siteDir,
      outDir: options.out,
      site: options.siteUrl,
      logLevel: "warn",
      // caches in the staging folder: concurrent builds (tests) must not share them
      cacheDir: join(dataDir, "astro-cache"),
      vite: {
        cacheDir: join(dataDir, "vite-cache"),
        plugins: [
          siteConfigPlugin({
            dataDir,
            siteUrl: options.siteUrl,
            serviceBase: options.serviceBase,
            exampleModel: options.exampleModel,
            builtAt: new Date().toISOString(),
            source: options.from.kind === "folder" ? "an exported folder of reports" : `the service at ${options.from.url}`,
          }),
        ],
      },
    });
    const published = publishRawReports(index, dataDir, options.out);
    writeFileSync(join(options.out, "_headers"), headersFile(options.serviceBase));
    const models = groupReports(index.reports).length;
    console.log(
      `site:build: ${models} models, ${published} reports (${rejected.length} left out) → ${options.out}`,
    );
  } finally {
    process.chdir(cwd);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SiteBuildError) console.error(`site:build: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
