import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./parse-args.ts";

describe("parseArgs", () => {
  it("reads an analyze command with every option", () => {
    expect(parseArgs(["analyze", "org/name", "--revision", "v1", "--format=json", "--out", "r.json", "--randomize", "--seed", "7"])).toEqual({
      command: "analyze",
      target: "org/name",
      revision: "v1",
      file: null,
      base: null,
      peft: "adapter",
      format: "json",
      out: "r.json",
      randomize: true,
      seed: 7,
      engine: null,
      threads: null,
      maxMemory: null,
    });
  });

  it("reads --peft adapter|with_base (default adapter)", () => {
    expect(parseArgs(["analyze", "org/adapter", "--peft", "with_base"])).toMatchObject({ peft: "with_base", base: null });
    expect(parseArgs(["analyze", "org/adapter", "--peft=with_base", "--base", "org/base@abc"])).toMatchObject({ peft: "with_base", base: "org/base@abc" });
    expect(parseArgs(["analyze", "org/adapter"])).toMatchObject({ peft: "adapter" });
    expect(() => parseArgs(["analyze", "m", "--peft", "true"])).toThrow(/--peft must be adapter or with_base, not 'true'/);
  });

  it("reads --base, a path or a Hub id with an optional @revision", () => {
    expect(parseArgs(["analyze", "org/tuned", "--base", "org/base@v1.0"])).toMatchObject({ target: "org/tuned", base: "org/base@v1.0" });
    expect(parseArgs(["analyze", "./tuned", "--base=./base"])).toMatchObject({ base: "./base" });
    expect(() => parseArgs(["analyze", "m", "--base"])).toThrow(/--base needs a value/);
  });

  it("reads --threads and --max-memory, and refuses what they cannot be", () => {
    expect(parseArgs(["analyze", "m", "--threads", "3", "--max-memory", "6G"])).toMatchObject({ threads: 3, maxMemory: 6 * 2 ** 30 });
    expect(parseArgs(["analyze", "m", "--threads=1"])).toMatchObject({ threads: 1 });
    for (const bad of ["0", "1.5", "two", ""]) expect(() => parseArgs(["analyze", "m", "--threads", bad])).toThrow(/--threads must be an integer from 1/);
    // a value that looks like an option is refused as missing, unless it is written inline
    expect(() => parseArgs(["analyze", "m", "--threads", "-2"])).toThrow(/--threads needs a value \(one starting with '-' is written --threads=-…\)/);
    expect(() => parseArgs(["analyze", "m", "--threads=-2"])).toThrow(/--threads must be an integer from 1/);
    expect(() => parseArgs(["analyze", "m", "--randomize=yes"])).toThrow(/--randomize takes no value/);
    expect(() => parseArgs(["analyze", "m", "--max-memory", "lots"])).toThrow(/--max-memory must be a size/);
  });
  it("defaults to the table, main, no randomization, seed 0", () => {
    expect(parseArgs(["analyze", "m.safetensors"])).toMatchObject({ format: "table", revision: "main", randomize: false, seed: 0 });
  });
  it("says what is wrong with a bad option", () => {
    expect(() => parseArgs(["analyze", "x", "--format", "xml"])).toThrow(UsageError);
    expect(() => parseArgs(["analyze", "x", "--seed", "-1"])).toThrow(/--seed/);
    expect(() => parseArgs(["analyze", "x", "--colour"])).toThrow(/unknown option --colour/);
    expect(() => parseArgs(["analyze"])).toThrow(/one model/);
    expect(() => parseArgs(["frobnicate"])).toThrow(/unknown command/);
  });
  it("reads the trends command", () => {
    expect(parseArgs(["trends", "t.csv"])).toEqual({ command: "trends", csv: "t.csv", format: "table" });
  });
  it("answers --version", () => {
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
    expect(parseArgs(["-v"])).toEqual({ command: "version" });
  });

  it("reads --file", () => {
    expect(parseArgs(["analyze", "org/name", "--file", "model-Q4_K_M.gguf"])).toMatchObject({ file: "model-Q4_K_M.gguf" });
    expect(parseArgs(["analyze", "org/name"])).toMatchObject({ file: null });
  });

  it("answers help", () => {
    expect(parseArgs([])).toEqual({ command: "help" });
    expect(parseArgs(["analyze", "--help"])).toEqual({ command: "help" });
  });
});
