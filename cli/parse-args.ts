export class UsageError extends Error {
  readonly code = "USAGE";
}

export const USAGE = `heavytail — how well trained is a network, from its weights alone

Usage:
  heavytail analyze <path | org/name | https://huggingface.co/org/name> [options]
      --revision R          Hub branch, tag or commit (default: main)
      --file NAME           the weight file to analyse when the model has several (e.g. one GGUF quantization)
      --format table|json|csv   what to print (default: table)
      --out FILE            write the output to FILE instead of stdout
      --randomize           also analyse each matrix with its elements shuffled (correlation traps; doubles the cost)
      --seed N              seed of the randomization (default: 0)
      --engine wasm|js      eigensolver (default: wasm when built, else js)
  heavytail trends <csv>    regress accuracy on model-level metrics per series (the paper's Table 1)
  heavytail --help | --version

Hub models use HF_ENDPOINT (default https://huggingface.co) and HF_TOKEN, like the Python client.`;

export interface AnalyzeArgs {
  command: "analyze";
  target: string;
  revision: string;
  /** the weight file, when the model holds several */
  file: string | null;
  format: "table" | "json" | "csv";
  out: string | null;
  randomize: boolean;
  seed: number;
  engine: "wasm" | "js" | null;
}

export interface TrendsArgs {
  command: "trends";
  csv: string;
  format: "table" | "json";
}

export type CliArgs = AnalyzeArgs | TrendsArgs | { command: "help" } | { command: "version" };

/** Parses argv (without node and the script). Throws UsageError with a message a person can act on. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v" || command === "version") return { command: "version" };
  const known = command === "analyze" ? ["revision", "file", "format", "out", "randomize", "seed", "engine", "help"] : ["format", "help"];
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name} for '${command}'`);
    if (name === "randomize" || name === "help") flags.set(name, true);
    else {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  if (flags.has("help")) return { command: "help" };

  if (command === "analyze") {
    if (positional.length !== 1) throw new UsageError("analyze takes one model: a path, an org/name id or a huggingface.co URL");
    const format = (flags.get("format") ?? "table") as string;
    if (!["table", "json", "csv"].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
    const seedText = (flags.get("seed") ?? "0") as string;
    const seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be an integer from 0 to 4294967295, not '${seedText}'`);
    const engine = (flags.get("engine") ?? null) as string | null;
    if (engine !== null && engine !== "wasm" && engine !== "js") throw new UsageError(`--engine must be wasm or js, not '${engine}'`);
    return {
      command,
      target: positional[0],
      revision: (flags.get("revision") ?? "main") as string,
      file: (flags.get("file") ?? null) as string | null,
      format: format as AnalyzeArgs["format"],
      out: (flags.get("out") ?? null) as string | null,
      randomize: flags.get("randomize") === true,
      seed,
      engine,
    };
  }
  if (command === "trends") {
    if (positional.length !== 1) throw new UsageError("trends takes one CSV file");
    const format = (flags.get("format") ?? "table") as string;
    if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, not '${format}'`);
    return { command, csv: positional[0], format };
  }
  throw new UsageError(`unknown command '${command}' (try --help)`);
}
