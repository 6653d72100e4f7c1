// `--base org/name[@rev]` against the mock Hub: the base resolved and pinned to its commit, the
// report recording it; and lineage read from the card (the Hub's cardData, i.e. the README's front
// matter), a local README, and GGUF metadata.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBaseModel } from "../cli/open-base-model.ts";
import { openHubModel } from "../cli/open-hub-model.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { validateReport } from "#shared/report";
import { createMockHub } from "./mock-hub/create-mock-hub.ts";
import type { MockHub } from "./mock-hub/types.ts";
import { tinyGguf, tinyLlama, tinySafetensors } from "./helpers/tiny-llama.ts";
import { meta } from "./helpers/write-gguf.ts";

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-delta-hub-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const CARD = "---\nlicense: apache-2.0\nbase_model: org/base\nbase_model_relation: finetune\n---\n# a fine-tune\n";

describe("delta analysis and lineage through the Hub", () => {
  const base = tinyLlama({ hidden: 64, intermediate: 128, vocab: 40, seed: 4 });
  const tuned = tinyLlama({ hidden: 64, intermediate: 128, vocab: 40, seed: 5 });
  let hub: MockHub;
  let tunedFolder: string;
  const env = () => ({ endpoint: hub.url, token: undefined });
  const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };

  beforeAll(async () => {
    tunedFolder = folder({ "model.safetensors": tinySafetensors(tuned), "README.md": CARD });
    hub = await createMockHub({
      repos: {
        "org/base": folder({ "model.safetensors": tinySafetensors(base) }),
        "org/tuned": tunedFolder,
        "org/quant": folder({
          "tiny-F32.gguf": tinyGguf(tuned, () => "F32", [
            ["general.base_model.count", meta.u32(1)],
            ["general.base_model.0.name", meta.string("base")],
            ["general.base_model.0.organization", meta.string("org")],
            ["general.base_model.0.repo_url", meta.string("https://huggingface.co/org/base")],
          ]),
        }),
      },
    });
  });
  afterAll(() => hub?.close());

  it("pins --base org/name@rev to its commit and records it; every layer is W − W_base", async () => {
    const opened = await openHubModel("org/tuned", "main", env());
    const baseOpened = await openBaseModel("org/base@main", env());
    expect(baseOpened.description.sha).toMatch(/^[0-9a-f]{40}$/);
    const { id, source, revision, sha } = baseOpened.description;
    const report = await analyzeModel(opened.model, opened.description, { ...options, base: { model: baseOpened.model, description: { id, source, revision, sha } } });
    expect(validateReport(JSON.parse(JSON.stringify(report))).ok).toBe(true);
    expect(report.method.base).toMatchObject({ id: "org/base", source: "hub", revision: "main", sha: baseOpened.description.sha, files: [{ name: "model.safetensors" }] });
    expect(report.layers.length).toBeGreaterThan(0);
    for (const layer of report.layers) expect(layer.delta_W).toBeGreaterThan(0);
    // the model against itself: every delta is zero
    const self = await analyzeModel(baseOpened.model, baseOpened.description, { ...options, base: { model: baseOpened.model, description: { id, source, revision, sha } } });
    expect(self.layers.every((l) => l.delta_W === 0 && l.delta_b === 0 && l.lambda_max === 0)).toBe(true);
  });

  it("reads the bases a card names from the Hub's cardData, and a local README's front matter", async () => {
    const hubModel = await openHubModel("org/tuned", "main", env());
    expect(hubModel.description.lineage).toEqual({ base_models: [{ id: "org/base", relation: "finetune", source: "card" }] });
    expect(openLocalModel(tunedFolder).description.lineage).toEqual({ base_models: [{ id: "org/base", relation: "finetune", source: "readme" }] });
    expect((await openHubModel("org/base", "main", env())).description.lineage).toBeUndefined();
  });

  it("reads a GGUF file's general.base_model.* into the report's lineage", async () => {
    const opened = await openHubModel("org/quant", "main", env());
    const report = await analyzeModel(opened.model, opened.description, options);
    expect(report.model.lineage).toEqual({ base_models: [{ id: "org/base", relation: null, source: "gguf" }] });
  });

  it("refuses a GGUF model against a safetensors base", async () => {
    const opened = await openHubModel("org/quant", "main", env());
    const baseOpened = await openBaseModel("org/base", env());
    await expect(analyzeModel(opened.model, opened.description, { ...options, base: { model: baseOpened.model, description: { id: "org/base", source: "hub", revision: "main", sha: null } } })).rejects.toThrow(
      /the model is gguf and the base safetensors/,
    );
  });
});
