import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isHubId } from "#shared/lineage";
import { SiteBuildError } from "./build-error.ts";

export interface BuildOptions {
  /** where the reports come from: the service's origin, or a folder of report JSON files */
  from: { kind: "service"; url: string } | { kind: "folder"; path: string };
  /** the folder the static site is written to */
  out: string;
  /** the public origin of the site, for links people copy (badge snippets) */
  siteUrl: string;
  /** the service the analyse box and badge images talk to; "" means the site's own origin */
  serviceBase: string;
  /** the model id the analyse box shows as its example */
  exampleModel: string;
  /** the curated accuracies CSV for the trends page */
  accuracies: string;
}

export const USAGE = `usage: npm run site:build -- --from <service URL | folder> [options]

  --from <url|folder>   the service (GET {url}/api/reports and /api/derived-reports) or a folder of report JSON files
  --out <folder>        where to write the site (default site/dist)
  --site <origin>       public origin used in copy-ready badge snippets
                        (default: the --from URL's origin, else http://127.0.0.1:8787)
  --service <url>       service for the analyse box and badge images (default: same origin)
  --example <org/name>  the model the analyse box offers as an example (default openai-community/gpt2)
  --accuracies <csv>    curated accuracies for the trends page (default site/data/accuracies.csv)`;

const httpUrl = (value: string, flag: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteBuildError("BUILD_ARGS", `${flag}: '${value}' is not a URL\n\n${USAGE}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SiteBuildError("BUILD_ARGS", `${flag}: only http and https URLs, got '${value}'`);
  }
  return url.href.replace(/\/+$/, "");
};

const exampleModel = (id: string): string => {
  if (!isHubId(id)) throw new SiteBuildError("BUILD_ARGS", `--example: '${id}' is not a Hub model id`);
  return id;
};

const OPTIONS = Object.fromEntries(["from", "out", "site", "service", "accuracies", "example"].map((name) => [name, { type: "string" as const }]));

/** Reads the build's command line (`--flag value` or `--flag=value`); paths resolve against `cwd`. */
export function parseBuildArgs(argv: readonly string[], cwd: string, defaults: { out: string; accuracies: string }): BuildOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const { code, message = "" } = error as { code?: string; message?: string };
    const flag = /'(--?[^' <]+)/.exec(message)?.[1] ?? message;
    const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";
    throw new SiteBuildError("BUILD_ARGS", `${unknown ? `unknown argument '${flag}'` : `${flag} needs a value`}\n\n${USAGE}`);
  }
  const empty = Object.entries(parsed).find(([, value]) => value === "");
  if (empty) throw new SiteBuildError("BUILD_ARGS", `--${empty[0]} needs a value\n\n${USAGE}`);
  const values = new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  const fromArg = values.get("from");
  if (!fromArg) throw new SiteBuildError("BUILD_ARGS", `--from is required\n\n${USAGE}`);
  const from: BuildOptions["from"] = /^https?:\/\//i.test(fromArg)
    ? { kind: "service", url: httpUrl(fromArg, "--from") }
    : { kind: "folder", path: resolve(cwd, fromArg) };
  const site = values.get("site");
  return {
    from,
    out: resolve(cwd, values.get("out") ?? defaults.out),
    siteUrl: site ? new URL(httpUrl(site, "--site")).origin : from.kind === "service" ? new URL(from.url).origin : "http://127.0.0.1:8787",
    serviceBase: values.has("service") ? httpUrl(values.get("service")!, "--service") : "",
    exampleModel: exampleModel(values.get("example") ?? "openai-community/gpt2"),
    accuracies: resolve(cwd, values.get("accuracies") ?? defaults.accuracies),
  };
}
