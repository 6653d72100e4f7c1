import { parseArgs, USAGE, UsageError } from "./parse-args.ts";
import { VERSION } from "./version.ts";

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (args.command === "version") {
    process.stdout.write(`heavytail ${VERSION}\n`);
    return 0;
  }
  const { runCommand } = await import("./run-command.ts");
  await runCommand(args);
  return 0;
}
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError;
    process.stderr.write(`heavytail: ${message}${usage ? "\n(heavytail --help shows the usage)" : ""}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
