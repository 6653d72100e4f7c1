import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Report, validateReport } from "#shared/report";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub } from "../mock-hub/types.ts";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;
const tesseract = join(root, "test/fixtures/tesseract_eng_lstm");
const ppocr = join(root, "test/fixtures/ppocrv4_rec");
const bundle = join(root, "build/heavytail.mjs");

// the CLI as it is installed: the bundle `npm run build:cli` writes (rebuilt here, so it is never stale)
beforeAll(async () => {
  await run(process.execPath, [join(root, "scripts/build-cli.mjs")], { cwd: root });
}, 60_000);

async function cli(args: string[], env: Record<string, string> = {}, at: { bundle?: string; cwd?: string } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [at.bundle ?? bundle, ...args], {
      cwd: at.cwd ?? root,
      env: { ...process.env, ...env },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** the JSON report without the one line that may differ between runs */
const withoutCreatedAt = (json: string) => json.replace(/\n\s*"created_at": "[^"]*",?/, "");

const numericColumns = (report: Report) =>
  report.layers.map((l) => Object.fromEntries(Object.entries(l).filter(([k, v]) => k !== "esd" && typeof v === "number")));

describe("heavytail analyze", () => {
  let local: Report;
  let hub: MockHub;

  beforeAll(async () => {
    const out = await cli(["analyze", tesseract, "--format", "json"]);
    expect(out.stderr).toBe("");
    local = JSON.parse(out.stdout);
    const gated = mkdtempSync(join(tmpdir(), "heavytail-gated-"));
    copyFileSync(join(tesseract, "model.safetensors"), join(gated, "model.safetensors"));
    writeFileSync(join(gated, ".mockhub.json"), JSON.stringify({ gated: true, token: "hf_threads_secret" }));
    hub = await createMockHub({ repos: { "tesseract-ocr/eng-lstm": tesseract, "org/gated-lstm": gated } });
  });
  afterAll(() => hub?.close());

  it("prints exactly a valid report with --format json", () => {
    const checked = validateReport(local);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(local.model).toMatchObject({ id: "tesseract_eng_lstm", source: "local", sha: null, dtypes: ["F32"] });
    expect(local.summary.layers_analysed).toBe(17);
    expect(local.skipped.map((s) => s.name)).toEqual(["ConvSeries.ConvNL.W"]);
  });

  it("analyses a Hub id through HF_ENDPOINT with the same numbers as the local files", async () => {
    const out = await cli(["analyze", "https://huggingface.co/tesseract-ocr/eng-lstm", "--format", "json"], { HF_ENDPOINT: hub.url });
    expect(out.stderr).toBe("");
    const report: Report = JSON.parse(out.stdout);
    expect(report.model).toMatchObject({ id: "tesseract-ocr/eng-lstm", source: "hub", revision: "main" });
    expect(report.model.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(numericColumns(report)).toEqual(numericColumns(local));
  });

  it("reads a gated Hub model's files in every worker thread with HF_TOKEN, never printing it", async () => {
    const out = await cli(["analyze", "org/gated-lstm", "--format", "json", "--threads", "2"], { HF_ENDPOINT: hub.url, HF_TOKEN: "hf_threads_secret" });
    expect(out.stderr).toBe("");
    expect(numericColumns(JSON.parse(out.stdout))).toEqual(numericColumns(local));
    const refused = await cli(["analyze", "org/gated-lstm", "--threads", "2"], { HF_ENDPOINT: hub.url, HF_TOKEN: "hf_wrong" });
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).not.toContain("hf_threads_secret");
  });

  it("writes the reference's columns with --format csv --out", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "heavytail-cli-")), "details.csv");
    const out = await cli(["analyze", tesseract, "--format", "csv", "--out", file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe("");
    const [header, ...rows] = readFileSync(file, "utf8").trim().split("\n");
    const reference = readFileSync(join(root, "test/fixtures/ppocrv4_rec/reference.details.csv"), "utf8").split("\n")[0];
    expect(header).toBe(reference);
    expect(rows).toHaveLength(17);
  });

  it("prints a readable table by default", async () => {
    const out = await cli(["analyze", join(tesseract, "model.safetensors")]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/17 analysed, 1 skipped, 0 failed/);
    expect(out.stdout).toMatch(/Output\.W .* over-trained/);
  });

  it("reproduces the randomized columns for the same seed", async () => {
    const a = await cli(["analyze", tesseract, "--format", "json", "--randomize", "--seed", "11"]);
    const b = await cli(["analyze", tesseract, "--format", "json", "--randomize", "--seed", "11"]);
    const ra: Report = JSON.parse(a.stdout);
    expect(ra.method).toMatchObject({ randomize: true, seed: 11 });
    expect(ra.layers[0].rand_distance).toBeGreaterThan(0);
    expect(numericColumns(ra)).toEqual(numericColumns(JSON.parse(b.stdout)));
  });

  it("says clearly what is wrong, with a non-zero exit", async () => {
    const missing = await cli(["analyze", "no-such-org/no-such-model"], { HF_ENDPOINT: hub.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^heavytail: .*no-such-org\/no-such-model/);
    const hostile = await cli(["analyze", "https://evil.example/org/name"]);
    expect(hostile.code).toBe(1);
    expect(hostile.stderr).toMatch(/not huggingface\.co/);
    const dir = mkdtempSync(join(tmpdir(), "heavytail-cli-"));
    writeFileSync(join(dir, "broken.safetensors"), Buffer.from([1, 2, 3]));
    const broken = await cli(["analyze", join(dir, "broken.safetensors")]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.safetensors/);
    const usage = await cli(["analyze", tesseract, "--format", "xml"]);
    expect(usage.code).toBe(2);
    // a mistyped local path is not sent to the Hub
    const typo = await cli(["analyze", "./test/fixtures/tesseract_eng_lsmt"], { HF_ENDPOINT: "http://127.0.0.1:9" });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/tesseract_eng_lsmt: no such file or folder/);
  });

  it("gives the same report, byte for byte, whatever the number of threads", async () => {
    for (const [model, extra] of [[ppocr, []], [tesseract, ["--randomize", "--seed", "5"]]] as const) {
      const outs = [];
      for (const threads of ["1", "2", "3"]) outs.push(await cli(["analyze", model, "--format", "json", "--threads", threads, ...extra]));
      for (const out of outs) expect(out.stderr).toBe("");
      expect(outs[0].stdout).toMatch(/"created_at"/);
      expect(withoutCreatedAt(outs[1].stdout)).toBe(withoutCreatedAt(outs[0].stdout));
      expect(withoutCreatedAt(outs[2].stdout)).toBe(withoutCreatedAt(outs[0].stdout));
    }
    // a budget below every layer's estimate runs them one at a time, with the same report
    const tight = await cli(["analyze", tesseract, "--format", "json", "--threads", "3", "--max-memory", "1M"]);
    expect(withoutCreatedAt(tight.stdout)).toBe(withoutCreatedAt(JSON.stringify(local, null, 2) + "\n"));
  });

  it("finds its worker threads' entry beside the bundle when installed elsewhere (npm install -g)", async () => {
    const prefix = mkdtempSync(join(tmpdir(), "heavytail-global-"));
    const installed = join(prefix, "lib/node_modules/heavytail/build");
    mkdirSync(installed, { recursive: true });
    for (const name of readdirSync(join(root, "build")).filter((n) => /^heavytail.*\.(mjs|wasm)$/.test(n))) copyFileSync(join(root, "build", name), join(installed, name));
    mkdirSync(join(prefix, "bin"));
    symlinkSync(join(installed, "heavytail.mjs"), join(prefix, "bin/heavytail"));
    const out = await cli(["analyze", tesseract, "--format", "json", "--threads", "2"], {}, { bundle: join(prefix, "bin/heavytail"), cwd: prefix });
    expect(out.stderr).toBe("");
    expect(withoutCreatedAt(out.stdout)).toBe(withoutCreatedAt(JSON.stringify(local, null, 2) + "\n"));
  });

  it("prints its version and its usage", async () => {
    const version = await cli(["--version"]);
    expect(version.stdout).toBe(`heavytail ${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version}\n`);
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--file NAME/);
    expect(help.stdout).toMatch(/--threads N[\s\S]*--max-memory SIZE[\s\S]*Memory: /);
    // --help stays fast: what the entry imports statically (its chunks, transitively) holds no worker code
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      const code = readFileSync(join(root, "build", name), "utf8");
      for (const [, chunk] of code.matchAll(/^(?:import|export)\b[^;]*?["']\.\/([^"']+\.mjs)["']/gm)) visit(chunk);
    };
    visit("heavytail.mjs");
    expect(loaded.size).toBeGreaterThan(1);
    for (const name of loaded) expect(readFileSync(join(root, "build", name), "utf8"), name).not.toMatch(/worker_threads/);
  });
});

describe("heavytail trends", () => {
  it("prints the paper's Table 1 rows", async () => {
    const out = await cli(["trends", join(root, "test/fixtures/trends/torchvision_vgg_resnet.csv")]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/VGG\s+log_spectral_norm\s+8\s+.*\s0\.23\s+0\.98\s+-0\.93/);
    // an exact τ of −1 prints as the site prints it (shared/format: integers as they are)
    expect(out.stdout).toMatch(/ResNet\s+alpha_weighted\s+5\s+.*\s0\.61\s+0\.96\s+-1\n/);
  });
});
