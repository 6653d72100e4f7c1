import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./parse-args.ts";

describe("parseArgs", () => {
  it("reads an analyze command with every option", () => {
    expect(parseArgs(["analyze", "org/name", "--revision", "v1", "--format=json", "--out", "r.json", "--randomize", "--seed", "7"])).toEqual({
      command: "analyze",
      target: "org/name",
      revision: "v1",
      file: null,
      format: "json",
      out: "r.json",
      randomize: true,
      seed: 7,
      engine: null,
    });
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
