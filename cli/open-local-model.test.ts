import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openLocalModel } from "./open-local-model.ts";
import { UsageError } from "./parse-args.ts";
import { analyzeModel } from "#shared/analyze";
import { tinyGguf, tinyLlama, tinySafetensors, tinyTorchCheckpoint } from "../test/helpers/tiny-llama.ts";

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-open-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const weights = tinyLlama({ hidden: 64, intermediate: 128, vocab: 40, seed: 2 });
const gguf = tinyGguf(weights, () => "F32");

describe("openLocalModel", () => {
  it("opens a folder's weights by the shared policy: safetensors, then .bin, then the one GGUF model", () => {
    const both = folder({ "model.safetensors": tinySafetensors(weights), "pytorch_model.bin": tinyTorchCheckpoint(weights), "config.json": '{"model_type":"llama"}' });
    expect(openLocalModel(both).model.files).toEqual(["model.safetensors"]);
    expect(openLocalModel(both).description.family).toBe("llama");
    const bin = folder({ "pytorch_model.bin": tinyTorchCheckpoint(weights), "training_args.bin": "x" });
    expect(openLocalModel(bin).model.files).toEqual(["pytorch_model.bin"]);
    const one = folder({ "tiny-F32.gguf": gguf, "README.md": "#" });
    expect(openLocalModel(one).model.files).toEqual(["tiny-F32.gguf"]);
  });

  it("refuses a folder of several GGUF files with the list and how to choose; --file or the file's path chooses", () => {
    const dir = folder({ "tiny-Q8_0.gguf": gguf, "tiny-F32.gguf": gguf, "sub/tiny-Q4_K_M.gguf": gguf });
    expect(() => openLocalModel(dir)).toThrow(UsageError);
    expect(() => openLocalModel(dir)).toThrow(/2 GGUF files \(tiny-F32\.gguf, tiny-Q8_0\.gguf\).*--file <name>/);
    expect(openLocalModel(dir, { file: "tiny-Q8_0.gguf" }).model.files).toEqual(["tiny-Q8_0.gguf"]);
    expect(openLocalModel(dir, { file: "sub/tiny-Q4_K_M.gguf" }).model.files).toEqual(["sub/tiny-Q4_K_M.gguf"]);
    expect(openLocalModel(join(dir, "tiny-F32.gguf")).model.files).toEqual(["tiny-F32.gguf"]);
    expect(openLocalModel(join(dir, "tiny-F32.gguf")).description.id).toBe("tiny-F32");
    expect(() => openLocalModel(dir, { file: "../../etc/passwd" })).toThrow(/no file|not a file name/);
    expect(() => openLocalModel(join(dir, "tiny-F32.gguf"), { file: "x.gguf" })).toThrow(/is a file already/);
  });

  it("analyses a .gguf file and a .bin folder from disk like the safetensors copy", async () => {
    const dir = folder({ "model.safetensors": tinySafetensors(weights), "m.gguf": gguf, "bin/pytorch_model.bin": tinyTorchCheckpoint(weights) });
    const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };
    const run = async (path: string) => {
      const opened = openLocalModel(path);
      return (await analyzeModel(opened.model, opened.description, options)).layers;
    };
    const reference = await run(join(dir, "model.safetensors"));
    expect(await run(join(dir, "m.gguf"))).toEqual(reference);
    expect(await run(join(dir, "bin"))).toEqual(reference);
  });
});
