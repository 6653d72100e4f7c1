import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** exit status and output of a command run from the repo root; a failing run is an answer, not an error */
async function exitOf(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    return { code: 0, stdout: (await run(process.execPath, args, { cwd: root })).stdout };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "" };
  }
}

/**
 * Writes offending modules into a scratch folder under `parent` (shared/, where most walls apply),
 * runs `check` on them, and removes them whatever happens: other engineers' typechecks see the
 * folder only for the seconds the checks take.
 */
async function withProbes<T>(files: Record<string, string>, check: (folder: string) => Promise<T>, parent = "shared"): Promise<T> {
  const folder = `${parent}/walls-probe-${process.pid}-${Date.now()}`;
  mkdirSync(join(root, folder));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, folder, name), text);
    return await check(folder);
  } finally {
    rmSync(join(root, folder), { recursive: true, force: true });
  }
}

const PROBES = {
  "uses-node.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
  "uses-functions.ts": 'import { etagMatches } from "../../functions/http/etag-matches.ts";\nexport const matches = etagMatches;\n',
  "cycle-a.ts": 'import { b } from "./cycle-b.ts";\nexport const a = () => b;\n',
  "cycle-b.ts": 'import { a } from "./cycle-a.ts";\nexport const b = () => a;\n',
  "uses-face.ts": 'import { redactUrl } from "#shared/hub";\nexport const shown = redactUrl;\n',
  "clean.ts": 'import { redactUrl } from "../hub/redact-url.ts";\nexport const shown = redactUrl;\n',
};

/** modules outside shared/ (in functions/): one that reaches past a face into a file, one that goes through it */
const FRONT_END_PROBES = {
  "past-face.ts": 'import { redactUrl } from "../../shared/hub/redact-url.ts";\nexport const shown = redactUrl;\n',
  "clean.ts": 'import { redactUrl } from "#shared/hub";\nexport const shown = redactUrl;\n',
};

/** runs the walls' dependency-cruiser on the probes in `folder` */
async function cruise(folder: string, names: string[]): Promise<{ code: number; output: string }> {
  // the reporter `npm run walls` uses: its exit status is the number of errors
  const result = await exitOf(["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", "--config", ".dependency-cruiser.cjs", ...names.map((name) => `${folder}/${name}`)]);
  return { code: result.code, output: result.stdout.replaceAll(folder, "~") };
}

describe("the walls around shared/ fail the build", () => {
  it("dependency-cruiser fails on each offending import, naming the rule it breaks, and passes the clean module", async () => {
    const { code, output } = await withProbes(PROBES, (folder) => cruise(folder, Object.keys(PROBES)));
    expect(output).toContain("error shared-no-node: ~/uses-node.ts → fs\n");
    expect(output).toContain("error shared-no-apps: ~/uses-functions.ts → functions/http/etag-matches.ts\n");
    expect(output).toMatch(/error shared-no-circular: ~\/cycle-[ab]\.ts → \n/);
    expect(output).toContain("error shared-no-faces: ~/uses-face.ts → shared/hub/index.ts\n");
    expect(output).not.toContain("clean.ts");
    expect(code).toBe(4);
  });

  it("outside shared/, an import past a module's face into one of its files fails, and one through the face passes", async () => {
    const { code, output } = await withProbes(FRONT_END_PROBES, (folder) => cruise(folder, Object.keys(FRONT_END_PROBES)), "functions");
    expect(output).toContain("error through-faces: ~/past-face.ts → shared/hub/redact-url.ts\n");
    expect(output).not.toContain("clean.ts");
    expect(code).toBe(1);
  });

  it("shared/tsconfig.json knows no Node types: a node: import does not compile", async () => {
    const probes = { "uses-node.ts": `${PROBES["uses-node.ts"]}export const cwd = process.cwd();\n`, "clean.ts": PROBES["clean.ts"] };
    const { code, output } = await withProbes(probes, async (folder) => {
      const tsconfig = { extends: "../tsconfig.json", include: [], files: ["./uses-node.ts", "./clean.ts", "../web-standard-globals.d.ts"] };
      writeFileSync(join(root, folder, "tsconfig.json"), JSON.stringify(tsconfig));
      const result = await exitOf(["node_modules/typescript/bin/tsc", "--noEmit", "-p", `${folder}/tsconfig.json`]);
      return { code: result.code, output: result.stdout.replaceAll(folder, "~") };
    });
    expect(output).toContain("~/uses-node.ts(1,30): error TS2307: Cannot find module 'node:fs'");
    expect(output).toContain("~/uses-node.ts(3,20): error TS2591: Cannot find name 'process'");
    expect(output).not.toContain("clean.ts");
    expect(code).not.toBe(0);
  });
});
