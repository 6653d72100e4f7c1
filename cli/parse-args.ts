import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";
import { parseMemorySize } from "./parse-memory-size.ts";
import { HeavytailError } from "#shared/errors";

/** A command line heavytail cannot run: the message says what to change. */
export class UsageError extends HeavytailError {
  declare readonly code: "usage";
  constructor(message: string) {
    super("usage", 400, message);
    this.name = "UsageError";
  }
}

export const USAGE = `heavytail — how well trained is a network, from its weights alone

Usage:
  heavytail analyze <path | org/name | https://huggingface.co/org/name> [options]
      --revision R          Hub branch, tag or commit (default: main)
      --file NAME           the weight file to analyse when the model has several (e.g. one GGUF quantization)
      --base B              delta analysis: each layer's spectrum is of W − W_base against the base
                            model B (a path, or org/name[@revision], pinned to its commit); layers
                            the base lacks or has in another shape are listed as skipped
      --peft adapter|with_base  a LoRA adapter: its lora_BA products alone (adapter, the default,
                            the reference's peft=True), or also each W + B·A (lora_W_plus_AB)
                            against its base (with_base): the adapter config's
                            base_model_name_or_path, or --base B, pinned to its commit
      --format table|json|csv   what to print (default: table)
      --out FILE            write the output to FILE instead of stdout
      --randomize           also analyse each matrix with its elements shuffled (correlation traps; doubles the cost)
      --seed N              seed of the randomization (default: 0)
      --engine wasm|js      eigensolver (default: wasm when built, else js)
      --threads N           layers analysed at once, each on a worker thread of its own
                            (default: one per core; 1: one at a time, in the main thread)
      --max-memory SIZE     memory the layers in flight may take together, e.g. 6G
                            (default: half the machine's memory; see Memory below)
  heavytail trends <csv>    regress accuracy on model-level metrics per series (the paper's Table 1)
  heavytail --help | --version

Memory: a layer in flight holds twice its float64 Grams (2·8·rf·min(rows, cols)² bytes), its
values when they take up to 256 MiB (4 bytes each; always with --randomize) and up to ~150 MiB of
buffers. Layers start in order while their estimates fit in --max-memory together (a larger one
runs alone), so at most --threads are held at once; each worker thread adds ~50 MiB of its own.
The report is the same, byte for byte, whatever --threads and --max-memory are.

Hub models use HF_ENDPOINT (default https://huggingface.co) and HF_TOKEN, like the Python client.`;

export interface AnalyzeArgs {
  command: "analyze";
  target: string;
  revision: string;
  /** the weight file, when the model holds several */
  file: string | null;
  /** the base of a delta analysis (`--base`): a path, or a Hub id with an optional @revision */
  base: string | null;
  /** a LoRA adapter alone (`adapter`, the default) or with its base's W + B·A (`with_base`) */
  peft: "adapter" | "with_base";
  format: "table" | "json" | "csv";
  out: string | null;
  randomize: boolean;
  seed: number;
  engine: "wasm" | "js" | null;
  /** worker threads (null: one per core) */
  threads: number | null;
  /** bytes the layers in flight may take together (null: half the machine's memory) */
  maxMemory: number | null;
}

export interface TrendsArgs {
  command: "trends";
  csv: string;
  format: "table" | "json";
}

export type CliArgs = AnalyzeArgs | TrendsArgs | { command: "help" } | { command: "version" };

const STRING = { type: "string" } as const;
const FLAG = { type: "boolean" } as const;
// each command's options, as node:util's parseArgs reads them
const OPTIONS: Record<"analyze" | "trends", NonNullable<ParseArgsConfig["options"]>> = {
  analyze: { revision: STRING, file: STRING, base: STRING, peft: STRING, format: STRING, out: STRING, randomize: FLAG, seed: STRING, engine: STRING, threads: STRING, "max-memory": STRING, help: FLAG },
  trends: { format: STRING, help: FLAG },
};

/** node:util's refusals of a command line, in the words of this CLI's other messages. */
function usageFrom(error: unknown, command: string): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(--?[^' <]+)/.exec(message ?? "")?.[1] ?? "an option";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(`unknown option ${option} for '${command}'`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message ?? "")) return new UsageError(`${option} takes no value`);
    if (/ambiguous/.test(message ?? "")) return new UsageError(`${option} needs a value (one starting with '-' is written ${option}=-…)`);
    return new UsageError(`${option} needs a value`);
  }
  return new UsageError(message ?? String(error));
}

function readOptions(command: keyof typeof OPTIONS, args: readonly string[]) {
  try {
    return parseNodeArgs({ args: [...args], options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFrom(error, command);
  }
}

/** Parses argv (without node and the script). Throws UsageError with a message a person can act on. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v" || command === "version") return { command: "version" };
  if (command !== "analyze" && command !== "trends") throw new UsageError(`unknown command '${command}' (try --help)`);
  const { values, positionals: positional } = readOptions(command, rest);
  const flags = new Map(Object.entries(values).filter((e): e is [string, string | true] => e[1] !== undefined && e[1] !== false));
  if (flags.has("help")) return { command: "help" };

  if (command === "analyze") {
    if (positional.length !== 1) throw new UsageError("analyze takes one model: a path, an org/name id or a huggingface.co URL");
    const format = (flags.get("format") ?? "table") as string;
    if (!["table", "json", "csv"].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
    const seedText = (flags.get("seed") ?? "0") as string;
    const seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be an integer from 0 to 4294967295, not '${seedText}'`);
    const peft = (flags.get("peft") ?? "adapter") as string;
    if (peft !== "adapter" && peft !== "with_base") throw new UsageError(`--peft must be adapter or with_base, not '${peft}'`);
    const engine = (flags.get("engine") ?? null) as string | null;
    if (engine !== null && engine !== "wasm" && engine !== "js") throw new UsageError(`--engine must be wasm or js, not '${engine}'`);
    const threadsText = flags.get("threads") as string | undefined;
    const threads = threadsText === undefined ? null : Number(threadsText);
    if (threads !== null && !(/^\d+$/.test(threadsText!) && threads >= 1 && threads <= 1024)) {
      throw new UsageError(`--threads must be an integer from 1 to 1024, not '${threadsText}'`);
    }
    const memoryText = flags.get("max-memory") as string | undefined;
    const maxMemory = memoryText === undefined ? null : parseMemorySize(memoryText);
    if (memoryText !== undefined && maxMemory === null) throw new UsageError(`--max-memory must be a size such as 6G, 512M or a number of bytes, not '${memoryText}'`);
    return {
      command,
      target: positional[0],
      revision: (flags.get("revision") ?? "main") as string,
      file: (flags.get("file") ?? null) as string | null,
      base: (flags.get("base") ?? null) as string | null,
      peft,
      format: format as AnalyzeArgs["format"],
      out: (flags.get("out") ?? null) as string | null,
      randomize: flags.get("randomize") === true,
      seed,
      engine,
      threads,
      maxMemory,
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
