// `npm run hub -- --port P --dir D [--repo org/name=path]...`: the mock Hub as a process, for demos
// and for tests of other processes (the Worker under wrangler dev, the CLI).
import { createMockHub } from "./create-mock-hub.ts";
import { CLI_USAGE, parseCliArgs } from "./parse-cli-args.ts";

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`mock hub: ${(error as Error).message}\n${CLI_USAGE}\n`);
    process.exit(2);
  }
  if (options === null) {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }
  const hub = await createMockHub(options);
  process.stdout.write(`mock hub listening on ${hub.url}\n`);
  const stop = (signal: string) => {
    hub.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`mock hub: closing on ${signal} failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: Error) => {
  process.stderr.write(`mock hub: ${error.message}\n`);
  process.exit(1);
});
