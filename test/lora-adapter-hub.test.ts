import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHubModel } from "../cli/open-hub-model.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { UsageError } from "../cli/parse-args.ts";
import { analyzeModel } from "#shared/analyze";
import { createMockHub } from "./mock-hub/create-mock-hub.ts";
import type { MockHub } from "./mock-hub/types.ts";
import { ADAPTER_CONFIG_JSON, encodeLoraAdapter } from "./helpers/write-lora-adapter.ts";

function adapterFolder(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-lora-hub-"));
  writeFileSync(join(dir, "adapter_model.safetensors"), encodeLoraAdapter());
  writeFileSync(join(dir, "adapter_config.json"), config);
  return dir;
}

describe("a PEFT LoRA adapter repo on the Hub, through openHubModel", () => {
  let hub: MockHub;
  beforeAll(async () => {
    hub = await createMockHub({ repos: { "org/lora": adapterFolder(ADAPTER_CONFIG_JSON) } });
  });
  afterAll(() => hub?.close());

  it("reads adapter_config.json into the description and analyses the lora_BA layers as the local folder does", async () => {
    const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };
    const opened = await openHubModel("org/lora", "main", { endpoint: hub.url, token: undefined });
    expect(opened.model.files).toEqual(["adapter_model.safetensors"]);
    expect(opened.description.adapter).toMatchObject({ peft_type: "LORA", r: 12, target_modules: ["q_proj", "v_proj"] });
    const fromHub = await analyzeModel(opened.model, opened.description, options);
    const local = openLocalModel(adapterFolder(ADAPTER_CONFIG_JSON));
    const fromFolder = await analyzeModel(local.model, local.description, options);
    expect(fromHub.layers).toEqual(fromFolder.layers);
    expect(fromHub.model.adapter).toEqual(fromFolder.model.adapter);
  });

  it("refuses a local adapter whose adapter_config.json is not JSON, naming the file", () => {
    expect(() => openLocalModel(adapterFolder("{not json"))).toThrow(UsageError);
    expect(() => openLocalModel(adapterFolder("{not json"))).toThrow(/adapter_config\.json: not JSON/);
  });
});
