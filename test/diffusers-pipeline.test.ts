import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHubModel } from "../cli/open-hub-model.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { validateReport, type Report } from "#shared/report";
import { createMockHub } from "./mock-hub/create-mock-hub.ts";
import type { MockHub } from "./mock-hub/types.ts";
import { writeDiffusersPipeline } from "./helpers/write-diffusers-pipeline.ts";
import { renderReportCard } from "../site/src/card/report-card.ts";
import { localCardContext } from "../site/src/card/card-context.ts";

const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };
const COMPONENTS = ["text_encoder", "text_encoder_2", "unet", "vae"];

describe("a diffusers pipeline (model_index.json and component folders)", () => {
  let dir: string;
  let hub: MockHub;
  let local: Report;
  beforeAll(async () => {
    dir = writeDiffusersPipeline(mkdtempSync(join(tmpdir(), "heavytail-diffusers-")));
    hub = await createMockHub({ repos: { "org/tiny-sd": dir } });
    const opened = openLocalModel(dir);
    local = await analyzeModel(opened.model, opened.description, options);
  });
  afterAll(() => hub?.close());

  it("analyses every component's weights, each layer named and tagged by its component, with the pipeline class as family", () => {
    expect(validateReport(JSON.parse(JSON.stringify(local))).ok).toBe(true);
    expect(local.model.family).toBe("StableDiffusionPipeline");
    expect(local.model.files.map((f) => f.name)).toEqual([
      "text_encoder/model.safetensors",
      "text_encoder_2/model.safetensors.index.json",
      "text_encoder_2/model-00001-of-00002.safetensors",
      "text_encoder_2/model-00002-of-00002.safetensors",
      "unet/diffusion_pytorch_model.safetensors",
      "vae/diffusion_pytorch_model.fp16.safetensors",
    ]);
    expect([...new Set(local.layers.map((l) => l.component))]).toEqual(COMPONENTS);
    for (const layer of [...local.layers, ...local.skipped]) expect(layer.name.startsWith(`${layer.component}/`)).toBe(true);
    // the same tensor names in text_encoder and text_encoder_2 stay two layers
    expect(local.layers.filter((l) => l.name.endsWith("/text_model.encoder.layers.0.self_attn.q_proj"))).toHaveLength(2);
    expect(local.layers.find((l) => l.name === "unet/conv_in")).toMatchObject({ layer_type: "conv2d", dtype: "F32" });
    expect(local.layers.find((l) => l.name === "vae/encoder.conv_in")).toMatchObject({ dtype: "F16" });
  });

  it("gives each component the layers and summary it gets analysed alone, and says which components the model's summary averages", async () => {
    for (const component of COMPONENTS) {
      const alone = openLocalModel(join(dir, component));
      const report = await analyzeModel(alone.model, alone.description, options);
      const own = local.layers.filter((l) => l.component === component);
      const strip = ({ layer_id: _id, name, component: _c, ...rest }: (typeof own)[number]) => ({ ...rest, name: name.slice(component.length + 1) });
      expect(own.map(strip)).toEqual(report.layers.map(({ layer_id: _id, ...rest }) => rest));
      const summary = local.summary.components!.find((c) => c.name === component)!;
      expect(summary.reference).toEqual(report.summary.reference);
      expect(summary.layers_analysed).toBe(report.layers.length);
      expect(summary.layers_skipped).toBe(report.skipped.length);
    }
    expect(local.summary.components!.map((c) => c.name)).toEqual(COMPONENTS);
    expect(local.summary.notes.join(" ")).toMatch(/4 components \(text_encoder, text_encoder_2, unet, vae\): the summary averages the layers of all of them/);
  });

  it("reads the same pipeline from the Hub by range requests, folder listings included, to the same report", async () => {
    const opened = await openHubModel("org/tiny-sd", "main", { endpoint: hub.url, token: undefined });
    const fromHub = await analyzeModel(opened.model, opened.description, options);
    expect(fromHub.model.family).toBe("StableDiffusionPipeline");
    expect(fromHub.layers).toEqual(local.layers);
    expect(fromHub.skipped).toEqual(local.skipped);
    expect(fromHub.summary).toEqual(local.summary);
  });

  it("shows each component's own summary on the card, and no such panel for a model of one component", async () => {
    const card = renderReportCard(local, localCardContext(local, "report.json"));
    const rows = [...card.matchAll(/<tr data-component="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(COMPONENTS);
    expect(card).toContain("unet/conv_in");
    const alone = openLocalModel(join(dir, "unet"));
    const single = await analyzeModel(alone.model, alone.description, options);
    expect(renderReportCard(single, localCardContext(single, "report.json"))).not.toContain("data-components");
  });
});
