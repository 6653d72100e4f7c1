import { mkdir, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

/** The service's two Workers, in the order `wrangler dev` takes them (the first one answers HTTP). */
export const WORKER_CONFIGS = ["wrangler.toml", "wrangler.tasks.toml"] as const;

export interface WorkerConfigChanges {
  /** the static site to serve (default: the config's own, site/dist) */
  assets?: string;
  /** the REPORTS KV namespace's id on the account (the committed configs carry a name in its place) */
  kvNamespaceId?: string;
  /** a custom domain for the web Worker (a Cloudflare zone of the account) */
  domain?: string;
}

/**
 * The two Workers' configs, rewritten into `dir` with absolute paths and the changes asked for,
 * so a run or a deploy never edits the committed files. Returns the paths, web Worker first.
 */
export async function writeWorkerConfigs(root: string, dir: string, changes: WorkerConfigChanges = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  const paths: string[] = [];
  for (const name of WORKER_CONFIGS) {
    let text = (await readFile(join(root, name), "utf8"))
      .replace(/^main = "([^"]+)"$/m, (_, path: string) => `main = ${JSON.stringify(absolute(path))}`)
      .replace(/^directory = "([^"]+)"$/m, (_, path: string) => `directory = ${JSON.stringify(changes.assets ?? absolute(path))}`);
    if (changes.kvNamespaceId) text = text.replace(/^(binding = "REPORTS"\nid = )"[^"]*"$/m, `$1${JSON.stringify(changes.kvNamespaceId)}`);
    // top-level keys must come before the first table
    if (changes.domain && name === WORKER_CONFIGS[0]) {
      text = text.replace(/^(compatibility_flags = .*)$/m, `$1\nroutes = [{ pattern = ${JSON.stringify(changes.domain)}, custom_domain = true }]`);
    }
    const path = join(dir, name);
    await writeFile(path, text);
    paths.push(path);
  }
  return paths;
}

/**
 * A `.dev.vars` beside configs written by writeWorkerConfigs: `wrangler dev` gives `--var` and
 * `--env-file` to its first Worker only, but reads each config's own `.dev.vars`, so this is how
 * both Workers get the same Hub and settings.
 */
export async function writeDevVars(dir: string, vars: Record<string, string>): Promise<void> {
  const lines = Object.entries(vars).map(([k, v]) => {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(k) || /[\r\n]/.test(v)) throw new Error(`cannot pass ${JSON.stringify(k)} to wrangler dev`);
    return `${k}=${JSON.stringify(v)}\n`;
  });
  await writeFile(join(dir, ".dev.vars"), lines.join(""), { mode: 0o600 });
}
