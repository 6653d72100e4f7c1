import { parseArgs } from "node:util";
import { MockHubError } from "./mock-hub-error.ts";
import type { MockHubOptions } from "./types.ts";

export const CLI_USAGE = `usage: npm run hub -- [--port P] [--dir D] [--repo org/name=path]... [--lfs-threshold BYTES] [--signature-ttl-ms MS] [--tree-page-size N]
  --port P               127.0.0.1 port to listen on (default 0: any free port)
  --dir D                serve every D/org/name/ folder as org/name, and D/name/ holding files as name
  --repo org/name=path   serve the folder path as org/name (repeatable)
  --lfs-threshold BYTES  files larger than this redirect to the CDN (default 10240)
  --signature-ttl-ms MS  lifetime of signed CDN URLs (default 3600000)
  --tree-page-size N     tree entries per page (default 1000)`;

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new MockHubError("BadArgs", `${flag} needs an integer >= ${min}, got ${JSON.stringify(text)}`);
  }
  return value;
}

const OPTIONS = {
  port: { type: "string" },
  dir: { type: "string" },
  repo: { type: "string", multiple: true },
  "lfs-threshold": { type: "string" },
  "signature-ttl-ms": { type: "string" },
  "tree-page-size": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** node:util's refusals, in this command's words. */
function badArgs(error: unknown): MockHubError {
  const { code, message = "" } = error as { code?: string; message?: string };
  const flag = /'(--?[^' <]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new MockHubError("BadArgs", `unknown argument ${JSON.stringify(flag || message)}`);
  if (flag === "--dir") return new MockHubError("BadArgs", "--dir needs a folder");
  if (flag === "--repo") return new MockHubError("BadArgs", "--repo needs org/name=path, got null");
  return new MockHubError("BadArgs", `${flag} needs a value`);
}

/** Options for createMockHub from `npm run hub -- …` arguments; `null` for --help. */
export function parseCliArgs(argv: string[]): MockHubOptions | null {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw badArgs(error);
  }
  if (values.help) return null;
  const options: MockHubOptions = {
    ...(values.port !== undefined && { port: integer("--port", values.port, 0) }),
    ...(values["lfs-threshold"] !== undefined && { lfsThreshold: integer("--lfs-threshold", values["lfs-threshold"], 0) }),
    ...(values["signature-ttl-ms"] !== undefined && { signatureTtlMs: integer("--signature-ttl-ms", values["signature-ttl-ms"], 0) }),
    ...(values["tree-page-size"] !== undefined && { treePageSize: integer("--tree-page-size", values["tree-page-size"], 1) }),
    ...(values.dir !== undefined && { dir: values.dir }),
  };
  const repos: Record<string, string> = {};
  for (const value of values.repo ?? []) {
    const eq = value.indexOf("=");
    if (eq <= 0 || eq === value.length - 1) throw new MockHubError("BadArgs", `--repo needs org/name=path, got ${JSON.stringify(value)}`);
    repos[value.slice(0, eq)] = value.slice(eq + 1);
  }
  if (options.port !== undefined && options.port > 65535) throw new MockHubError("BadArgs", `--port must be at most 65535, got ${options.port}`);
  if (Object.keys(repos).length > 0) options.repos = repos;
  if (options.dir === undefined && options.repos === undefined) throw new MockHubError("BadArgs", "give --dir, --repo, or both");
  return options;
}
