// The commands' work, loaded by heavytail.ts only once the arguments ask for it, so --help and
// --version answer without loading the engine and the readers.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { analyzeModel, type AnalysisProgress } from "#shared/analyze";
import { parseTrendsCsv, regressSeries } from "#shared/trends";
import { chooseEngine } from "./choose-engine.ts";
import { createLayerPool } from "./create-layer-pool.ts";
import { defaultMemoryBudget } from "./default-memory-budget.ts";
import { formatReportCsv } from "./format-report-csv.ts";
import { formatReportTable } from "./format-report-table.ts";
import { formatTrendsTable } from "./format-trends-table.ts";
import { openHubModel } from "./open-hub-model.ts";
import { openLocalModel } from "./open-local-model.ts";
import { UsageError, type AnalyzeArgs, type TrendsArgs } from "./parse-args.ts";
import { progressLine } from "./progress-line.ts";
import { looksLikeLocalPath } from "./looks-like-local-path.ts";
import { openBaseModel } from "./open-base-model.ts";

async function analyze(args: AnalyzeArgs): Promise<string> {
  const options = { file: args.file ?? undefined };
  const onDisk = existsSync(args.target);
  if (!onDisk && looksLikeLocalPath(args.target)) {
    throw new UsageError(`${args.target}: no such file or folder (a Hub model is named org/name or by its huggingface.co URL)`);
  }
  const hub = { endpoint: process.env.HF_ENDPOINT || "https://huggingface.co", token: process.env.HF_TOKEN || undefined };
  const opened = onDisk ? openLocalModel(args.target, options) : await openHubModel(args.target, args.revision, hub, options);
  // --peft with_base: the adapter's base, --base or else the one its adapter_config.json names
  const baseTarget = args.base ?? (args.peft === "with_base" ? adapterBase(opened.description.adapter?.base_model_name_or_path, args.target) : null);
  const base = baseTarget === null ? undefined : await openBaseModel(baseTarget, hub);
  const engine = await chooseEngine(args.engine);
  const started = Date.now();
  const showProgress = process.stderr.isTTY === true;
  const onProgress = (p: AnalysisProgress) => {
    if (showProgress) process.stderr.write(`\r\x1b[2K${progressLine(p, (Date.now() - started) / 1000)}`);
  };
  const threads = args.threads ?? os.availableParallelism();
  // one thread analyses in this one, as before the pool; more hand layers to worker threads
  const pool = threads > 1
    ? createLayerPool({
        threads,
        memoryBytes: args.maxMemory ?? defaultMemoryBudget(),
        location: opened.location,
        ...(base && { baseLocation: base.location }),
        module: engine.module ?? null,
      })
    : undefined;
  try {
    const report = await analyzeModel(opened.model, opened.description, {
      randomize: args.randomize,
      seed: args.seed,
      engine: engine.name,
      eigvalsh: engine.eigvalsh,
      grams: engine.grams,
      loraGrams: engine.loraGrams,
      onProgress,
      runner: pool,
      peft: args.peft,
      ...(base && {
        base: {
          model: base.model,
          description: { id: base.description.id, source: base.description.source, revision: base.description.revision, sha: base.description.sha },
        },
      }),
    });
    if (args.format === "json") return JSON.stringify(report, null, 2) + "\n";
    if (args.format === "csv") return formatReportCsv(report);
    return formatReportTable(report);
  } finally {
    if (showProgress) process.stderr.write("\r\x1b[2K");
    await pool?.close();
  }
}

function adapterBase(named: string | null | undefined, target: string): string {
  const id = named?.trim();
  if (!id) throw new UsageError(`--peft with_base: ${target} names no base (adapter_config.json has no base_model_name_or_path); give one with --base`);
  return id;
}

function trends(args: TrendsArgs): string {
  const fits = regressSeries(parseTrendsCsv(readFileSync(args.csv, "utf8"), args.csv));
  return args.format === "json" ? JSON.stringify(fits, null, 2) + "\n" : formatTrendsTable(fits);
}

/** Runs analyze or trends; writes the output to --out or stdout. */
export async function runCommand(args: AnalyzeArgs | TrendsArgs): Promise<void> {
  const output = args.command === "analyze" ? await analyze(args) : trends(args);
  if (args.command === "analyze" && args.out) writeFileSync(args.out, output);
  else process.stdout.write(output);
}
