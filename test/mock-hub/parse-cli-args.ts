import { MockHubError } from "./mock-hub-error.ts";
import type { MockHubOptions } from "./types.ts";

export const CLI_USAGE = `usage: npm run hub -- [--port P] [--dir D] [--repo org/name=path]... [--lfs-threshold BYTES] [--signature-ttl-ms MS] [--tree-page-size N]
  --port P               127.0.0.1 port to listen on (default 0: any free port)
  --dir D                serve every D/org/name/ folder as org/name, and D/name/ holding files as name
  --repo org/name=path   serve the folder path as org/name (repeatable)
  --lfs-threshold BYTES  files larger than this redirect to the CDN (default 10240)
  --signature-ttl-ms MS  lifetime of signed CDN URLs (default 3600000)
  --tree-page-size N     tree entries per page (default 1000)`;

function integer(flag: string, text: string | undefined, min: number): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new MockHubError("BadArgs", `${flag} needs an integer >= ${min}, got ${JSON.stringify(text ?? null)}`);
  }
  return value;
}

/** Options for createMockHub from `npm run hub -- …` arguments; `null` for --help. */
export function parseCliArgs(argv: string[]): MockHubOptions | null {
  const options: MockHubOptions = {};
  const repos: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") return null;
    if (flag === "--port") options.port = integer(flag, value, 0);
    else if (flag === "--lfs-threshold") options.lfsThreshold = integer(flag, value, 0);
    else if (flag === "--signature-ttl-ms") options.signatureTtlMs = integer(flag, value, 0);
    else if (flag === "--tree-page-size") options.treePageSize = integer(flag, value, 1);
    else if (flag === "--dir") {
      if (value === undefined || value.startsWith("--")) throw new MockHubError("BadArgs", "--dir needs a folder");
      options.dir = value;
    } else if (flag === "--repo") {
      const eq = value?.indexOf("=") ?? -1;
      if (value === undefined || eq <= 0 || eq === value.length - 1) throw new MockHubError("BadArgs", `--repo needs org/name=path, got ${JSON.stringify(value ?? null)}`);
      repos[value.slice(0, eq)] = value.slice(eq + 1);
    } else {
      throw new MockHubError("BadArgs", `unknown argument ${JSON.stringify(flag)}`);
    }
    i += 1;
  }
  if (options.port !== undefined && options.port > 65535) throw new MockHubError("BadArgs", `--port must be at most 65535, got ${options.port}`);
  if (Object.keys(repos).length > 0) options.repos = repos;
  if (options.dir === undefined && options.repos === undefined) throw new MockHubError("BadArgs", "give --dir, --repo, or both");
  return options;
}
