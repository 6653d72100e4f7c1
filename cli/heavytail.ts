#!/usr/bin/env -S npx tsx
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { analyzeModel, type AnalysisProgress } from "../shared/analyze/analyze-model.ts";
import { parseTrendsCsv } from "../shared/trends/parse-trends-csv.ts";
import { regressSeries } from "../shared/trends/regress-series.ts";
import { chooseEngine } from "./choose-engine.ts";
import { formatReportCsv } from "./format-report-csv.ts";
import { formatReportTable } from "./format-report-table.ts";
import { formatTrendsTable } from "./format-trends-table.ts";
import { openHubModel } from "./open-hub-model.ts";
import { openLocalModel } from "./open-local-model.ts";
import { parseArgs, USAGE, type AnalyzeArgs, type TrendsArgs } from "./parse-args.ts";
import { progressLine } from "./progress-line.ts";

async function analyze(args: AnalyzeArgs): Promise<string> {
  const opened = existsSync(args.target)
    ? openLocalModel(args.target)
    : await openHubModel(args.target, args.revision, {
        endpoint: process.env.HF_ENDPOINT || "https://huggingface.co",
        token: process.env.HF_TOKEN || undefined,
      });
  const engine = await chooseEngine(args.engine);
  const started = Date.now();
  const showProgress = process.stderr.isTTY === true;
  const onProgress = (p: AnalysisProgress) => {
    if (showProgress) process.stderr.write(`\r\x1b[2K${progressLine(p, (Date.now() - started) / 1000)}`);
  };
  const report = await analyzeModel(opened.model, opened.description, {
    randomize: args.randomize,
    seed: args.seed,
    engine: engine.name,
    eigvalsh: engine.eigvalsh,
    grams: engine.grams,
    onProgress,
  });
  if (showProgress) process.stderr.write("\r\x1b[2K");
  if (args.format === "json") return JSON.stringify(report, null, 2) + "\n";
  if (args.format === "csv") return formatReportCsv(report);
  return formatReportTable(report);
}

function trends(args: TrendsArgs): string {
  const fits = regressSeries(parseTrendsCsv(readFileSync(args.csv, "utf8"), args.csv));
  return args.format === "json" ? JSON.stringify(fits, null, 2) + "\n" : formatTrendsTable(fits);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const output = args.command === "analyze" ? await analyze(args) : trends(args);
  if (args.command === "analyze" && args.out) writeFileSync(args.out, output);
  else process.stdout.write(output);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const usage = (error as { code?: string }).code === "USAGE";
    process.stderr.write(`heavytail: ${message}${usage ? "\n(heavytail --help shows the usage)" : ""}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
