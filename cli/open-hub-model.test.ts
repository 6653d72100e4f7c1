import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileInUrl, openHubModel } from "./open-hub-model.ts";
import { analyzeModel } from "#shared/analyze";
import { createMockHub } from "../test/mock-hub/create-mock-hub.ts";
import type { MockHub } from "../test/mock-hub/types.ts";
import { tinyGguf, tinyLlama, tinySafetensors, tinyTorchCheckpoint } from "../test/helpers/tiny-llama.ts";
import { meta } from "../test/helpers/write-gguf.ts";

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-hub-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe("openHubModel", () => {
  const weights = tinyLlama({ hidden: 64, intermediate: 128, vocab: 40, seed: 4 });
  let hub: MockHub;
  const env = () => ({ endpoint: hub.url, token: undefined });
  const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };

  beforeAll(async () => {
    hub = await createMockHub({
      repos: {
        "org/safe": folder({ "model.safetensors": tinySafetensors(weights), "pytorch_model.bin": tinyTorchCheckpoint(weights) }),
        "org/bin-only": folder({ "pytorch_model.bin": tinyTorchCheckpoint(weights), "config.json": "{}" }),
        "org/one-gguf": folder({ "tiny-F32.gguf": tinyGguf(weights, () => "F32", [["general.file_type", meta.u32(0)]]) }),
        "org/many-gguf": folder({ "tiny-F32.gguf": tinyGguf(weights, () => "F32"), "tiny-F16.gguf": tinyGguf(weights, () => "F16") }),
      },
    });
  });
  afterAll(() => hub?.close());

  it("chooses safetensors, else pytorch_model.bin, else the one GGUF file, and analyses each to the same numbers", async () => {
    const analyse = async (id: string) => {
      const opened = await openHubModel(id, "main", env());
      return { files: opened.model.files, report: await analyzeModel(opened.model, opened.description, options) };
    };
    const safe = await analyse("org/safe");
    const bin = await analyse("org/bin-only");
    const gguf = await analyse("org/one-gguf");
    expect([safe.files, bin.files, gguf.files]).toEqual([["model.safetensors"], ["pytorch_model.bin"], ["tiny-F32.gguf"]]);
    expect(bin.report.layers).toEqual(safe.report.layers);
    expect(gguf.report.layers).toEqual(safe.report.layers);
    expect(gguf.report.model).toMatchObject({ source: "hub", id: "org/one-gguf", format: { kind: "gguf", file_type: "F32" } });
  });

  it("refuses a repo of several GGUF files with their names; a file option or a /blob/ URL chooses", async () => {
    await expect(openHubModel("org/many-gguf", "main", env())).rejects.toThrow(/2 GGUF files \(tiny-F16\.gguf, tiny-F32\.gguf\).*--file/);
    expect((await openHubModel("org/many-gguf", "main", env(), { file: "tiny-F16.gguf" })).model.files).toEqual(["tiny-F16.gguf"]);
    expect((await openHubModel("https://huggingface.co/org/many-gguf/blob/main/tiny-F32.gguf", "main", env())).model.files).toEqual(["tiny-F32.gguf"]);
    await expect(openHubModel("org/many-gguf", "main", env(), { file: "nope.gguf" })).rejects.toThrow(/no file "nope.gguf"/);
  });

  it("reads the file a blob or resolve URL names", () => {
    expect(fileInUrl("https://huggingface.co/org/name/blob/main/Q4_K_M/m-00001-of-00002.gguf?download=true")).toBe("Q4_K_M/m-00001-of-00002.gguf");
    expect(fileInUrl("hf.co/org/name/resolve/abc123/model.gguf")).toBe("model.gguf");
    expect(fileInUrl("org/name")).toBeUndefined();
    expect(fileInUrl("https://huggingface.co/org/name/tree/main")).toBeUndefined();
  });
});
